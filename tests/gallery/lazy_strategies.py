# features: gallery, lazy loading, lazy=select, lazy=joined, lazy=selectin, lazy=subquery, N+1
# gallery: Loading strategies side by side
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Author(Base):
    __tablename__ = "author"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    books_select = relationship("Book", lazy="select", viewonly=True)
    books_joined = relationship("Book", lazy="joined", viewonly=True)
    books_selectin = relationship("Book", lazy="selectin", viewonly=True)
    books_subquery = relationship("Book", lazy="subquery", viewonly=True)


class Book(Base):
    __tablename__ = "book"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))
    author_id = Column(Integer, ForeignKey("author.id"))


engine = create_engine("sqlite:///:memory:", echo=False)
Base.metadata.create_all(engine)
with Session(engine) as session:
    for name in ["ann", "bo"]:
        a = Author(name=name)
        session.add(a)
        session.flush()
        session.add_all([Book(title=f"{name}-{i}", author_id=a.id) for i in range(2)])
    session.commit()

engine.echo = True
with Session(engine) as session:
    print("-- loading authors: joined/selectin/subquery load eagerly here")
    authors = session.query(Author).order_by(Author.id).all()
    print("-- lazy='select' loads on first access, one query per author")
    for a in authors:
        print(a.name, [b.title for b in a.books_select])
