# features: 2.0-style, two foreign keys to one table, AmbiguousForeignKeysError, foreign_keys=, sender/recipient
from sqlalchemy import ForeignKey, String
from sqlalchemy.exc import AmbiguousForeignKeysError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))


class Message(Base):
    __tablename__ = "message"
    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(String(50))
    sender_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    recipient_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    sender: Mapped[User] = relationship(foreign_keys=[sender_id])
    recipient: Mapped[User] = relationship(foreign_keys="Message.recipient_id")


class Broken(Base):
    __tablename__ = "broken"
    id: Mapped[int] = mapped_column(primary_key=True)
    a_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    b_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped[User] = relationship()


try:
    Message(body="x")
except AmbiguousForeignKeysError as e:
    print("AmbiguousForeignKeysError:", e)
