# features: gallery, classic mistake, python2-syntax, print-statement, SyntaxError
# gallery: Mistake — a Python 2 print statement
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

print("this line never runs: the file does not compile")
Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    offences = relationship("Offence", backref="person", lazy=True)


class Offence(Base):
    __tablename__ = "offence"
    id = Column(Integer, primary_key=True)
    description = Column(String(100))
    person_id = Column(Integer, ForeignKey("person.id"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = sessionmaker(bind=engine)()
session.add(Person(name="L. Lad", offences=[Offence(description="Cheek")]))
session.commit()

person = session.query(Person).filter(Person.name == 'L. Lad').first()
print "Found %s with %d offence(s)" % (person.name, len(person.offences))
