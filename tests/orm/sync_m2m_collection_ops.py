# features: 2.0-style, many-to-many, back_populates, both-sides sync, remove, clear, slice assignment, extend, pop, flush, echo
from typing import List

from sqlalchemy import Column, ForeignKey, String, Table, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


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
    name: Mapped[str] = mapped_column(String(20))
    courses: Mapped[List["Course"]] = relationship(secondary=enrollment, back_populates="students")

    def __repr__(self):
        return self.name


class Course(Base):
    __tablename__ = "course"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(20))
    students: Mapped[List[Student]] = relationship(secondary=enrollment, back_populates="courses")

    def __repr__(self):
        return self.title


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
ann, bo = Student(name="ann"), Student(name="bo")
math, art, bio = Course(title="math"), Course(title="art"), Course(title="bio")
ann.courses.extend([math, art])
bo.courses.append(math)
print(math.students, art.students, bio.students)
with Session(engine) as session:
    session.add_all([ann, bo, bio])
    session.flush()
    math.students.remove(ann)
    print(ann.courses, math.students)
    ann.courses.append(bio)
    popped = ann.courses.pop(0)
    print(popped, art.students, bio.students)
    session.flush()
    bo.courses.clear()
    print(math.students)
    session.commit()
    print(sorted((s.name, [c.title for c in s.courses]) for s in [ann, bo]))
