# features: 2.0-style, subquery, scalar_subquery, exists, group_by, join-subquery, func.count, label, echo
from typing import List

from sqlalchemy import ForeignKey, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    books: Mapped[List["Book"]] = relationship()


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Author(name="ann", books=[Book(title="x"), Book(title="y")]), Author(name="bob", books=[Book(title="z")]), Author(name="cyd")])
    s.commit()
    counts = select(Book.author_id, func.count(Book.id).label("n")).group_by(Book.author_id).subquery()
    stmt = select(Author.name, counts.c.n).join(counts, Author.id == counts.c.author_id).order_by(counts.c.n.desc())
    print(s.execute(stmt).all())
    n_books = select(func.count(Book.id)).where(Book.author_id == Author.id).scalar_subquery()
    print(s.scalars(select(Author.name).where(n_books > 1)).all())
    has_books = select(Book.id).where(Book.author_id == Author.id).exists()
    print(s.scalars(select(Author.name).where(~has_books)).all())
