# features: gallery, 2.0-style, one-to-many, back_populates, Mapped, List, select, echo
# gallery: One to many — a parent with a list of children
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    # the "one" side: a collection of Child objects
    children: Mapped[List["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    # the foreign key lives on the "many" side
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped[Optional["Parent"]] = relationship(back_populates="children")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    mum = Parent(name="mum")
    mum.children.append(Child(name="ann"))
    mum.children.append(Child(name="bob"))
    print("ann's parent before flush:", mum.children[0].parent.name)
    session.add(mum)
    session.commit()

with Session(engine) as session:
    mum = session.scalars(select(Parent).where(Parent.name == "mum")).one()
    print([c.name for c in mum.children])
    print([c.parent_id for c in mum.children])
