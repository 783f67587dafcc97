# features: 2.0-style, aliased twice, self-join, join with explicit ON, select two aliased entities, where on both, order_by, legacy-query aliased with explicit ON, echo
from typing import Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, aliased, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Employee(Base):
    __tablename__ = "employee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    city: Mapped[str] = mapped_column(String(20))
    manager_id: Mapped[Optional[int]] = mapped_column(ForeignKey("employee.id"))
    manager: Mapped[Optional["Employee"]] = relationship(remote_side=[id])


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    boss = Employee(name="boss", city="oslo")
    session.add_all(
        [boss, Employee(name="ann", city="oslo", manager=boss), Employee(name="bo", city="rome", manager=boss)]
    )
    session.commit()

    emp, mgr = aliased(Employee), aliased(Employee)
    stmt = (
        select(emp.name, mgr.name)
        .join(mgr, emp.manager_id == mgr.id)
        .where(emp.city == mgr.city)
        .order_by(emp.name)
    )
    print(session.execute(stmt).all())
    a, b = aliased(Employee, name="a"), aliased(Employee, name="b")
    pairs = session.execute(select(a, b).join(b, a.city == b.city).where(a.id < b.id)).all()
    print([(x.name, y.name) for x, y in pairs])
    q = session.query(emp.name).join(mgr, mgr.id == emp.manager_id).filter(mgr.name == "boss")
    print(q.order_by(emp.name).all())
