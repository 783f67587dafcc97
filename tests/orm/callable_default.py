# features: legacy-declarative, column-default-callable, scalar-default, echo
import itertools

from sqlalchemy import Column, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()
counter = itertools.count(100)


def next_code():
    return f"C{next(counter)}"


class Ticket(Base):
    __tablename__ = "ticket"
    id = Column(Integer, primary_key=True)
    code = Column(String(10), default=next_code)
    status = Column(String(10), default="open")
    title = Column(String(20))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Ticket(title="a"), Ticket(title="b", code="X1"), Ticket(title="c", status="done")])
    s.commit()
    print([(t.code, t.status, t.title) for t in s.query(Ticket).order_by(Ticket.id)])
