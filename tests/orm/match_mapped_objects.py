# features: match statement, class patterns on mapped objects, keyword sub-patterns read instrumented attributes, __match_args__ on a mapped class, lazy loads inside patterns
from typing import List, Optional

from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    __match_args__ = ("name", "role")

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    role: Mapped[Optional[str]]
    addresses: Mapped[List["Address"]] = relationship(back_populates="user")

    def __repr__(self):
        return f"User({self.name!r})"


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship(back_populates="addresses")


def describe(obj):
    match obj:
        case User(name="x"):
            return "the user called x"
        case User(_, "admin", addresses=[]):
            return f"admin {obj.name} without addresses"
        case User(n, "admin", addresses=[Address(email=e), *_]):
            return f"admin {n}, first address {e}"
        case User(name=str(n), role=None):
            return f"plain user {n}"
        case Address(user=User(name=owner), email=e) if e.endswith(".org"):
            return f"org address of {owner}"
        case Address(email=e):
            return f"address {e}"
        case _:
            return "something else"


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([
        User(name="x"),
        User(name="root", role="admin"),
        User(name="ann", role="admin", addresses=[Address(email="ann@example.org")]),
        User(name="bob", addresses=[Address(email="bob@example.com")]),
    ])
    session.commit()

with Session(engine) as session:
    # Kept referenced, so Address.user below is found in the identity map.
    users = session.scalars(select(User).order_by(User.id)).all()
    for user in users:
        print(describe(user))
    for address in session.scalars(select(Address).order_by(Address.id)):
        print(describe(address))
    print(describe(User(name="new")))
    match session.execute(select(User.name, User.role).where(User.role != None).order_by(User.id)).all():
        case [(first, role), *others]:
            print("first with a role:", first, role, "and", len(others), "more")
