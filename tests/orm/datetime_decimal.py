# features: 2.0-style, DateTime, Date, Numeric, Decimal, datetime-values, echo
import datetime
from decimal import Decimal

from sqlalchemy import Date, DateTime, Numeric, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    placed: Mapped[datetime.datetime] = mapped_column(DateTime)
    due: Mapped[datetime.date]
    total: Mapped[Decimal] = mapped_column(Numeric(10, 2))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Order(placed=datetime.datetime(2024, 5, 1, 13, 30, 5), due=datetime.date(2024, 6, 1), total=Decimal("19.90")))
    s.commit()
    o = s.scalars(select(Order)).one()
    print(repr(o.placed), repr(o.due), repr(o.total))
    print(o.placed.year, o.due.isoformat(), o.total + Decimal("0.10"))
    print(s.scalars(select(Order.id).where(Order.due > datetime.date(2024, 5, 15))).all())
