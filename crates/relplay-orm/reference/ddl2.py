from sqlalchemy import *
from sqlalchemy.schema import CreateTable
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
d = sqlite.dialect()
m = MetaData()
p = Table("p", m, Column("id", Integer, primary_key=True))
t = Table("t", m, Column("id", Integer, primary_key=True), Column("z", Integer, index=True), Column("a", ForeignKey("p.id"), unique=True, index=True), Column("b", Integer, unique=True), UniqueConstraint("z", name="uq_z"), Column("c", Integer, ForeignKey("p.id", ondelete="CASCADE"), index=True), Column("y", Integer, index=True))
print(str(CreateTable(t).compile(dialect=d)))
print([i.name for i in t.indexes])
class Base(DeclarativeBase): pass
class X(Base):
    __tablename__ = "x"
    __table_args__ = (UniqueConstraint("b", "a"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    a: Mapped[int] = mapped_column(ForeignKey("p.id"), unique=True)
    b: Mapped[str] = mapped_column(String(5), default="q", server_default=text("'q'"))
    c: Mapped[bool] = mapped_column(default=False)
    e: Mapped[float]
print(str(CreateTable(X.__table__).compile(dialect=d)))
e = create_engine("sqlite://", echo=True)
m.create_all(e)
