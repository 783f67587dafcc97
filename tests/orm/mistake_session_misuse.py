# features: legacy-declarative, mistakes, refresh/expire/expunge/delete of a transient object, appending a non-mapped value, assigning the wrong class to a backref'd many-to-one, DetachedInstanceError after close
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, inspect
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
    parent_id = Column(Integer, ForeignKey("parent.id"))
    parent = relationship("Parent", back_populates="children")


engine = create_engine("sqlite:///:memory:")
Base.metadata.create_all(engine)
session = Session(engine)
t = Parent(name="t")
for action in ("refresh", "expire", "expunge", "delete"):
    try:
        getattr(session, action)(t)
    except Exception as e:
        print(action, type(e).__name__, e)
try:
    t.children.append("not a child")
except Exception as e:
    print(type(e).__name__, e)
try:
    Child(parent=Child())
except Exception as e:
    print(type(e).__name__, e)
session.add(t)
session.commit()
session.close()
print(inspect(t).detached)
try:
    t.children
except Exception as e:
    print(type(e).__name__, e)
try:
    t.name
except Exception as e:
    print(type(e).__name__, e)
