from sqlalchemy import *
from sqlalchemy.orm import *
m=MetaData()
a=Table('a', m, Column('id', Integer, primary_key=True))
b=Table('b', m, Column('id', Integer, primary_key=True), Column('a1', ForeignKey('a.id')), Column('a2', ForeignKey('a.id')))
c=Table('c', m, Column('id', Integer, primary_key=True))
for l, r in [(a, c), (a, b)]:
    try: print(select(l).join(r))
    except Exception as e: print(type(e).__name__, '|', e)
class Base(DeclarativeBase): pass
class A(Base):
    __table__ = a
class C(Base):
    __table__ = c
try: print(select(A).join(C))
except Exception as e: print(type(e).__name__, '|', e)
