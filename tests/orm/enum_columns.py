# features: 2.0-style, Enum, python-enum, Mapped-enum, legacy-Column-Enum, where-on-enum, echo
import enum

from sqlalchemy import Column, Enum, Integer, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Status(enum.Enum):
    draft = 1
    published = 2
    archived = 3


class Size(enum.Enum):
    S = "small"
    XL = "extra large"


class Base(DeclarativeBase):
    pass


class Post(Base):
    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[Status]
    size = Column(Enum(Size))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Post(status=Status.draft, size=Size.S), Post(status=Status.published, size=Size.XL)])
    s.commit()
    posts = s.scalars(select(Post).where(Post.status == Status.published)).all()
    print([(p.status, p.size) for p in posts])
    print(posts[0].status is Status.published)
