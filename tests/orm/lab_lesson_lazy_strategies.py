# lesson: Author.books lazy — how many queries does the loop cost?
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "author"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    books = relationship("Book", back_populates="author")


class Book(Base):
    __tablename__ = "book"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))
    author_id = Column(Integer, ForeignKey("author.id"))
    author = relationship("Author", back_populates="books")


engine = create_engine("sqlite:///:memory:")
Base.metadata.create_all(engine)
with Session(engine) as session:
    for name in ["ann", "bo", "cy"]:
        session.add(Author(name=name, books=[Book(title=f"{name}-1"), Book(title=f"{name}-2")]))
    session.commit()

engine.echo = True
with Session(engine) as session:
    authors = session.query(Author).order_by(Author.id).all()
    for a in authors:
        print(a.name, [b.title for b in a.books])
