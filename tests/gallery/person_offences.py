# features: gallery, learner-notes, legacy-declarative, Sequence, backref, lazy=True, session.query, sessionmaker
# gallery: Person and offences (the tutorial, in Python 3)
from sqlalchemy import Column, ForeignKey, Integer, Sequence, String, create_engine
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, Sequence("person_id_seq"), primary_key=True)
    name = Column(String(50))
    offences = relationship("Offence", backref="person", lazy=True)


class Offence(Base):
    __tablename__ = "offence"
    id = Column(Integer, Sequence("offence_id_seq"), primary_key=True)
    description = Column(String(100))
    person_id = Column(Integer, ForeignKey("person.id"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()

lad = Person(name="L. Lad")
lad.offences = [Offence(description="Cheek"), Offence(description="Loitering")]
session.add(lad)
session.commit()

person = session.query(Person).filter(Person.name == "L. Lad").first()
print("Found %s with %d offence(s)" % (person.name, len(person.offences)))
for offence in person.offences:
    print(" -", offence.description, "by", offence.person.name)
