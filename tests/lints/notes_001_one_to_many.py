# lints: legacy-1x
# Learner notes 001, one-to-many as written: declarative_base(bind=engine) from ext.declarative.
from sqlalchemy import create_engine
from sqlalchemy import Column, Integer, ForeignKey
from sqlalchemy.orm import relationship, sessionmaker
from sqlalchemy.ext.declarative import declarative_base

engine = create_engine('sqlite:///:memory:', echo=True)
Base = declarative_base(bind=engine)

class Parent(Base):
    __tablename__ = 'parent'
    id = Column(Integer, primary_key=True)
    # children = relationship("Child")
    children = relationship("Child", back_populates="parent")

class Child(Base):
    __tablename__ = 'child'
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey('parent.id'))
    # parent = relationship("Parent")
    parent = relationship("Parent", back_populates="children")

parent = Parent(id=1)
child = Child(id=5)
child.parent = parent
print([a.id for a in parent.children])
