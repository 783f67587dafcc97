# features: legacy-declarative, any(**kw), has(**kw), ilike, not_in, count select_from, between, lower, is_not, coalesce with a literal, order_by label name, collection contains, max, text with params, endswith, avg, echo
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, select, func, or_, and_, not_, desc, text
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    age = Column(Integer)
    addresses = relationship("Address", back_populates="user")


class Address(Base):
    __tablename__ = "addresses"
    id = Column(Integer, primary_key=True)
    email = Column(String(50))
    user_id = Column(Integer, ForeignKey("users.id"))
    user = relationship("User", back_populates="addresses")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
s = Session(engine)
u1 = User(name="Ann", age=30, addresses=[Address(email="ann@x.org")])
u2 = User(name="bob", age=17, addresses=[Address(email="bob@y.org"), Address(email="b2@x.org")])
s.add_all([u1, u2, User(name="cy", age=None)])
s.commit()
print(s.query(User.name).filter(User.addresses.any(email="ann@x.org")).all())
print(s.query(Address.email).filter(Address.user.has(name="bob")).order_by(Address.id).all())
print(s.scalars(select(User.name).where(User.name.ilike("a%"))).all())
print(s.scalars(select(User.name).where(User.age.not_in([30]))).all())
print(s.scalar(select(func.count()).select_from(User)))
print(s.scalars(select(User.name).where(User.age.between(10, 20))).all())
print(s.scalars(select(func.lower(User.name)).order_by(User.id)).all())
print(s.scalars(select(User.name).where(User.age.is_not(None)).order_by(desc(User.age))).all())
print(s.execute(select(User.name, func.coalesce(User.age, 0).label("a")).order_by("a")).all())
print(s.scalars(select(User.name).where(User.addresses.contains(u2.addresses[0]))).all())
print(s.scalars(select(func.max(User.age))).one())
print(s.execute(text("SELECT name FROM users WHERE age > :a"), {"a": 18}).all())
print(s.scalars(select(Address.email).where(Address.email.endswith("x.org")).order_by(Address.email)).all())
print(s.scalar(select(func.avg(User.age))))
s.close()
