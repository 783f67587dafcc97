# features: 2.0-style, lazy=write_only, delete-orphan, passive_deletes, WriteOnlyMapped, WriteOnlyCollection, select, add, add_all, remove, echo
from sqlalchemy import ForeignKey, String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, WriteOnlyMapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "account"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(30))
    entries: WriteOnlyMapped["Entry"] = relationship(
        order_by="Entry.id", cascade="all, delete-orphan", passive_deletes=True
    )


class Entry(Base):
    __tablename__ = "entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    amount: Mapped[int]


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    acct = Account(owner="ann")
    acct.entries.add_all([Entry(amount=10), Entry(amount=-3)])
    session.add(acct)
    session.commit()

    print(type(acct.entries).__name__)
    acct.entries.add(Entry(amount=7))
    session.flush()
    big = session.scalars(acct.entries.select().where(Entry.amount > 0)).all()
    print([e.amount for e in big])
    total = session.scalar(select(func.sum(Entry.amount)).where(Entry.account_id == acct.id))
    print("total", total)
    acct.entries.remove(big[0])
    session.commit()
    print(session.scalars(acct.entries.select()).all() and [e.amount for e in session.scalars(acct.entries.select())])
    try:
        list(acct.entries)
    except TypeError as e:
        print("TypeError:", e)
