# lints: none
# Table names made by a declared_attr on the base: not in the text, so no "unknown table" guess.
from typing import List, Optional

from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, configure_mappers, declared_attr, mapped_column, relationship


class Base(DeclarativeBase):
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return cls.__name__.lower() + "s"


class User(Base):
    id: Mapped[int] = mapped_column(primary_key=True)
    posts: Mapped[List["Post"]] = relationship(back_populates="user")


class Post(Base):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    user: Mapped[Optional[User]] = relationship(back_populates="posts")


configure_mappers()
print(Post.__table__.name, User.posts.property.direction.name)
