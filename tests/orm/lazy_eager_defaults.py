# features: legacy-declarative, lazy=False, lazy=True, lazy=immediate, lazy=joined, unique, InvalidRequestError, legacy-query, echo
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Shelf(Base):
    __tablename__ = "shelves"
    id = Column(Integer, primary_key=True)
    label = Column(String(20))
    books = relationship("Book", lazy=False, order_by="Book.id")


class Book(Base):
    __tablename__ = "books"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))
    shelf_id = Column(Integer, ForeignKey("shelves.id"))
    shelf = relationship("Shelf", lazy="immediate")
    notes = relationship("Note", lazy=True)


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    text = Column(String(40))
    book_id = Column(Integer, ForeignKey("books.id"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

session = Session(engine)
s1 = Shelf(label="A", books=[Book(title="x"), Book(title="y")])
s2 = Shelf(label="B", books=[Book(title="z", notes=[Note(text="good")])])
session.add_all([s1, s2])
session.commit()
session.close()

print("-- lazy=False is joined eager loading; 2.0 select() needs unique()")
try:
    session.scalars(select(Shelf)).all()
except InvalidRequestError as e:
    print(e)
shelves = session.scalars(select(Shelf).order_by(Shelf.id)).unique().all()
print([(s.label, [b.title for b in s.books]) for s in shelves])
session.close()

print("-- the legacy Query uniquifies by itself")
shelves = session.query(Shelf).order_by(Shelf.id).all()
print(len(shelves))
session.close()

print("-- lazy='immediate' loads the many-to-one right after the rows")
books = session.query(Book).order_by(Book.id).all()
print("loaded", [b.title for b in books])
print([b.shelf.label for b in books])
print("-- lazy=True is the default select loading")
print([n.text for n in books[2].notes])
session.close()
