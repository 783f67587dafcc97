# features: legacy-declarative, classic mistake, backref and back_populates on the same pair, ArgumentError, configure on first use
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "author"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    books = relationship("Book", backref="author")


class Book(Base):
    __tablename__ = "book"
    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("author.id"))
    author = relationship("Author", back_populates="books")


print("classes defined; the clash shows when mappers configure")
a = Author(name="x")
