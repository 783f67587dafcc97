# The session's state machine step by step: add (pending), flush
# (persistent), delete + flush (deleted), commit (detached), and a rollback
# that turns a pending object back into a transient one.
from sqlalchemy import create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
session = Session(engine)
a = Item(name="a")
b = Item(name="b")
session.add_all([a, b])
session.flush()
session.delete(a)
session.flush()
session.commit()
c = Item(name="c")
session.add(c)
session.rollback()
session.expunge(b)
session.close()
