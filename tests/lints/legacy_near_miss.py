# lints: none
# 1.x-style models with session.query() are consistent; 2.0 style with select() too.
from sqlalchemy import Column, Integer, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Person(name="ann"))
    print(session.query(Person).filter(Person.name == "ann").first().name)
    print(session.get(Person, 1).name)
    print(session.scalars(select(Person)).first().name)
