# features: legacy-declarative, classic mistake, one-to-one replace with UNIQUE foreign key, delete-orphan, Query-invoked autoflush, IntegrityError, echo
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, backref, declarative_base, relationship

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))


class Passport(Base):
    __tablename__ = "passport"
    id = Column(Integer, primary_key=True)
    number = Column(String(20))
    person_id = Column(Integer, ForeignKey("person.id"), unique=True)
    person = relationship(
        "Person",
        backref=backref("passport", uselist=False, cascade="all, delete-orphan"),
        single_parent=True,
    )


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    p = Person(name="ada")
    old = Passport(number="A1", person=p)
    session.add(p)
    session.commit()
    # the new row is INSERTed before the orphan is DELETEd: UNIQUE fails
    p.passport = Passport(number="B2")
    session.commit()
