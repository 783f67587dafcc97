# lints: backref-clash
# The backref is named after the FK column, which Child already has.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import configure_mappers, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    children = relationship("Child", backref="parent_id")


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parent.id"))


configure_mappers()  # ArgumentError: Error creating backref 'parent_id' ...
