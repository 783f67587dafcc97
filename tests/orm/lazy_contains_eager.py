# features: 2.0-style, contains_eager, join, where on related, populate_existing, legacy-query, echo
from typing import List

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, contains_eager, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(50))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped["User"] = relationship(back_populates="addresses")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all(
        [
            User(name="spongebob", addresses=[Address(email="sb@sea.org"), Address(email="sb@work.org")]),
            User(name="sandy", addresses=[Address(email="sandy@tree.org")]),
        ]
    )
    session.commit()

with Session(engine) as session:
    print("-- many-to-one filled from the JOIN that also filters")
    stmt = (
        select(Address)
        .join(Address.user)
        .where(User.name == "sandy")
        .options(contains_eager(Address.user))
    )
    for a in session.scalars(stmt):
        print(a.email, a.user.name)

with Session(engine) as session:
    print("-- one-to-many: the collection holds only the matching rows")
    stmt = (
        select(User)
        .join(User.addresses)
        .where(Address.email.like("%sea%"))
        .options(contains_eager(User.addresses))
        .order_by(User.id)
    )
    for u in session.scalars(stmt).unique():
        print(u.name, [a.email for a in u.addresses])

with Session(engine) as session:
    print("-- legacy Query")
    q = (
        session.query(Address)
        .join(Address.user)
        .options(contains_eager(Address.user))
        .order_by(Address.id)
    )
    print([(a.email, a.user.name) for a in q.all()])
