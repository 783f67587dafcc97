# features: 2.0-style, unified tutorial, select, in_, any, first, join, one, append, remove, delete-orphan, delete, group_by outer join, update returning, str(select), Row _mapping, selectinload, echo
from typing import List, Optional
from sqlalchemy import ForeignKey, String, create_engine, select, func, update, delete, insert
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload, joinedload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]
    addresses: Mapped[List["Address"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"


class Address(Base):
    __tablename__ = "address"
    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped["User"] = relationship(back_populates="addresses")

    def __repr__(self) -> str:
        return f"Address(id={self.id!r}, email_address={self.email_address!r})"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    spongebob = User(name="spongebob", fullname="Spongebob Squarepants", addresses=[Address(email_address="spongebob@sqlalchemy.org")])
    sandy = User(name="sandy", fullname="Sandy Cheeks", addresses=[Address(email_address="sandy@sqlalchemy.org"), Address(email_address="sandy@squirrelpower.org")])
    patrick = User(name="patrick", fullname="Patrick Star")
    session.add_all([spongebob, sandy, patrick])
    session.commit()

session = Session(engine)
stmt = select(User).where(User.name.in_(["spongebob", "sandy"]))
for user in session.scalars(stmt):
    print(user)
print(session.execute(select(User).where(User.addresses.any())).scalars().all())
print(session.scalars(select(User).order_by(User.id)).first())
stmt = select(Address).join(Address.user).where(User.name == "sandy").where(Address.email_address == "sandy@sqlalchemy.org")
sandy_address = session.scalars(stmt).one()
print(sandy_address)
stmt = select(User).where(User.name == "patrick")
patrick = session.scalars(stmt).one()
patrick.addresses.append(Address(email_address="patrickstar@sqlalchemy.org"))
sandy_address.email_address = "sandy_cheeks@sqlalchemy.org"
session.commit()
sandy = session.get(User, 2)
sandy.addresses.remove(sandy_address)
session.flush()
session.delete(patrick)
session.commit()
print(session.execute(select(User.name, func.count(Address.id)).join(User.addresses, isouter=True).group_by(User.name).order_by(User.name)).all())
result = session.execute(update(User).where(User.name == "sandy").values(fullname="Sandy Squirrel").returning(User.id))
print(result.all())
print(str(select(User).where(User.name == "x")))
row = session.execute(select(User.name, User.fullname)).first()
print(row, row._mapping["name"], row.fullname)
print(session.scalars(select(User).options(selectinload(User.addresses))).all()[0].addresses)
session.close()
