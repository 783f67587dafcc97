# features: gallery, classic mistake, foreign key on the wrong side, uselist, direction
# gallery: Mistake — the foreign key on the parent's side
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "author"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    # meant "an author has many books", but the FK below points author -> book,
    # so SQLAlchemy reads this as many-to-one: books is a scalar, not a list
    book_id = Column(Integer, ForeignKey("book.id"))
    books = relationship("Book")


class Book(Base):
    __tablename__ = "book"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
author = Author(name="ann")
print("books starts as:", author.books)
author.books.append(Book(title="one"))
