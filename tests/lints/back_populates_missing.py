# lints: back-populates-mismatch
# back_populates="owner" but Pet calls it "person".
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import configure_mappers, declarative_base, relationship

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    pets = relationship("Pet", back_populates="owner")


class Pet(Base):
    __tablename__ = "pet"
    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("person.id"))
    person = relationship("Person", back_populates="pets")


configure_mappers()  # InvalidRequestError: Mapper 'Mapper[Pet(pet)]' has no property 'owner'
