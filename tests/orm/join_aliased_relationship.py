# features: 2.0-style, aliased, join along a relationship of an aliased entity, self-referential many-to-one, remote_side, legacy-query, echo
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, aliased, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Employee(Base):
    __tablename__ = "employee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    manager_id: Mapped[Optional[int]] = mapped_column(ForeignKey("employee.id"))
    manager: Mapped[Optional["Employee"]] = relationship(remote_side=[id], back_populates="reports")
    reports: Mapped[List["Employee"]] = relationship(back_populates="manager")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    boss = Employee(name="boss")
    mid = Employee(name="mid", manager=boss)
    session.add_all([boss, mid, Employee(name="ann", manager=mid), Employee(name="bo", manager=mid)])
    session.commit()

    emp, mgr = aliased(Employee), aliased(Employee)
    print("-- employees with their manager's name")
    stmt = select(emp.name, mgr.name).join(mgr, emp.manager).order_by(emp.name)
    print(session.execute(stmt).all())
    print("-- the plain class on the left, the alias on the right")
    stmt = select(Employee.name).join(mgr, Employee.reports).where(mgr.name == "ann")
    print(session.scalars(stmt).all())
    print(session.query(emp.name).join(mgr, emp.manager).filter(mgr.name == "mid").order_by(emp.name).all())
