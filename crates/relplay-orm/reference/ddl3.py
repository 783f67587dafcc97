from sqlalchemy import *
from sqlalchemy.schema import CreateTable
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, declarative_base
d = sqlite.dialect()
m = MetaData()
p = Table("p", m, Column("id", Integer, primary_key=True))
t = Table("t", m, Column("id", Integer, primary_key=True), Column("a", Integer, ForeignKey("p.id"), unique=True), Column("b", ForeignKey("p.id"), unique=True), Column("c", Integer, unique=True), Column("e", Integer, ForeignKey("p.id")))
print(str(CreateTable(t).compile(dialect=d)))
B = declarative_base()
class P(B):
    __tablename__ = "p"
    id = Column(Integer, primary_key=True)
class X(B):
    __tablename__ = "x"
    id = Column(Integer, primary_key=True)
    a = Column(Integer, ForeignKey("p.id"), unique=True)
    c = Column(Integer, unique=True)
    e = Column(Integer, ForeignKey("p.id"))
print(str(CreateTable(X.__table__).compile(dialect=d)))
class Base(DeclarativeBase): pass
class P2(Base):
    __tablename__ = "p"
    id: Mapped[int] = mapped_column(primary_key=True)
class Y(Base):
    __tablename__ = "y"
    id: Mapped[int] = mapped_column(primary_key=True)
    a: Mapped[int] = mapped_column(ForeignKey("p.id"), unique=True)
    c: Mapped[int] = mapped_column(unique=True)
    e: Mapped[int] = mapped_column(ForeignKey("p.id"))
    f: Mapped[int] = mapped_column(Integer, ForeignKey("p.id"), unique=True)
print(str(CreateTable(Y.__table__).compile(dialect=d)))
