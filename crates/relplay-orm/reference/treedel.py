from sqlalchemy import *
from sqlalchemy.orm import *
class Base(DeclarativeBase): pass
class Node(Base):
    __tablename__ = "node"
    id = mapped_column(Integer, primary_key=True)
    parent_id = mapped_column(ForeignKey("node.id"))
    name = mapped_column(String)
    children = relationship("Node", cascade="all, delete-orphan")
e = create_engine("sqlite://")
Base.metadata.create_all(e)
with Session(e) as s:
    root = Node(name="root", children=[Node(name="a", children=[Node(name="a1")]), Node(name="b")])
    s.add(root); s.commit()
    e.echo = True
    s.delete(root); s.flush()
