import datetime, decimal, uuid, enum
from typing import Optional
from sqlalchemy.orm import *
from sqlalchemy.schema import CreateTable
from sqlalchemy.dialects import sqlite
class Base(DeclarativeBase): pass
class E(enum.Enum):
    a = 1
    bb = 2
class T(Base):
    __tablename__ = 't'
    id: Mapped[int] = mapped_column(primary_key=True)
    s: Mapped[str]
    b: Mapped[bool]
    f: Mapped[float]
    d: Mapped[datetime.date]
    dt: Mapped[datetime.datetime]
    tm: Mapped[datetime.time]
    n: Mapped[decimal.Decimal]
    by: Mapped[bytes]
    e: Mapped[E]
    o: Mapped[Optional[str]]
    td: Mapped[datetime.timedelta]
    u: Mapped[uuid.UUID]
print(CreateTable(T.__table__).compile(dialect=sqlite.dialect()))
