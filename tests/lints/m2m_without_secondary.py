# lints: m2m-without-secondary
# Two collections of each other, 2.0 style, and no association table.
from typing import List

from sqlalchemy.orm import DeclarativeBase, Mapped, configure_mappers, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Student(Base):
    __tablename__ = "student"
    id: Mapped[int] = mapped_column(primary_key=True)
    courses: Mapped[List["Course"]] = relationship(back_populates="students")


class Course(Base):
    __tablename__ = "course"
    id: Mapped[int] = mapped_column(primary_key=True)
    students: Mapped[List["Student"]] = relationship(back_populates="courses")


configure_mappers()  # NoForeignKeysError
