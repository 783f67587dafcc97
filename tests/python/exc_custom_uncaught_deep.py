# features: custom exception uncaught from nested calls, exception with attributes and multi-line message
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field

def validate_age(age):
    if age < 0:
        raise ValidationError("age", "must be >= 0")
    return age

def validate(record):
    print("validating", record)
    return {"name": record["name"], "age": validate_age(record["age"])}

def load_all(records):
    return [validate(r) for r in records]

print(load_all([{"name": "a", "age": 1}]))
load_all([{"name": "b", "age": 2}, {"name": "c", "age": -1}])
