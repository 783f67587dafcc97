# features: legacy-declarative, one-to-one, backref uselist=False, replace scalar, previous child orphaned, delete-orphan single_parent, expire_on_commit=False, echo
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
    person_id = Column(Integer, ForeignKey("person.id"))
    person = relationship(
        "Person",
        backref=backref("passport", uselist=False, cascade="all, delete-orphan"),
        single_parent=True,
    )


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine, expire_on_commit=False) as session:
    p = Person(name="ada")
    old = Passport(number="A1", person=p)
    print(p.passport is old)
    session.add(p)
    session.commit()

    print("-- a new passport replaces the old one, which is an orphan now")
    p.passport = Passport(number="B2")
    print(old.person)
    session.commit()
    print(session.query(Passport.number).all())
    print("-- deleting the person deletes the passport")
    session.delete(p)
    session.commit()
    print(session.query(Passport).count())
