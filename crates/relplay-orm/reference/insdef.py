from sqlalchemy import *
from sqlalchemy.orm import *
class Base(DeclarativeBase): pass
class A(Base):
    __tablename__ = "a"
    id = mapped_column(Integer, primary_key=True)
    n = mapped_column(String, nullable=True)
    sd = mapped_column(String, server_default="x")
    pd = mapped_column(Integer, default=7)
    last = mapped_column(String, nullable=True)
class K(Base):
    __tablename__ = "k"
    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String, nullable=True)
e = create_engine("sqlite://", echo=True)
Base.metadata.create_all(e)
with Session(e) as s:
    s.add(A(n="a")); s.flush()
    s.add_all([A(n="b"), A(n="c", sd="given")]); s.flush()
    s.add_all([A(n="d"), A(n="e")]); s.flush()
    s.add_all([K(id=5, name="x"), K(id=6, name="y"), K(name="z"), K(name="w")]); s.flush()
    s.add(K(id=10)); s.flush()
    s.add(A(id=50, n="q")); s.flush()
    s.add_all([A(id=51), A(id=52)]); s.flush()
