# features: gallery, one-sided relationship, no back_populates, in-python state
# gallery: Both sides — a one-sided relationship() does not sync
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    children = relationship("Child")


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    parent_id = Column(Integer, ForeignKey("parent.id"))
    parent = relationship("Parent")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)

p = Parent(name="p")
c = Child(name="c")
c.parent = p
# without back_populates you get []
print("p.children before flush:", [x.name for x in p.children])
session.add(c)  # p comes along: save-update cascades from c.parent
session.commit()
# after commit everything is expired: the collection is loaded from the database
print("p.children after commit:", [x.name for x in p.children])
session.close()
