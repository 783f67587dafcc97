# features: gallery, classic mistake, ForeignKey wrong table name, NoReferencedTableError
# gallery: Mistake — ForeignKey names a table that does not exist
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "user_account"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    addresses = relationship("Address", back_populates="user")


class Address(Base):
    __tablename__ = "address"
    id = Column(Integer, primary_key=True)
    email = Column(String(50))
    user_id = Column(Integer, ForeignKey("users.id"))  # the table is user_account
    user = relationship("User", back_populates="addresses")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
