# features: 2.0-style, DetachedInstanceError, object-in-two-sessions, InvalidRequestError, expunge, echo
from typing import List

from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Box(Base):
    __tablename__ = "box"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]
    toys: Mapped[List["Toy"]] = relationship(back_populates="box")


class Toy(Base):
    __tablename__ = "toy"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    box_id: Mapped[int] = mapped_column(ForeignKey("box.id"))
    box: Mapped[Box] = relationship(back_populates="toys")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as s1:
    s1.add(Box(label="attic", toys=[Toy(name="robot")]))
    s1.commit()
    box = s1.scalars(select(Box)).one()
    print(box.label)

s2 = Session(engine)
s3 = Session(engine)
b2 = s2.get(Box, 1)
try:
    s3.add(b2)
except Exception as e:
    print(type(e).__name__, "-", e)
print("closed session object, label loaded:", box.label)
try:
    box.toys
except Exception as e:
    print(type(e).__name__, "-", e)
