# lints: none
# One-to-one done right: unique=True on the FK (here via __table_args__ and a column).
from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint, create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    passport = relationship("Passport", back_populates="owner", uselist=False)
    locker = relationship("Locker", back_populates="owner", uselist=False)


class Passport(Base):
    __tablename__ = "passport"
    id = Column(Integer, primary_key=True)
    owner_id = Column(Integer, ForeignKey("person.id"), unique=True)
    owner = relationship("Person", back_populates="passport")


class Locker(Base):
    __tablename__ = "locker"
    __table_args__ = (UniqueConstraint("owner_id"),)
    id = Column(Integer, primary_key=True)
    owner_id = Column(Integer, ForeignKey("person.id"))
    owner = relationship("Person", back_populates="locker")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Person(id=1))
    s.add_all([Passport(owner_id=1), Passport(owner_id=1)])
    try:
        s.commit()
    except IntegrityError:
        print("UNIQUE constraint failed")
