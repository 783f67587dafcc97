# lints: python2-print, legacy-1x
# Learner notes 002, the back_populates example as written: 1.x imports and Python 2 prints.
from sqlalchemy import create_engine, Table, Column, Integer, ForeignKey, Sequence, String
from sqlalchemy.orm import relationship, sessionmaker
from sqlalchemy.ext.declarative import declarative_base

# base class for all of the models
Base = declarative_base()

class Person(Base):
    '''
    A simple person model with name and offences columns the id is the primary key.
    '''
    __tablename__ = 'person'
    id = Column(Integer, Sequence('person_seq'), primary_key=True)
    name = Column(String(50), nullable=False)
    # creates a relationship between models, and created a virtual column to link parent to child
    offences = relationship('Offences', back_populates="person")

class Offences(Base):
    '''
    Offence that are logged against a person.
    '''
    __tablename__ = 'offences'
    id = Column(Integer, Sequence('arrests_seq'), primary_key=True)
    description = Column(String(50), unique=True)
    person_id = Column(Integer, ForeignKey('person.id'))
    person = relationship('Person', back_populates='offences')

engine = create_engine('sqlite:///:memory:')
Base.metadata.create_all(bind=engine)
Session = sessionmaker(bind=engine)
session = Session()

libre_lad = Person(name="L. Lad")
session.add(libre_lad)
libre_lad = session.query(Person).filter(Person.name == 'L. Lad').first()
offence = Offences(description="Farting in public.", person_id=libre_lad.id)
session.add(offence)

person = session.query(Person).filter(Person.id == 1).first()
print "%s's Offences:" % person.name
for offence in person.offences:
    print "offence: %s" % offence.description

e = session.query(Offences).filter(Offences.description == 'Farting in public.').first()
print e.person.name

session.commit()
session.close()
