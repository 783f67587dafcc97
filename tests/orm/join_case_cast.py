# features: 2.0-style, case, cast, scalar_subquery correlation, label, column expressions, order_by case, legacy-query, echo
from typing import List

from sqlalchemy import ForeignKey, Integer, String, case, cast, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    orders: Mapped[List["Order"]] = relationship()


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    total: Mapped[int]
    code: Mapped[str] = mapped_column(String(10))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all(
        [
            Customer(name="ann", orders=[Order(total=50, code="7"), Order(total=500, code="12")]),
            Customer(name="bo", orders=[Order(total=20, code="3")]),
            Customer(name="cy"),
        ]
    )
    session.commit()

    size = case((Order.total >= 100, "big"), (Order.total >= 30, "medium"), else_="small").label("size")
    for row in session.execute(select(Order.id, size).order_by(Order.id)):
        print(row.id, row.size)

    print(session.scalars(select(cast(Order.code, Integer)).order_by(cast(Order.code, Integer))).all())
    print(session.scalars(select(Order.id).where(cast(Order.code, Integer) > 5)).all())

    n_orders = (
        select(func.count(Order.id)).where(Order.customer_id == Customer.id).scalar_subquery().label("n_orders")
    )
    for name, n in session.execute(select(Customer.name, n_orders).order_by(Customer.id)):
        print(name, n)

    rank = case({"ann": 1, "bo": 2}, value=Customer.name, else_=9)
    print(session.scalars(select(Customer.name).order_by(rank.desc())).all())
    print(session.query(Customer.name, cast(Customer.id, String)).order_by(Customer.id).all())
