# Assigning to a list collection: what SQLAlchemy duck-types as list-like, and its TypeError for the rest.
from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
class Base(DeclarativeBase): pass
class P(Base):
    __tablename__ = "p"
    id: Mapped[int] = mapped_column(primary_key=True)
    cs: Mapped[list["C"]] = relationship()
class C(Base):
    __tablename__ = "c"
    id: Mapped[int] = mapped_column(primary_key=True)
    p_id: Mapped[int] = mapped_column(ForeignKey("p.id"))
p = P()
for v in [(C(),), None, {C()}, iter([C()])]:
    try:
        p.cs = v
        print("ok", type(v).__name__, len(p.cs))
    except TypeError as e:
        print(e)
