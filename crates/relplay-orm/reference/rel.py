from sqlalchemy import *
from sqlalchemy.orm import *
class Base(DeclarativeBase): pass
class User(Base):
    __tablename__ = "users"
    id = mapped_column(Integer, primary_key=True)
    billing_id = mapped_column(ForeignKey("addr.id"))
    shipping_id = mapped_column(ForeignKey("addr.id"))
    addr = relationship("Addr")
class Addr(Base):
    __tablename__ = "addr"
    id = mapped_column(Integer, primary_key=True)
try: configure_mappers()
except Exception as e: print(type(e).__name__, e)
