# features: 2.0-style, passive_deletes, ondelete CASCADE, cascade all delete-orphan, sqlite foreign keys off by default, echo
from typing import List

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Folder(Base):
    __tablename__ = "folder"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    files: Mapped[List["File"]] = relationship(
        back_populates="folder", cascade="all, delete-orphan", passive_deletes=True
    )
    links: Mapped[List["Link"]] = relationship(cascade="all, delete-orphan")


class File(Base):
    __tablename__ = "file"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    folder_id: Mapped[int] = mapped_column(ForeignKey("folder.id", ondelete="CASCADE"))
    folder: Mapped["Folder"] = relationship(back_populates="files")


class Link(Base):
    __tablename__ = "link"
    id: Mapped[int] = mapped_column(primary_key=True)
    folder_id: Mapped[int] = mapped_column(ForeignKey("folder.id"))


engine = create_engine("sqlite:///:memory:", echo=True)


Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Folder(name="docs", files=[File(name="a"), File(name="b")], links=[Link()]))
    session.commit()

with Session(engine) as session:
    folder = session.scalars(select(Folder)).one()
    print("-- passive_deletes: files are left to ON DELETE CASCADE, links are loaded and deleted")
    session.delete(folder)
    session.commit()
    # SQLite enforces foreign keys only with PRAGMA foreign_keys=ON, so the files stay
    print([(f.name, f.folder_id) for f in session.scalars(select(File))], session.scalars(select(Link)).all())
