# child.parent = p with backref=: the generated Child.parent syncs p.children
# the same way back_populates does.
from sqlalchemy import create_engine, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    children: Mapped[list["Child"]] = relationship(backref="parent")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"), nullable=True)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
p = Parent(name="p")
q = Parent(name="q")
c = Child()
c.parent = p
d = Child()
p.children.append(d)
c.parent = q
q.children.remove(c)
with Session(engine) as session:
    session.add_all([p, q])
    session.flush()
    session.commit()
    print(len(p.children))
    print(d.parent.name)
