# The relationship lab's compare variant of a gallery example (relplay_lab::edit::variants).
from typing import List

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Membership(Base):
    __tablename__ = "membership"
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("user_group.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    user: Mapped["User"] = relationship(backref="memberships")
    group: Mapped["Group"] = relationship(back_populates="memberships")


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Group(Base):
    __tablename__ = "user_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    memberships: Mapped[List["Membership"]] = relationship(back_populates="group")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    admins = Group(name="admins")
    sam = User(name="sam")
    sam.memberships.append(Membership(group=admins, role="owner"))
    print("admins.memberships:", [(m.user.name, m.role) for m in admins.memberships])
    session.add(sam)
    session.commit()
    for m in session.scalars(select(Membership)):
        print(m.user.name, m.group.name, m.role)
