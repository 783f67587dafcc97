# Many-to-many: students take many courses and courses have many students,
# linked through an association table that no class maps.
from sqlalchemy import Column, ForeignKey, Table, create_engine
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
    name: Mapped[str]
    courses: Mapped[list["Course"]] = relationship(
        secondary=enrollment, back_populates="students"
    )


class Course(Base):
    __tablename__ = "course"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    students: Mapped[list["Student"]] = relationship(
        secondary=enrollment, back_populates="courses"
    )


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)

with Session(engine) as session:
    ada = Student(name="Ada")
    alan = Student(name="Alan")
    logic = Course(title="Logic")
    logic.students.extend([ada, alan])
    session.add(logic)
    session.commit()

    print([c.title for c in ada.courses])
    print(sorted(s.name for s in logic.students))
