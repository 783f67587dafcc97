# lints: legacy-1x
# Query.get(): LegacyAPIWarning; Session.get() is the 2.x spelling.
from sqlalchemy import Column, Integer, create_engine
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
session.add(Person(id=1))
print(session.query(Person).get(1).id)
