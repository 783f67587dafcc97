# features: gallery, both-sides sync, back_populates, in-python state, before flush
# gallery: Both sides — back_populates keeps both sides in step
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    children = relationship("Child", back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    parent_id = Column(Integer, ForeignKey("parent.id"))
    parent = relationship("Parent", back_populates="children")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

p = Parent(name="p")
c = Child(name="c")
c.parent = p
print("p.children:", [x.name for x in p.children])  # ['c']: synced in Python
print("c.parent_id:", c.parent_id)  # None: the FK is only copied at flush

q = Parent(name="q")
c.parent = q
print("p.children after reassignment:", [x.name for x in p.children])
print("q.children:", [x.name for x in q.children])

with Session(engine) as session:
    session.add_all([p, q])
    session.flush()
    print("c.parent_id after flush:", c.parent_id)
    session.commit()
