# edit: {"action":"set_sync","rel":"Parent.children","sync":"backref"}
from sqlalchemy import Column, ForeignKey, Integer, String, Table, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()

association_table = Table(
    "association",
    Base.metadata,
    Column("left_id", Integer, ForeignKey("left.id")),
    Column("right_id", Integer, ForeignKey("right.id")),
)


class Parent(Base):
    __tablename__ = "left"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    children = relationship("Child", secondary=association_table, backref="parents")


class Child(Base):
    __tablename__ = "right"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    p1, p2 = Parent(name="p1"), Parent(name="p2")
    c1, c2 = Child(name="c1"), Child(name="c2")
    p1.children.extend([c1, c2])
    p2.children.append(c1)
    print("c1.parents:", [p.name for p in c1.parents])
    session.add_all([p1, p2])
    session.commit()
    p1.children.remove(c1)
    print("c1.parents after remove:", [p.name for p in c1.parents])
    session.commit()
    print(session.query(association_table).order_by("left_id", "right_id").all())
