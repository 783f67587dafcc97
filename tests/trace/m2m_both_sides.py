# Many-to-many with back_populates: appending on either side shows up on
# the other at once; the association rows are written only at flush.
from sqlalchemy import create_engine, Column, ForeignKey, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


post_tag = Table(
    "post_tag",
    Base.metadata,
    Column("post_id", ForeignKey("post.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
)


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    tags: Mapped[list["Tag"]] = relationship(secondary=post_tag, back_populates="posts")


class Tag(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    posts: Mapped[list["Post"]] = relationship(secondary=post_tag, back_populates="tags")


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
p = Post(title="hello")
t = Tag(name="intro")
u = Tag(name="sql")
p.tags.append(t)
u.posts.append(p)
p.tags.remove(t)
with Session(engine) as session:
    session.add(p)
    session.commit()
    print([x.name for x in p.tags])
