# lints: syntax-error
# Not a print statement: an ordinary syntax error (a missing colon).
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Person(Base)
    __tablename__ = "person"
