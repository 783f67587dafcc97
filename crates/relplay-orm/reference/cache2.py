from sqlalchemy import *
from sqlalchemy.orm import *
class Base(DeclarativeBase): pass
class U(Base):
    __tablename__ = "u"
    id = mapped_column(Integer, primary_key=True)
class A(Base):
    __tablename__ = "a"
    id = mapped_column(Integer, primary_key=True)
    u_id = mapped_column(ForeignKey("u.id"))
    u = relationship(U)
e = create_engine("sqlite://")
Base.metadata.create_all(e)
with Session(e) as s:
    s.add_all([A(u=U()), A(u=U())]); s.commit()
e.echo = True
with Session(e) as s:
    s.get(U, 1)
    a2 = s.get(A, 2)
    print(a2.u)
    s.execute(select(U).where(U.id == 1)).all()
    s.execute(select(U).where(U.id == 2)).all()
