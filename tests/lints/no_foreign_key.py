# lints: no-foreign-key
# A one-to-many with the ForeignKey forgotten.
from sqlalchemy import Column, Integer
from sqlalchemy.orm import configure_mappers, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    children = relationship("Child", back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer)
    parent = relationship("Parent", back_populates="children")


configure_mappers()  # NoForeignKeysError
