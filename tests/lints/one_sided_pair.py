# lints: one-sided-relationship
# Both sides declared, never linked: no sync in Python, and an SAWarning.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import configure_mappers, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    children = relationship("Child")


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parent.id"))
    parent = relationship("Parent")


configure_mappers()  # SAWarning: relationship 'Child.parent' will copy column parent.id ...
p = Parent()
Child(parent=p)
print(p.children)  # []
