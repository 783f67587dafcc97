# features: benchmark, one-to-many, relationships, flush, commit, loading strategies
# N parents, each with 3 children, built through relationships, flushed,
# committed and queried back with each loading strategy. N comes from the
# first line of stdin-free configuration below (the bench script rewrites it).
N = 10
from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, joinedload, mapped_column, relationship, selectinload, subqueryload
from typing import List


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    children: Mapped[List["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"))
    parent: Mapped["Parent"] = relationship(back_populates="children")


engine = create_engine("sqlite:///:memory:")
Base.metadata.create_all(engine)
with Session(engine) as session:
    for i in range(N):
        p = Parent(name=f"p{i}")
        for j in range(3):
            p.children.append(Child(name=f"c{i}.{j}"))
        session.add(p)
    session.commit()

total = 0
for option in [None, joinedload, selectinload, subqueryload]:
    with Session(engine) as session:
        stmt = select(Parent).order_by(Parent.id)
        if option is not None:
            stmt = stmt.options(option(Parent.children))
        for p in session.scalars(stmt).unique():
            total += len(p.children)
print(total)
