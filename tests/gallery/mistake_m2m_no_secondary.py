# features: gallery, classic mistake, many-to-many without association table, NoForeignKeysError
# gallery: Mistake — many-to-many without an association table
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import configure_mappers, declarative_base, relationship

Base = declarative_base()


class Student(Base):
    __tablename__ = "student"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    courses = relationship("Course", back_populates="students")


class Course(Base):
    __tablename__ = "course"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))
    students = relationship("Student", back_populates="courses")


configure_mappers()
