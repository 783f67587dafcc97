# features: 2.0-style, association object, association_proxy, creator, extra columns, delete-orphan, proxy of a scalar through the association, echo
from typing import List, Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Student(Base):
    __tablename__ = "student"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    enrollments: Mapped[List["Enrollment"]] = relationship(
        back_populates="student", cascade="all, delete-orphan"
    )
    courses: AssociationProxy[List["Course"]] = association_proxy(
        "enrollments", "course", creator=lambda c: Enrollment(course=c)
    )


class Enrollment(Base):
    __tablename__ = "enrollment"
    student_id: Mapped[int] = mapped_column(ForeignKey("student.id"), primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("course.id"), primary_key=True)
    grade: Mapped[Optional[str]] = mapped_column(String(2))
    student: Mapped["Student"] = relationship(back_populates="enrollments")
    course: Mapped["Course"] = relationship(back_populates="enrollments")
    course_title: AssociationProxy[str] = association_proxy("course", "title")


class Course(Base):
    __tablename__ = "course"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(30))
    enrollments: Mapped[List["Enrollment"]] = relationship(back_populates="course")
    students: AssociationProxy[List["Student"]] = association_proxy("enrollments", "student")

    def __repr__(self):
        return f"Course({self.title!r})"


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    math, art = Course(title="math"), Course(title="art")
    ann = Student(name="ann")
    ann.courses.append(math)
    ann.courses.append(art)
    ann.enrollments[0].grade = "A"
    session.add(ann)
    session.commit()

    print([(e.course_title, e.grade) for e in ann.enrollments])
    print([s.name for s in math.students])
    ann.courses.remove(art)
    session.commit()
    print(ann.courses, art.students)
    rows = session.execute(select(Student.name, Enrollment.grade).join(Student.enrollments)).all()
    print(rows)
