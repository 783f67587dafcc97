# features: legacy-declarative, mistakes, typo-in-relationship-target, InvalidRequestError, configure-on-first-use, exception-line
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "author"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    books = relationship("Bok", back_populates="author")


class Book(Base):
    __tablename__ = "book"
    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("author.id"))
    author = relationship("Author", back_populates="books")


engine = create_engine("sqlite:///:memory:")
Base.metadata.create_all(engine)
print("tables created; mappers not configured yet")
try:
    Author(name="x")
except Exception as e:
    print(type(e).__name__, "-", e)
print("second try raises again:")
a = Author(name="y")
