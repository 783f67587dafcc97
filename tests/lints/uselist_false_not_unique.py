# lints: uselist-false-not-unique
# One-to-one on the Python side only: the database allows two passports per person.
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    passport = relationship("Passport", back_populates="owner", uselist=False)


class Passport(Base):
    __tablename__ = "passport"
    id = Column(Integer, primary_key=True)
    number = Column(String(10))
    owner_id = Column(Integer, ForeignKey("person.id"))
    owner = relationship("Person", back_populates="passport")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Person(id=1))
    s.add_all([Passport(number="A", owner_id=1), Passport(number="B", owner_id=1)])
    s.commit()
    print(s.get(Person, 1).passport.number)  # SAWarning: Multiple rows returned with uselist=False
