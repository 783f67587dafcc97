# edit-error: BadName {"action":"rename_model","name":"Child","to":"Parent"}
from sqlalchemy import create_engine
from sqlalchemy import Column, Integer, ForeignKey, String
from sqlalchemy.orm import declarative_base, relationship, Session

Base = declarative_base()


class Parent(Base):
    __tablename__ = 'parent'
    id = Column(Integer, primary_key=True)
    name = Column(String(30))  # the parent's name
    children = relationship("Child", back_populates="parent")


class Child(Base):
    __tablename__ = 'child'
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey('parent.id'))
    parent = relationship("Parent", back_populates="children")


engine = create_engine('sqlite://')
Base.metadata.create_all(engine)
with Session(engine) as session:
    p = Parent(name='p')
    c = Child()
    c.parent = p
    print([x.id for x in p.children])
    session.add(p)
    session.commit()
    print(len(p.children))
