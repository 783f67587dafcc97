# features: gallery, lazy=dynamic, AppenderQuery, filter, count, legacy query
# gallery: lazy='dynamic' — a query instead of a list
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    offences = relationship("Offence", backref="person", lazy="dynamic")


class Offence(Base):
    __tablename__ = "offence"
    id = Column(Integer, primary_key=True)
    description = Column(String(40))
    person_id = Column(Integer, ForeignKey("person.id"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
lad = Person(name="L. Lad")
session.add(lad)
lad.offences.append(Offence(description="Cheek"))
lad.offences.append(Offence(description="Loitering"))
session.commit()

print(type(lad.offences).__name__)
print(lad.offences.count())
print([o.description for o in lad.offences.filter(Offence.description.like("L%")).all()])
session.close()
