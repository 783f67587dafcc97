# features: core, insert, update, delete, text, connection, engine.begin, Result, Row, mappings, scalar_one, echo
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, delete, insert, select, text, update

metadata = MetaData()
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(30), nullable=False),
    Column("age", Integer),
)

engine = create_engine("sqlite:///:memory:", echo=True)
metadata.create_all(engine)

with engine.begin() as conn:
    conn.execute(insert(users), [{"name": "ann", "age": 31}, {"name": "bob", "age": 25}])
    conn.execute(users.insert().values(name="cy", age=40))

with engine.connect() as conn:
    rows = conn.execute(select(users).order_by(users.c.id)).all()
    print(rows)
    print(rows[0].name, rows[0][2], rows[0]._mapping["age"])
    print(conn.execute(select(users.c.name).where(users.c.age > 30).order_by(users.c.name)).scalars().all())
    r = conn.execute(update(users).where(users.c.name == "bob").values(age=26))
    print("updated:", r.rowcount)
    conn.execute(delete(users).where(users.c.name == "cy"))
    conn.commit()
    print(conn.execute(text("SELECT name, age FROM users ORDER BY id")).all())
    print(conn.execute(text("SELECT count(*) FROM users WHERE age > :a"), {"a": 20}).scalar_one())
    for m in conn.execute(select(users.c.name, users.c.age).order_by(users.c.id)).mappings():
        print(dict(m))
