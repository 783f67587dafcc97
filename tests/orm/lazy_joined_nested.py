# features: 2.0-style, nested joinedload chain with a sibling joinedload, alias numbering, unique, echo
from typing import List
from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, joinedload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "u"
    id: Mapped[int] = mapped_column(primary_key=True)
    posts: Mapped[List["Post"]] = relationship()
    tags: Mapped[List["Tag"]] = relationship()


class Post(Base):
    __tablename__ = "p"
    id: Mapped[int] = mapped_column(primary_key=True)
    u_id: Mapped[int] = mapped_column(ForeignKey("u.id"))
    comments: Mapped[List["Comment"]] = relationship()


class Comment(Base):
    __tablename__ = "c"
    id: Mapped[int] = mapped_column(primary_key=True)
    p_id: Mapped[int] = mapped_column(ForeignKey("p.id"))


class Tag(Base):
    __tablename__ = "t"
    id: Mapped[int] = mapped_column(primary_key=True)
    u_id: Mapped[int] = mapped_column(ForeignKey("u.id"))


e = create_engine("sqlite://", echo=True)
Base.metadata.create_all(e)
with Session(e) as s:
    s.add(User(posts=[Post(comments=[Comment(), Comment()]), Post()], tags=[Tag()]))
    s.commit()
    stmt = select(User).options(joinedload(User.posts).joinedload(Post.comments), joinedload(User.tags))
    u = s.scalars(stmt).unique().one()
    print([len(p.comments) for p in u.posts], len(u.tags))
