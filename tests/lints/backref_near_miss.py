# lints: none
# backref= on one side only, with a free name; a backref(...) call too.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import backref, configure_mappers, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    children = relationship("Child", backref="parent")


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parent.id"))


class Pet(Base):
    __tablename__ = "pet"
    id = Column(Integer, primary_key=True)
    child_id = Column(Integer, ForeignKey("child.id"), unique=True)
    child = relationship("Child", backref=backref("pet", uselist=False))


configure_mappers()
print(Child.parent.property.direction.name, Child.pet.property.uselist)
