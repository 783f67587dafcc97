# lints: none
# The same, with the association table named by secondary= on both sides.
from typing import List

from sqlalchemy import Column, ForeignKey, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, configure_mappers, mapped_column, relationship


class Base(DeclarativeBase):
    pass


enrollment = Table(
    "enrollment",
    Base.metadata,
    Column("student_id", ForeignKey("student.id"), primary_key=True),
    Column("course_id", ForeignKey("course.id"), primary_key=True),
)


class Student(Base):
    __tablename__ = "student"
    id: Mapped[int] = mapped_column(primary_key=True)
    courses: Mapped[List["Course"]] = relationship(secondary=enrollment, back_populates="students")


class Course(Base):
    __tablename__ = "course"
    id: Mapped[int] = mapped_column(primary_key=True)
    students: Mapped[List["Student"]] = relationship(secondary="enrollment", back_populates="courses")


configure_mappers()
print(Student.courses.property.direction.name)  # MANYTOMANY
