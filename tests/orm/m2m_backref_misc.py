# features: legacy-declarative, many-to-many, backref-string, secondary-Table, one-to-one, uselist=False, collection-remove, clear, session.delete, str(select), echo
from sqlalchemy import Column, ForeignKey, Integer, String, Table, create_engine, select
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()

student_course = Table(
    "student_course",
    Base.metadata,
    Column("student_id", ForeignKey("student.id"), primary_key=True),
    Column("course_id", ForeignKey("course.id"), primary_key=True),
)


class Student(Base):
    __tablename__ = "student"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    courses = relationship("Course", secondary=student_course, backref="students")
    card = relationship("Card", uselist=False, back_populates="student")


class Course(Base):
    __tablename__ = "course"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))


class Card(Base):
    __tablename__ = "card"
    id = Column(Integer, primary_key=True)
    number = Column(String(10))
    student_id = Column(Integer, ForeignKey("student.id"))
    student = relationship("Student", back_populates="card")


print(select(Student).where(Student.name == "x"))
engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
session = Session(engine)

math, art = Course(title="math"), Course(title="art")
ann = Student(name="ann", courses=[math, art], card=Card(number="C1"))
bob = Student(name="bob", courses=[math])
session.add_all([ann, bob])
print("math.students before flush:", [s.name for s in math.students])
session.commit()

print("ann.card:", ann.card.number, "| card.student:", ann.card.student.name)
ann.courses.remove(math)
print("math.students:", [s.name for s in math.students])
session.commit()
bob.courses.clear()
session.commit()
print(session.execute(select(student_course)).all())
session.delete(ann)
session.commit()
print(session.scalars(select(Card.student_id)).all(), session.scalars(select(Course.title).order_by(Course.id)).all())
session.close()
