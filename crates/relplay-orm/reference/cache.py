from sqlalchemy import *
from sqlalchemy.orm import *
class Base(DeclarativeBase): pass
class A(Base):
    __tablename__ = "a"
    id = mapped_column(Integer, primary_key=True)
    name = mapped_column(String)
e = create_engine("sqlite://", echo=True)
Base.metadata.create_all(e)
with e.begin() as c:
    c.execute(insert(A.__table__), {"name": "core"})
    c.execute(select(A.__table__).where(A.__table__.c.id == 1))
with Session(e) as s:
    s.add(A(name="orm")); s.flush()
    s.get(A, 1)
    s.execute(select(A).where(A.id == 1)).all()
    s.execute(select(A.__table__).where(A.__table__.c.id == 1)).all()
e2 = create_engine("sqlite://", echo=True)
Base.metadata.create_all(e2)
with Session(e2) as s:
    s.add(A(name="orm")); s.flush()
