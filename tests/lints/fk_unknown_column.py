# lints: fk-unknown-column
# The table exists, the column does not.
from sqlalchemy import Column, ForeignKey, Integer, create_engine
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parent.parent_id"))


Base.metadata.create_all(create_engine("sqlite://"))  # NoReferencedColumnError
