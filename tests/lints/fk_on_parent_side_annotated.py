# lints: fk-on-parent-side
# Mapped[List[...]] says "collection", the FK says many-to-one: the FK wins.
from typing import List

from sqlalchemy import ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, configure_mappers, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("book.id"))
    books: Mapped[List["Book"]] = relationship()


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)


configure_mappers()
print(Author.books.property.direction.name, Author().books)  # MANYTOONE None
