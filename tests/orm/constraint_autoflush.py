# features: legacy-declarative, IntegrityError from autoflush, Query-invoked autoflush detail, no_autoflush, NOT NULL, echo
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Dept(Base):
    __tablename__ = "dept"
    id = Column(Integer, primary_key=True)
    name = Column(String(20), nullable=False)


class Emp(Base):
    __tablename__ = "emp"
    id = Column(Integer, primary_key=True)
    name = Column(String(20), nullable=False)
    dept_id = Column(Integer, ForeignKey("dept.id"), nullable=False)


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)
session.add(Dept(name="ops"))
session.commit()

print("-- the half-built Emp is flushed by the query's autoflush")
e = Emp(name="ann")
session.add(e)
try:
    ops = session.scalars(select(Dept).where(Dept.name == "ops")).one()
except IntegrityError as err:
    print(err)
session.rollback()

print("-- no_autoflush lets the object be finished first")
e = Emp(name="ann")
session.add(e)
with session.no_autoflush:
    ops = session.scalars(select(Dept).where(Dept.name == "ops")).one()
e.dept_id = ops.id
session.commit()
print(session.scalars(select(Emp.name)).all())
