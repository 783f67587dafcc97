# lints: none
# lazy=True is lazy="select" (the default); "dynamic" gives a query.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import configure_mappers, declarative_base, relationship

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    offences = relationship("Offence", backref="person", lazy=True)
    tickets = relationship("Ticket", backref="person", lazy="dynamic")


class Offence(Base):
    __tablename__ = "offence"
    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("person.id"))


class Ticket(Base):
    __tablename__ = "ticket"
    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("person.id"))


configure_mappers()
print(type(Person().tickets).__name__)
