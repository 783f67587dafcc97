from sqlalchemy import *
from sqlalchemy.schema import CreateTable, CreateIndex, DropTable
from sqlalchemy.dialects import sqlite
d = sqlite.dialect()
m = MetaData()
u = Table("user", m, Column("id", Integer, primary_key=True), Column("name", String(30), nullable=False, unique=True, comment="x"),
  Column("active", Boolean, default=True, server_default="1"), Column("price", Numeric(10,2)), Column("f", Float), Column("d", Date), Column("dt", DateTime),
  Column("t", Time), Column("b", LargeBinary), Column("tx", Text), Column("e", Enum("a","b", name="e1")), Column("code", String(5), index=True),
  Column("order", Integer, server_default=text("0")), Column("sd", String, server_default="x'y"), UniqueConstraint("name","code"), CheckConstraint("price > 0"))
o = Table("order", m, Column("id", Integer, Sequence("s"), primary_key=True), Column("user_id", ForeignKey("user.id"), nullable=False), Column("a", Integer), Column("b", Integer),
  ForeignKeyConstraint(["a","b"], ["pair.x","pair.y"]), Column("name with space", Integer))
p = Table("pair", m, Column("x", Integer, primary_key=True), Column("y", Integer, primary_key=True), Column("J", JSON), Column("Cap", Integer))
for t in [u,o,p]:
    print(repr(str(CreateTable(t).compile(dialect=d))))
for ix in u.indexes: print(repr(str(CreateIndex(ix).compile(dialect=d))))
print(repr(str(DropTable(u).compile(dialect=d))))
print([t.name for t in m.sorted_tables])
i = Index("ix_multi", o.c.a, o.c.b, unique=True); print(repr(str(CreateIndex(i).compile(dialect=d))))
