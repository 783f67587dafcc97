# features: 2.0-style, IntegrityError, NOT NULL, UNIQUE, [SQL:], [parameters:], PendingRollbackError, rollback, orig, echo
from typing import Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.exc import IntegrityError, PendingRollbackError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20), unique=True)


class Player(Base):
    __tablename__ = "player"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    team: Mapped[Optional[Team]] = relationship()


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
session.add(Team(name="red"))
session.commit()

print("-- NOT NULL: a player without a team")
session.add(Player(name="solo"))
try:
    session.commit()
except IntegrityError as e:
    print(e)
    print("orig:", type(e.orig).__name__, e.orig)
    print("params:", e.params)

print("-- the session must be rolled back first")
try:
    session.scalars(select(Team)).all()
except PendingRollbackError as e:
    print("PendingRollbackError:", e)
session.rollback()
print(session.scalars(select(Team.name)).all())

print("-- UNIQUE")
session.add_all([Team(name="blue"), Team(name="red")])
try:
    session.flush()
except IntegrityError as e:
    print(e)
session.rollback()

print("-- PendingRollbackError uncaught")
session.add(Player(name="x"))
try:
    session.flush()
except IntegrityError:
    print("flush failed")
session.add(Team(name="green"))
session.commit()
