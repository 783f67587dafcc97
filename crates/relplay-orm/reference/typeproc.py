from sqlalchemy import *
import datetime, decimal
m = MetaData()
t = Table("t", m, Column("id", Integer, primary_key=True), Column("b", Boolean), Column("d", Date), Column("dt", DateTime), Column("tm", Time), Column("n", Numeric), Column("f", Float))
e = create_engine("sqlite://")
m.create_all(e)
for col, v in [("b", "x"), ("b", 2), ("d", "2024-01-01"), ("dt", "x"), ("dt", datetime.date(2024,1,2)), ("tm", "x"), ("n", decimal.Decimal("1.234567890123")), ("b", True)]:
    try:
        with e.begin() as c:
            c.execute(t.insert(), {col: v})
            print(col, repr(v), "ok", c.execute(select(t.c[col])).all())
    except Exception as ex:
        print(col, repr(v), type(ex).__name__, str(ex).split("\n")[0])
with e.begin() as c:
    c.execute(t.insert(), {"dt": datetime.datetime(2024,1,2,3,4,5,60), "tm": datetime.time(1,2,3,4), "f": 3, "n": 5})
    print(c.execute(select(t.c.dt, t.c.tm, t.c.f, t.c.n).where(t.c.dt != None)).all())
    print(c.exec_driver_sql("select dt, tm, f, n from t where dt is not null").all())
