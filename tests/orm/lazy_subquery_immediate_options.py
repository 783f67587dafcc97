# features: legacy-declarative, subqueryload, subqueryload chained selectinload, immediateload option, limit with subqueryload, legacy-query, echo
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base, immediateload, relationship, selectinload, subqueryload

Base = declarative_base()


class Author(Base):
    __tablename__ = "author"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    books = relationship("Book", back_populates="author", order_by="Book.id")


class Book(Base):
    __tablename__ = "book"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))
    author_id = Column(Integer, ForeignKey("author.id"))
    author = relationship("Author", back_populates="books")
    reviews = relationship("Review", order_by="Review.id")


class Review(Base):
    __tablename__ = "review"
    id = Column(Integer, primary_key=True)
    text = Column(String(20))
    book_id = Column(Integer, ForeignKey("book.id"))


engine = create_engine("sqlite:///:memory:")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all(
        [
            Author(name="ann", books=[Book(title="a1", reviews=[Review(text="ok")]), Book(title="a2")]),
            Author(name="bo", books=[Book(title="b1", reviews=[Review(text="meh"), Review(text="wow")])]),
            Author(name="cy"),
        ]
    )
    s.commit()
engine.echo = True

with Session(engine) as s:
    print("-- subqueryload(Author.books).selectinload(Book.reviews)")
    q = s.query(Author).options(subqueryload(Author.books).selectinload(Book.reviews)).order_by(Author.id)
    for a in q.all():
        print(a.name, [(b.title, [r.text for r in b.reviews]) for b in a.books])

with Session(engine) as s:
    print("-- subqueryload with LIMIT keeps the ORDER BY in the subquery")
    stmt = select(Author).options(subqueryload(Author.books)).order_by(Author.name.desc()).limit(2)
    print([(a.name, len(a.books)) for a in s.scalars(stmt)])

with Session(engine) as s:
    print("-- immediateload(Book.author)")
    books = s.scalars(select(Book).options(immediateload(Book.author)).order_by(Book.id)).all()
    print("loaded")
    print([b.author.name for b in books])
