# features: legacy-declarative, session.merge, cascade merge, detached, transient merge, load=False, identity-map, echo
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    children = relationship("Child", back_populates="parent", cascade="all, delete-orphan", order_by="Child.id")

    def __repr__(self):
        return f"Parent({self.id}, {self.name!r})"


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    parent_id = Column(Integer, ForeignKey("parent.id"))
    parent = relationship("Parent", back_populates="children")

    def __repr__(self):
        return f"Child({self.id}, {self.name!r})"


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as s1:
    p = Parent(id=1, name="mum", children=[Child(id=1, name="a"), Child(id=2, name="b")])
    s1.add(p)
    s1.commit()
    detached = s1.get(Parent, 1)
    print(detached.children)

print("-- merge a detached object into a new session")
detached.name = "mother"
detached.children[0].name = "a2"
with Session(engine) as s2:
    merged = s2.merge(detached)
    print(merged is detached, merged, merged.children)
    print("dirty:", sorted(repr(o) for o in s2.dirty))
    s2.commit()

print("-- merge a transient object with an existing primary key: an UPDATE")
with Session(engine) as s3:
    m = s3.merge(Parent(id=1, name="mom"))
    print(m in s3, m.name)
    print("-- merge a transient object with a new key: an INSERT, children cascade")
    n = s3.merge(Parent(id=2, name="dad", children=[Child(id=3, name="c")]))
    print(n in s3.new, [c in s3.new for c in n.children])
    s3.commit()
    print(s3.get(Parent, 2).children)

print("-- merge(load=False) trusts the given state")
with Session(engine) as s4:
    p2 = s4.get(Parent, 2)
    s4.expunge(p2)
    p2.name
    again = s4.merge(p2, load=False)
    print(again.name, again in s4.dirty)
