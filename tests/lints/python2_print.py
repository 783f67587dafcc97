# lints: python2-print
# Two Python 2 print statements: each is reported with its Python 3 spelling.
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))


person = Person(name="L. Lad")
print "%s's offences:" % person.name
for n in range(2):
    print "offence", n  # SyntaxError: Missing parentheses in call to 'print'
