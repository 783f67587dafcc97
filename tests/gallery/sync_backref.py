# features: gallery, both-sides sync, backref, generated attribute
# gallery: Both sides — backref declares the other side for you
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    # creates Child.parent too
    children = relationship("Child", backref="parent")


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    parent_id = Column(Integer, ForeignKey("parent.id"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

p = Parent(name="p")
c = Child(name="c")
c.parent = p
print("p.children:", [x.name for x in p.children])
p.children.remove(c)
print("c.parent after remove:", c.parent)

with Session(engine) as session:
    p.children.append(c)
    session.add(p)
    session.commit()
    print("c.parent_id:", c.parent_id)
