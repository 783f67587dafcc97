# lints: legacy-1x
# The 1.x import location: works, with MovedIn20Warning.
from sqlalchemy import Column, Integer
from sqlalchemy.ext.declarative import declarative_base

Base = declarative_base()


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)


print(Person.__table__)
