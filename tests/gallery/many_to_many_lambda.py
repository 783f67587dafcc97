# features: gallery, many-to-many, secondary lambda, secondary string, 2.0-style
# gallery: Many to many — secondary as a string or a lambda
from typing import List

from sqlalchemy import Column, ForeignKey, Table, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Student(Base):
    __tablename__ = "student"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    # a lambda defers the lookup until mappers are configured
    courses: Mapped[List["Course"]] = relationship(
        secondary=lambda: enrollment, back_populates="students"
    )


class Course(Base):
    __tablename__ = "course"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    # a string names the table in the same MetaData
    students: Mapped[List["Student"]] = relationship(
        secondary="enrollment", back_populates="courses"
    )


enrollment = Table(
    "enrollment",
    Base.metadata,
    Column("student_id", ForeignKey("student.id"), primary_key=True),
    Column("course_id", ForeignKey("course.id"), primary_key=True),
)

engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    sql = Course(title="SQL")
    session.add_all([Student(name="kim", courses=[sql]), Student(name="lee", courses=[sql])])
    session.commit()
    course = session.scalars(select(Course)).one()
    print(course.title, [s.name for s in course.students])
