# lints: backref-and-back-populates
# Both keywords on one relationship.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parent.id"))


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    # ArgumentError: backref and back_populates keyword arguments are mutually exclusive
    children = relationship("Child", backref="parent", back_populates="parent")
