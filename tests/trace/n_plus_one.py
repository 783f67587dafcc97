# The N+1 pattern: one SELECT for the parents, then one lazy load per
# parent inside the loop, each attributed to the line that touched
# p.children.
from sqlalchemy import create_engine, ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    children: Mapped[list["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped["Parent"] = relationship(back_populates="children")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Parent(name=n, children=[Child()]) for n in "abc"])
    session.commit()
with Session(engine) as session:
    session.add(Parent(name="d"))
    for p in session.scalars(select(Parent)):
        print(p.name, len(p.children))
