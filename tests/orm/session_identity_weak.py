# features: 2.0-style, weak identity map, objects dropped after commit, session.get, identity map, no SQL for a known key, get after expire, get of a missing key, populate_existing, composite primary key, echo
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Seat(Base):
    __tablename__ = "seat"
    row: Mapped[str] = mapped_column(String(1), primary_key=True)
    num: Mapped[int] = mapped_column(primary_key=True)
    holder: Mapped[str] = mapped_column(String(20))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Seat(row="A", num=1, holder="ann"), Seat(row="A", num=2, holder="bo")])
    session.commit()
    a1 = session.get(Seat, ("A", 1))
    print(a1.holder)
    print("-- known key: no SQL")
    print(session.get(Seat, ("A", 1)) is a1, session.get(Seat, {"row": "A", "num": 1}) is a1)
    print(session.get(Seat, ("B", 9)))
    session.expire(a1)
    print(session.get(Seat, ("A", 1)).holder)
    a1.holder = "changed in python"
    again = session.scalars(select(Seat).where(Seat.num == 1)).one()
    print(again.holder)
    fresh = session.scalars(select(Seat).where(Seat.num == 1).execution_options(populate_existing=True)).one()
    print(fresh.holder)
