# features: lazy="dynamic", str() of an AppenderQuery, iterating a transient one (its pending items), transient/pending/persistent/detached parents, autoflush on render, many-to-many dynamic
from typing import List

from sqlalchemy import Column, ForeignKey, Table, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


tags = Table(
    "post_tag",
    Base.metadata,
    Column("post_id", ForeignKey("post.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
)


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    posts: Mapped[List["Post"]] = relationship(lazy="dynamic", order_by="Post.id")


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    title: Mapped[str]
    tags: Mapped[List["Tag"]] = relationship(secondary=tags, lazy="dynamic")


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)

a = Author(name="ann")
print("transient:")
print(a.posts)
p = Post(title="first")
print(p.tags)
a.posts.append(p)
print(a.posts.count())
print([x.title for x in a.posts], a.posts[0].title)

with Session(engine, autoflush=False) as session:
    session.add(a)
    print("pending, no autoflush:")
    print(a.posts)

with Session(engine) as session:
    b = Author(name="bob")
    session.add(b)
    print("pending, autoflush renders after a flush:")
    print(b.posts)
    print([x.title for x in b.posts])
    session.commit()
    print("persistent:")
    print(b.posts)
print("detached:")
print(b.posts)
