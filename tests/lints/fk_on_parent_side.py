# lints: fk-on-parent-side
# "An author has many books", but the FK is on author: books is a scalar.
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "author"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    book_id = Column(Integer, ForeignKey("book.id"))
    books = relationship("Book")


class Book(Base):
    __tablename__ = "book"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))


engine = create_engine("sqlite:///:memory:")
Base.metadata.create_all(engine)
author = Author(name="ann")
print(Author.books.property.direction.name, author.books)  # MANYTOONE None
