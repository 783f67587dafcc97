from sqlalchemy import *
from sqlalchemy.orm import *
def attempt(label, build):
    class Base(DeclarativeBase): pass
    try:
        build(Base); configure_mappers()
        print(label, "OK")
    except Exception as e:
        print(label, type(e).__name__, "|", e)
    clear_mappers()
def b1(Base):
    class P(Base):
        __tablename__ = "p"
        id = mapped_column(Integer, primary_key=True)
        cs = relationship("C", primaryjoin="P.id == C.p_id")
    class C(Base):
        __tablename__ = "c"
        id = mapped_column(Integer, primary_key=True)
        p_id = mapped_column(Integer)
attempt("pj no fk:", b1)
def b2(Base):
    class P(Base):
        __tablename__ = "p"
        id = mapped_column(Integer, primary_key=True)
        cs = relationship("C", primaryjoin="P.id == C.p_id", foreign_keys="C.p_id")
        print(P.cs.property if False else "")
    class C(Base):
        __tablename__ = "c"
        id = mapped_column(Integer, primary_key=True)
        p_id = mapped_column(Integer)
attempt("pj foreign_keys:", b2)
def b3(Base):
    t = Table("sec", Base.metadata, Column("a", Integer), Column("b", Integer))
    class P(Base):
        __tablename__ = "p"
        id = mapped_column(Integer, primary_key=True)
        cs = relationship("C", secondary=t)
    class C(Base):
        __tablename__ = "c"
        id = mapped_column(Integer, primary_key=True)
attempt("m2m nofk:", b3)
def b4(Base):
    t = Table("sec", Base.metadata, Column("a", ForeignKey("p.id")), Column("a2", ForeignKey("p.id")), Column("b", ForeignKey("c.id")))
    class P(Base):
        __tablename__ = "p"
        id = mapped_column(Integer, primary_key=True)
        cs = relationship("C", secondary=t)
    class C(Base):
        __tablename__ = "c"
        id = mapped_column(Integer, primary_key=True)
attempt("m2m ambiguous:", b4)
def b5(Base):
    class N(Base):
        __tablename__ = "n"
        id = mapped_column(Integer, primary_key=True)
        pid = mapped_column(ForeignKey("n.id"))
        parent = relationship("N", remote_side=[id])
        kids = relationship("N")
    N.parent.property, N.kids.property
attempt("selfref:", b5)
def b6(Base):
    class P(Base):
        __tablename__ = "p"
        id = mapped_column(Integer, primary_key=True)
        x = mapped_column(Integer)
        cs = relationship("C", primaryjoin="P.x == C.y")
    class C(Base):
        __tablename__ = "c"
        id = mapped_column(Integer, primary_key=True)
        y = mapped_column(Integer)
attempt("pj none:", b6)
