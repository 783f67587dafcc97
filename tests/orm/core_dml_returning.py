# features: core, Table, insert returning, update returning, engine.begin, scalar_one, echo
from sqlalchemy import Column, Integer, String, MetaData, Table, create_engine, insert, update, select
md = MetaData()
t = Table("t", md, Column("id", Integer, primary_key=True), Column("name", String(20)))
e = create_engine("sqlite://", echo=True)
md.create_all(e)
with e.begin() as conn:
    r = conn.execute(insert(t).values(name="a").returning(t.c.id, t.c.name))
    print(r.all())
    r = conn.execute(update(t).where(t.c.id == 1).values(name="b").returning(t.c.name))
    print(r.scalar_one())
