# features: 2.0-style, select-multiple-entities, entity-and-column, legacy-query-two-entities, join, Row-attributes, echo
from typing import List

from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")

    def __repr__(self):
        return f"User({self.name!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")

    def __repr__(self):
        return f"Address({self.email!r})"


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([User(name="ann", addresses=[Address(email="a1"), Address(email="a2")]), User(name="bob")])
    s.commit()
    for row in s.execute(select(User, Address).join(User.addresses).order_by(Address.id)):
        print(row, row.User.name, row.Address.email)
    print(s.execute(select(User.name, Address).join(Address.user).where(Address.email == "a2")).all())
    print(s.query(User, Address.email).join(User.addresses).order_by(Address.email.desc()).all())
