# del obj.attr: a column leaves __dict__; a relationship is set to None and
# the other side forgets the object.
from sqlalchemy import create_engine, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class Parent(Base):
    __tablename__ = "parent"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(nullable=True)
    children: Mapped[list["Child"]] = relationship(back_populates="parent")


class Child(Base):
    __tablename__ = "child"
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("parent.id"), nullable=True)
    parent: Mapped["Parent"] = relationship(back_populates="children")


p = Parent(name="p")
c = Child(parent=p)
del c.parent
del p.name
print(p.children, c.parent, p.name)
