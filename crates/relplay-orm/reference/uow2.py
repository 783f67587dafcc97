from sqlalchemy import *
from sqlalchemy.orm import *
from sqlalchemy import event
class Base(DeclarativeBase): pass
assoc = Table("assoc", Base.metadata, Column("k_id", ForeignKey("k.id"), primary_key=True), Column("t_id", ForeignKey("t.id"), primary_key=True))
class B(Base):
    __tablename__ = "b"
    id = mapped_column(Integer, primary_key=True)
class P(Base):
    __tablename__ = "p"
    id = mapped_column(Integer, primary_key=True)
    cs = relationship("C", back_populates="p", cascade="all, delete-orphan")
class C(Base):
    __tablename__ = "c"
    id = mapped_column(Integer, primary_key=True)
    p_id = mapped_column(ForeignKey("p.id"))
    p = relationship(P, back_populates="cs")
class K(Base):
    __tablename__ = "k"
    id = mapped_column(Integer, primary_key=True)
    ts = relationship("T", secondary=assoc)
class T(Base):
    __tablename__ = "t"
    id = mapped_column(Integer, primary_key=True)
e = create_engine("sqlite://")
Base.metadata.create_all(e)
events = []
@event.listens_for(e, "before_cursor_execute")
def bce(conn, cur, stmt, params, ctx, many):
    events.append(stmt.split(" (")[0].split(" WHERE")[0].split(" VALUES")[0].split(" SET")[0])
s = Session(e)
s.add_all([C(p=P()), B(), K(ts=[T()])])
s.flush(); print("insert:", events); events.clear()
s.commit()
objs = s.query(B).all() + s.query(C).all() + s.query(K).all() + s.query(T).all() + s.query(P).all()
events.clear()
with s.no_autoflush:
    for o in objs:
        s.delete(o)
print(len(objs), len(s.deleted))
s.flush(); print("delete:", events); events.clear()
