# features: legacy-declarative, composite primary key, composite foreign key, ForeignKeyConstraint, relationship over two columns, lazy load, backref, echo
from sqlalchemy import Column, ForeignKeyConstraint, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Flight(Base):
    __tablename__ = "flight"
    airline = Column(String(2), primary_key=True)
    number = Column(Integer, primary_key=True)
    dest = Column(String(3))
    bookings = relationship("Booking", backref="flight", order_by="Booking.id")


class Booking(Base):
    __tablename__ = "booking"
    id = Column(Integer, primary_key=True)
    passenger = Column(String(20))
    airline = Column(String(2))
    number = Column(Integer)
    __table_args__ = (ForeignKeyConstraint(["airline", "number"], ["flight.airline", "flight.number"]),)


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    f = Flight(airline="SK", number=42, dest="OSL")
    f.bookings = [Booking(passenger="ann"), Booking(passenger="bo")]
    session.add(f)
    session.commit()
    b = session.get(Booking, 2)
    print(b.airline, b.number, b.flight.dest)
    print([x.passenger for x in session.get(Flight, ("SK", 42)).bookings])
