# features: legacy-declarative, primaryjoin string with and_, viewonly, filtered relationship, order_by, lazy load, joinedload, echo
from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base, joinedload, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    addresses = relationship("Address", back_populates="user", order_by="Address.id")
    active_addresses = relationship(
        "Address",
        primaryjoin="and_(User.id == Address.user_id, Address.active == True)",
        viewonly=True,
        order_by="Address.email",
    )


class Address(Base):
    __tablename__ = "addresses"
    id = Column(Integer, primary_key=True)
    email = Column(String(30))
    active = Column(Boolean, default=True)
    user_id = Column(Integer, ForeignKey("users.id"))
    user = relationship("User", back_populates="addresses")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    u = User(name="ann")
    u.addresses = [Address(email="z@x"), Address(email="old@x", active=False), Address(email="a@x")]
    s.add(u)
    s.commit()
    print([a.email for a in u.addresses])
    print([a.email for a in u.active_addresses])

with Session(engine) as s:
    u = s.scalars(select(User).options(joinedload(User.active_addresses))).unique().one()
    print([a.email for a in u.active_addresses])
