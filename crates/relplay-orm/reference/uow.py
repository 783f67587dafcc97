from sqlalchemy import *
from sqlalchemy.orm import *
import logging
class Base(DeclarativeBase): pass
class A(Base):
    __tablename__ = "a"
    id = mapped_column(Integer, primary_key=True)
class Z(Base):
    __tablename__ = "z"
    id = mapped_column(Integer, primary_key=True)
class M(Base):
    __tablename__ = "m"
    id = mapped_column(Integer, primary_key=True)
    a_id = mapped_column(ForeignKey("a.id"))
    a = relationship(A)
e = create_engine("sqlite://")
Base.metadata.create_all(e)
def run(objs, label):
    s = Session(e)
    events = []
    from sqlalchemy import event
    @event.listens_for(e, "before_cursor_execute")
    def bce(conn, cur, stmt, params, ctx, many):
        events.append(stmt.split(" (")[0])
    s.add_all(objs)
    s.flush()
    print(label, events)
    event.remove(e, "before_cursor_execute", bce)
    s.rollback()
run([Z(), A()], "Z,A:")
run([A(), Z()], "A,Z:")
run([M(a=A()), Z()], "M(a),Z:")
run([Z(), M(a=A())], "Z,M(a):")
run([M(), Z(), A()], "M,Z,A:")
run([Z(), M(), A()], "Z,M,A:")
