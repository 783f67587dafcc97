# The relationship lab's compare variant of a gallery example (relplay_lab::edit::variants).
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Node(Base):
    __tablename__ = "node"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("node.id"))
    name = Column(String(20))
    # remote_side marks node.id as the "one" side of the self-reference
    parent = relationship("Node", remote_side=[id], backref="children")

    def __repr__(self):
        return f"Node({self.name!r})"


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    root = Node(name="root")
    a = Node(name="a", parent=root)
    b = Node(name="b", parent=root)
    Node(name="a1", parent=a)
    print(root.children, a.children, b.parent)
    session.add(root)
    session.commit()
    leaf = session.query(Node).filter_by(name="a1").one()
    print(leaf.parent, leaf.parent.parent, leaf.parent.parent.parent)
