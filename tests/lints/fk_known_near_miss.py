# lints: none
# FKs to a class's table, to a Table(...), and to a renamed column all resolve.
from sqlalchemy import Column, ForeignKey, Integer, Table, create_engine
from sqlalchemy.orm import declarative_base

Base = declarative_base()

tag = Table("tag", Base.metadata, Column("tag_id", Integer, primary_key=True))


class User(Base):
    __tablename__ = "user_account"
    id = Column("user_pk", Integer, primary_key=True)


class Note(Base):
    __tablename__ = "note"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("user_account.user_pk"))
    tag_id = Column(Integer, ForeignKey("tag.tag_id"))


Base.metadata.create_all(create_engine("sqlite://"))
print("ok")
