# edit-error: Syntax {"action":"add_model","name":"Toy"}
class Broken(
