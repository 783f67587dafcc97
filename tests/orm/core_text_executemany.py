# features: core, text, executemany, list of parameter dicts, rowcount, echo
from sqlalchemy import create_engine, text

engine = create_engine("sqlite:///:memory:", echo=True)
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE child (id INTEGER NOT NULL, parent_id INTEGER, PRIMARY KEY (id))"))
    r = conn.execute(text("INSERT INTO child (parent_id) VALUES (:p)"), [{"p": i // 3} for i in range(12)])
    print("rowcount:", r.rowcount)
    conn.execute(text("INSERT INTO child (parent_id) VALUES (:p)"), [{"p": 7}, {"p": 8}])
    print(conn.execute(text("SELECT count(*) FROM child")).scalar())
    print(conn.execute(text("SELECT id FROM child WHERE :p = child.parent_id ORDER BY id"), {"p": 1}).all())
    r = conn.execute(text("UPDATE child SET parent_id = :new WHERE id = :id"), [{"new": 9, "id": 1}, {"new": 9, "id": 2}])
    print("updated:", r.rowcount)
