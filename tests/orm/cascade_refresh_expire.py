# features: legacy-declarative, cascade refresh-expire, cascade expunge, session.expire, session.refresh, expunge, echo
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, inspect
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    ref = Column(String(20))
    lines = relationship("Line", cascade="all", backref="order", order_by="Line.id")
    notes = relationship("Note", cascade="save-update")


class Line(Base):
    __tablename__ = "lines"
    id = Column(Integer, primary_key=True)
    sku = Column(String(20))
    order_id = Column(Integer, ForeignKey("orders.id"))


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    text = Column(String(20))
    order_id = Column(Integer, ForeignKey("orders.id"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = Session(engine, expire_on_commit=False)
o = Order(ref="o-1", lines=[Line(sku="x"), Line(sku="y")], notes=[Note(text="rush")])
session.add(o)
session.commit()

print("-- expire cascades along lines (cascade all), not notes")
line0, line1, note0 = o.lines[0], o.lines[1], o.notes[0]
line0.sku = "changed"
note0.text = "changed"
session.expire(o)
print(inspect(line0).expired, inspect(note0).expired)
print(o.ref)
print(line0.sku, note0.text)

print("-- refresh cascades too")
line1.sku = "zzz"
session.refresh(o)
print(line1.sku)

print("-- expunge cascades along loaded lines only")
print(len(o.lines))
session.expunge(o)
print(inspect(o).detached, inspect(line0).detached, inspect(note0).persistent)
session.close()
