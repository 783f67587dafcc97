# features: 2.0-style, lazy=raise, lazy=raise_on_sql, raiseload, lazyload, noload, InvalidRequestError, identity-map, echo
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    lazyload,
    mapped_column,
    noload,
    raiseload,
    relationship,
)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    books: Mapped[List["Book"]] = relationship(back_populates="author", lazy="raise")


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(30))
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Optional["Author"]] = relationship(back_populates="books", lazy="raise_on_sql")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    a = Author(name="Le Guin")
    a.books = [Book(title="Earthsea"), Book(title="Lathe")]
    session.add(a)
    session.commit()

with Session(engine) as session:
    author = session.scalars(select(Author)).one()
    try:
        author.books
    except InvalidRequestError as e:
        print("raise:", e)
    # lazyload() overrides lazy="raise" for this query only
    author2 = session.scalars(select(Author).options(lazyload(Author.books))).one()
    print(author2 is author, [b.title for b in author2.books])

with Session(engine) as session:
    book = session.scalars(select(Book).order_by(Book.id).limit(1)).one()
    try:
        book.author
    except InvalidRequestError as e:
        print("raise_on_sql:", e)
    # raise_on_sql is fine when the identity map can answer without SQL
    keep = session.get(Author, 1)  # the session holds objects weakly
    book2 = session.scalars(select(Book).order_by(Book.id.desc()).limit(1)).one()
    print(book2.title, book2.author.name)

with Session(engine) as session:
    books = session.scalars(select(Book).options(raiseload("*"))).all()
    try:
        books[0].author
    except InvalidRequestError as e:
        print("raiseload('*'):", e)
    authors = session.scalars(select(Author).options(noload(Author.books))).all()
    print([a.books for a in authors])
