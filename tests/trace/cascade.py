# save-update cascade runs along the relationship that was set: appending
# to p.children (p in a session) makes the child pending at once; setting
# child.parent = p does not (only the backref moved; 2.0 has no
# cascade_backrefs), so that child is still transient.
from sqlalchemy import create_engine, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    children: Mapped[list["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"), nullable=True)
    parent: Mapped["Parent"] = relationship(back_populates="children")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
p = Parent()
session.add(p)
a = Child()
a.parent = p
b = Child()
p.children.append(b)
print(a in session, b in session)
