# features: legacy-declarative, invalid cascade, ArgumentError, unknown cascade option, viewonly with passive_deletes warning, delete-orphan many-to-one, configure_mappers
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import configure_mappers, declarative_base, relationship

Base = declarative_base()
try:
    relationship("X", cascade="all, delete-orphan, explode")
except ArgumentError as e:
    print("ArgumentError:", e)


class Owner(Base):
    __tablename__ = "owner"
    id = Column(Integer, primary_key=True)
    pets_view = relationship("Pet", viewonly=True, passive_deletes=True)


class Pet(Base):
    __tablename__ = "pet"
    id = Column(Integer, primary_key=True)
    owner_id = Column(Integer, ForeignKey("owner.id"))
    owner = relationship("Owner", cascade="all, delete-orphan")


try:
    configure_mappers()
except ArgumentError as e:
    print("ArgumentError:", e)
Pet(id=1)
