# lints: lazy-false-is-joined
# lazy=False is the old spelling of lazy="joined": a LEFT OUTER JOIN, not a query object.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import configure_mappers, declarative_base, relationship

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    offences = relationship("Offence", backref="person", lazy=False)


class Offence(Base):
    __tablename__ = "offence"
    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("person.id"))


configure_mappers()
print(Person.offences.property.lazy, Person.offences.property.strategy.__class__.__name__)
