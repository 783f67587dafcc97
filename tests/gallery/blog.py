# features: gallery, blog, User Post Comment, two levels, back_populates, cascade all delete-orphan, joinedload
# gallery: The blog — User → Post → Comment
from typing import List

from sqlalchemy import ForeignKey, String, Text, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, joinedload, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    posts: Mapped[List["Post"]] = relationship(back_populates="author", cascade="all, delete-orphan")


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    author: Mapped["User"] = relationship(back_populates="posts")
    comments: Mapped[List["Comment"]] = relationship(back_populates="post", cascade="all, delete-orphan")


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))
    post: Mapped["Post"] = relationship(back_populates="comments")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    alice = User(username="alice")
    post = Post(title="Hello", body="First post", author=alice)
    post.comments.append(Comment(text="Nice!"))
    post.comments.append(Comment(text="Welcome"))
    session.add(alice)
    session.commit()

with Session(engine) as session:
    stmt = select(Post).options(joinedload(Post.comments), joinedload(Post.author))
    for p in session.scalars(stmt).unique():
        print(p.title, "by", p.author.username, [c.text for c in p.comments])
    alice = session.scalars(select(User)).one()
    session.delete(alice)
    session.commit()
    print(session.scalars(select(Comment)).all())
