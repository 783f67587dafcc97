# features: 2.0-style, aliased, self-join, adjacency-list, legacy-query-aliased, echo
from typing import List, Optional

from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, aliased, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Node(Base):
    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("node.id"))
    children: Mapped[List["Node"]] = relationship(back_populates="parent")
    parent: Mapped[Optional["Node"]] = relationship(back_populates="children", remote_side=[id])


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    root = Node(name="root", children=[Node(name="a", children=[Node(name="a1")]), Node(name="b")])
    s.add(root)
    s.commit()
    parent = aliased(Node)
    stmt = select(Node.name, parent.name).join(parent, Node.parent_id == parent.id).order_by(Node.id)
    print(s.execute(stmt).all())
    kids = s.scalars(select(Node).join(parent, Node.parent_id == parent.id).where(parent.name == "root").order_by(Node.name)).all()
    print([k.name for k in kids])
    print([(n.name, p.name) for n, p in s.query(Node, parent).join(parent, Node.parent_id == parent.id).filter(parent.name == "a")])
