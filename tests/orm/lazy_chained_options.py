# features: 2.0-style, selectinload, joinedload, subqueryload, defaultload, chained-options, many-to-many selectin, unique, echo
from typing import List

from sqlalchemy import Column, ForeignKey, String, Table, create_engine, select
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    defaultload,
    joinedload,
    mapped_column,
    relationship,
    selectinload,
)


class Base(DeclarativeBase):
    pass


post_tag = Table(
    "post_tag",
    Base.metadata,
    Column("post_id", ForeignKey("post.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
)


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    posts: Mapped[List["Post"]] = relationship(back_populates="author", order_by="Post.id")


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(30))
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    author: Mapped["User"] = relationship(back_populates="posts")
    comments: Mapped[List["Comment"]] = relationship(back_populates="post", order_by="Comment.id")
    tags: Mapped[List["Tag"]] = relationship(secondary=post_tag, back_populates="posts", order_by="Tag.id")


class Comment(Base):
    __tablename__ = "comment"
    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(String(50))
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"))
    post: Mapped["Post"] = relationship(back_populates="comments")


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    posts: Mapped[List["Post"]] = relationship(secondary=post_tag, back_populates="tags")


engine = create_engine("sqlite:///:memory:")
Base.metadata.create_all(engine)
with Session(engine) as session:
    py, sql = Tag(name="python"), Tag(name="sql")
    ann = User(name="ann")
    ann.posts = [
        Post(title="p1", tags=[py, sql], comments=[Comment(body="nice"), Comment(body="+1")]),
        Post(title="p2", tags=[sql]),
    ]
    bo = User(name="bo", posts=[Post(title="p3", tags=[py], comments=[Comment(body="hm")])])
    session.add_all([ann, bo])
    session.commit()

engine.echo = True


def show(users):
    for u in users:
        print(u.name, [(p.title, [c.body for c in p.comments]) for p in u.posts])


print("-- selectinload(User.posts).joinedload(Post.comments)")
with Session(engine) as session:
    stmt = select(User).options(selectinload(User.posts).joinedload(Post.comments)).order_by(User.id)
    show(session.scalars(stmt).all())

print("-- joinedload(User.posts).selectinload(Post.comments)")
with Session(engine) as session:
    stmt = select(User).options(joinedload(User.posts).selectinload(Post.comments)).order_by(User.id)
    show(session.scalars(stmt).unique().all())

print("-- defaultload(User.posts).selectinload(Post.comments)")
with Session(engine) as session:
    stmt = select(User).options(defaultload(User.posts).selectinload(Post.comments)).order_by(User.id)
    users = session.scalars(stmt).all()
    print("users loaded")
    show(users)

print("-- many-to-many selectinload, both directions")
with Session(engine) as session:
    posts = session.scalars(select(Post).options(selectinload(Post.tags)).order_by(Post.id)).all()
    print([(p.title, [t.name for t in p.tags]) for p in posts])
with Session(engine) as session:
    tags = session.scalars(select(Tag).options(selectinload(Tag.posts)).order_by(Tag.id)).all()
    print([(t.name, sorted(p.title for p in t.posts)) for t in tags])
