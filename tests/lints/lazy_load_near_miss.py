# lints: none
# The same loop with selectinload(): two SELECTs in all; a joined relationship needs nothing.
from typing import List, Optional

from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    books: Mapped[List["Book"]] = relationship(back_populates="author")
    prizes: Mapped[List["Prize"]] = relationship(lazy="joined", back_populates="author")


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Optional[Author]] = relationship(back_populates="books")


class Prize(Base):
    __tablename__ = "prize"
    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Optional[Author]] = relationship(back_populates="prizes")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Author(name=n, books=[Book(title=n + "1")]) for n in "ab"])
    session.commit()

engine.echo = True
with Session(engine) as session:
    stmt = select(Author).options(selectinload(Author.books)).order_by(Author.id)
    for a in session.scalars(stmt).unique():
        print(a.name, [b.title for b in a.books], len(a.prizes))
