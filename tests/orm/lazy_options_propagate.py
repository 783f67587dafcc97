# features: 2.0-style, adjacency list, loader options propagate to later lazy loads (cache keys by load path), joinedload parent, delete-orphan in a tree, echo
from typing import List, Optional
from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, joinedload, selectinload


class Base(DeclarativeBase):
    pass


class Node(Base):
    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("node.id"))
    parent: Mapped[Optional["Node"]] = relationship(back_populates="children", remote_side=[id])
    children: Mapped[List["Node"]] = relationship(back_populates="parent", cascade="all, delete-orphan", order_by="Node.id")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    root = Node(name="root", children=[Node(name="a", children=[Node(name="a1"), Node(name="a2")]), Node(name="b")])
    s.add(root)
    s.commit()

with Session(engine) as s:
    r = s.scalars(select(Node).where(Node.parent_id.is_(None)).options(selectinload(Node.children).selectinload(Node.children))).one()
    def walk(n, d=0):
        print("  " * d + n.name)
        for c in n.children:
            walk(c, d + 1)
    walk(r)
with Session(engine) as s:
    a1 = s.scalars(select(Node).where(Node.name == "a1").options(joinedload(Node.parent))).one()
    print(a1.parent.name)
    a = a1.parent
    a.children.remove(a1)
    s.commit()
    print(s.scalars(select(Node.name).order_by(Node.id)).all())
    s.delete(s.get(Node, 1))
    s.commit()
    print(s.scalars(select(Node.name)).all())
