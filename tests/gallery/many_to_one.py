# features: gallery, legacy-declarative, many-to-one, backref, Column, session.add
# gallery: Many to one — many rows point at one row
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    # many parents may share one child: the FK is on parent
    child_id = Column(Integer, ForeignKey("child.id"))
    child = relationship("Child", backref="parents")


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)

toy = Child(name="toy")
a = Parent(name="a", child=toy)
b = Parent(name="b")
b.child = toy
print("toy.parents (made by backref):", [p.name for p in toy.parents])
session.add_all([a, b])
session.commit()
print(a.child_id, b.child_id, a.child is b.child)
session.close()
