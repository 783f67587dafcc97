# features: 2.0-style, __table_args__, UniqueConstraint, CheckConstraint, Index, ForeignKey-ondelete, session.begin, sessionmaker.begin, IntegrityError, echo
from typing import List

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, sessionmaker


class Base(DeclarativeBase):
    pass


class Shop(Base):
    __tablename__ = "shop"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    items: Mapped[List["Item"]] = relationship(back_populates="shop")


class Item(Base):
    __tablename__ = "item"
    __table_args__ = (
        UniqueConstraint("shop_id", "sku", name="uq_shop_sku"),
        CheckConstraint("price > 0", name="ck_price"),
        Index("ix_item_sku", "sku"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(10))
    price: Mapped[int]
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id", ondelete="CASCADE"))
    shop: Mapped[Shop] = relationship(back_populates="items")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    with session.begin():
        session.add(Shop(name="corner", items=[Item(sku="a1", price=3), Item(sku="b2", price=5)]))
    print("committed by the begin() block")

SessionLocal = sessionmaker(bind=engine)
try:
    with SessionLocal.begin() as session:
        shop = session.scalars(select(Shop)).one()
        shop.items.append(Item(sku="a1", price=9))
except IntegrityError as e:
    print("IntegrityError:", e.orig)

with SessionLocal() as session:
    try:
        session.add(Item(sku="zz", price=-1, shop_id=1))
        session.flush()
    except IntegrityError as e:
        print("IntegrityError:", e.orig)
        session.rollback()
    print(session.scalars(select(Item.sku).order_by(Item.sku)).all())
