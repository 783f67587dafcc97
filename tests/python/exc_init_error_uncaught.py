# features: exception raised inside __init__, uncaught ValueError with custom message from a class
class Temperature:
    def __init__(self, kelvin):
        print("creating", kelvin)
        if kelvin < 0:
            raise ValueError(f"kelvin must be non-negative, got {kelvin}")
        self.kelvin = kelvin

    def __repr__(self):
        return f"Temperature({self.kelvin})"

temps = [Temperature(k) for k in (0, 273.15)]
print(temps)
temps.append(Temperature(-1))
print(temps)
