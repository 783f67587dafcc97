# features: 2.0-style, update(), delete(), synchronize_session, evaluate, fetch, False, execution_options, identity-map sync, rowcount, echo
from sqlalchemy import String, create_engine, delete, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Emp(Base):
    __tablename__ = "emp"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    salary: Mapped[int]


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
session.add_all([Emp(name="ann", salary=100), Emp(name="bo", salary=200), Emp(name="cy", salary=300)])
session.commit()
emps = session.scalars(select(Emp).order_by(Emp.id)).all()

print("-- default: synchronize_session='auto' (evaluate in Python)")
r = session.execute(update(Emp).where(Emp.salary < 250).values(salary=Emp.salary + 10))
print(r.rowcount, [e.salary for e in emps])

print("-- synchronize_session='fetch'")
session.execute(
    update(Emp).where(Emp.name.in_(["bo", "cy"])).values(salary=0),
    execution_options={"synchronize_session": "fetch"},
)
print([e.salary for e in emps])

print("-- synchronize_session=False leaves stale values")
session.execute(
    update(Emp).where(Emp.id == 1).values(name="ANN"), execution_options={"synchronize_session": False}
)
print(emps[0].name)
session.expire_all()
print(emps[0].name)

print("-- bulk delete removes matched objects from the session")
session.execute(delete(Emp).where(Emp.salary == 0))
print([e in session for e in emps])
session.commit()
print(session.scalars(select(Emp.name)).all())
