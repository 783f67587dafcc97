# features: legacy-declarative, errors, NoResultFound, MultipleResultsFound, UnmappedInstanceError, DetachedInstanceError, IntegrityError, rollback, refresh, expire, expunge, echo
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, select
from sqlalchemy.exc import IntegrityError, MultipleResultsFound, NoResultFound
from sqlalchemy.orm import Session, declarative_base, relationship
from sqlalchemy.orm.exc import DetachedInstanceError

Base = declarative_base()


class Team(Base):
    __tablename__ = "team"
    id = Column(Integer, primary_key=True)
    name = Column(String(20), unique=True, nullable=False)
    members = relationship("Member", backref="team")


class Member(Base):
    __tablename__ = "member"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    team_id = Column(Integer, ForeignKey("team.id"))


class NotMapped:
    pass


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
session.add(Team(name="red", members=[Member(name="a"), Member(name="b")]))
session.commit()

try:
    session.scalars(select(Team).where(Team.name == "blue")).one()
except NoResultFound as e:
    print("NoResultFound:", e)
try:
    session.scalars(select(Member)).one()
except MultipleResultsFound as e:
    print("MultipleResultsFound:", e)
print(session.scalars(select(Member).where(Member.name == "zz")).one_or_none())
try:
    session.add(NotMapped())
except Exception as e:
    print(type(e).__name__, e)

session.add(Team(name="red"))
try:
    session.commit()
except IntegrityError as e:
    print("IntegrityError:", e.orig)
    session.rollback()

team = session.scalars(select(Team)).first()
team.name = "crimson"
session.refresh(team)
print("after refresh:", team.name)
team.name = "scarlet"
session.expire(team)
print("after expire:", team.name)
m = team.members[0]
session.expunge(m)
print("m.team_id:", m.team_id)
session.close()
try:
    print(team.members)
except DetachedInstanceError as e:
    print("DetachedInstanceError:", e)
