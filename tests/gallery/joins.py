# features: gallery, joins, select().join, relationship join, outerjoin, legacy query join
# gallery: Joins — following a relationship in a query
from typing import List, Optional

from sqlalchemy import ForeignKey, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    posts: Mapped[List["Post"]] = relationship(back_populates="user")


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id"))
    user: Mapped[Optional[User]] = relationship(back_populates="posts")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    prince = User(name="Prince", posts=[Post(title="Purple"), Post(title="Rain")])
    session.add_all([prince, User(name="Quiet")])
    session.commit()

    stmt = select(Post.title).join(Post.user).where(User.name == "Prince").order_by(Post.title)
    print(session.scalars(stmt).all())

    print(session.query(Post).join(User).filter(User.name == "Prince").count())

    stmt = (
        select(User.name, func.count(Post.id))
        .outerjoin(User.posts)
        .group_by(User.name)
        .order_by(User.name)
    )
    print(session.execute(stmt).all())
