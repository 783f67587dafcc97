# features: 2.0-style, session.refresh, rollback restores both sides, expire, pending objects expunged on rollback, back_populates, echo
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    players: Mapped[List["Player"]] = relationship(back_populates="team", order_by="Player.id")


class Player(Base):
    __tablename__ = "player"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    team_id: Mapped[Optional[int]] = mapped_column(ForeignKey("team.id"))
    team: Mapped[Optional[Team]] = relationship(back_populates="players")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
red, blue = Team(name="red"), Team(name="blue")
ann = Player(name="ann", team=red)
session.add_all([red, blue])
session.commit()

print("-- move ann to blue, then roll back")
ann.team = blue
print([p.name for p in red.players], [p.name for p in blue.players])
newbie = Player(name="newbie", team=red)
print(inspect(newbie).pending)
session.rollback()
print(ann.team.name, [p.name for p in red.players], [p.name for p in blue.players])
print("newbie:", inspect(newbie).transient, newbie in session)

print("-- refresh discards unflushed changes")
ann.name = "ANN"
session.refresh(ann)
print(ann.name, session.is_modified(ann))
session.close()
