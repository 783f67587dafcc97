# lints: fk-unknown-table
# ForeignKey names the class (User) instead of its table (user_account).
from sqlalchemy import Column, ForeignKey, Integer, create_engine
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "user_account"
    id = Column(Integer, primary_key=True)


class Address(Base):
    __tablename__ = "address"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("User.id"))


Base.metadata.create_all(create_engine("sqlite://"))  # NoReferencedTableError
