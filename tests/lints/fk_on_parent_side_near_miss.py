# lints: none
# Many-to-one on purpose: the FK on parent and a singular attribute.
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import configure_mappers, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    child_id = Column(Integer, ForeignKey("child.id"))
    child = relationship("Child", backref="parents")


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    # a plural column name that is not a relationship must not confuse the lint
    status = Column(Integer)


configure_mappers()
print(Parent.child.property.direction.name)  # MANYTOONE
