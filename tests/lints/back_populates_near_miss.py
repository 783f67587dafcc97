# lints: none
# 2.0 style, names matching on both sides.
from typing import List, Optional

from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    pets: Mapped[List["Pet"]] = relationship(back_populates="owner")


class Pet(Base):
    __tablename__ = "pet"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id"))
    owner: Mapped[Optional[Person]] = relationship(back_populates="pets")


p = Person()
Pet(owner=p)
print(len(p.pets))  # 1
