# features: 2.0-style, inspect state flags, transient, pending, persistent, detached, deleted, session.new, session.dirty, session.deleted, is_modified, expunge_all, refresh, attribute history, echo
from sqlalchemy import String, create_engine, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    qty: Mapped[int] = mapped_column(default=0)

    def __repr__(self):
        return f"Item({self.name!r})"


def flags(obj):
    i = inspect(obj)
    return [k for k in ("transient", "pending", "persistent", "detached", "deleted") if getattr(i, k)]


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)

pen = Item(name="pen")
print("new object:", flags(pen))
session.add(pen)
print("after add:", flags(pen), list(session.new))
session.commit()
print("after commit:", flags(pen), pen.name)

pen.qty = 5
print("dirty:", list(session.dirty), session.is_modified(pen))
print("history:", inspect(pen).attrs.qty.history)
pen.qty = 0
print("set back, still dirty:", list(session.dirty), "modified:", session.is_modified(pen))
session.refresh(pen)
print("after refresh:", pen.qty, session.is_modified(pen))

cup = Item(name="cup")
session.add(cup)
session.flush()
session.delete(pen)
session.flush()
print("deleted:", flags(pen), list(session.deleted))
print("cup:", flags(cup))
session.commit()
print("after commit:", flags(pen))

session.expunge_all()
print("after expunge_all:", flags(cup), len(session.identity_map))
session.close()
