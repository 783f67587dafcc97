# The relationship lab's compare variant of a gallery example (relplay_lab::edit::variants).
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    passport = relationship("Passport", backref="owner", uselist=False)


class Passport(Base):
    __tablename__ = "passport"
    id = Column(Integer, primary_key=True)
    number = Column(String(10))
    owner_id = Column(Integer, ForeignKey("person.id"), unique=True)


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    ada = Person(name="ada")
    old = Passport(number="A-1")
    ada.passport = old
    print("old.owner:", old.owner.name)
    session.add(ada)
    session.flush()
    new = Passport(number="B-2")
    ada.passport = new
    print("old.owner after replacement:", old.owner)
    print("new.owner:", new.owner.name)
    session.commit()
    print([(p.number, p.owner_id) for p in session.query(Passport).order_by(Passport.id)])
