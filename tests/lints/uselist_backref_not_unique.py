# lints: uselist-false-not-unique
# backref("pet", uselist=False): Child.pet is one-to-one, but pet.child_id is not unique.
from sqlalchemy import Column, ForeignKey, Integer, create_engine
from sqlalchemy.orm import Session, backref, declarative_base, relationship

Base = declarative_base()


class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)


class Pet(Base):
    __tablename__ = "pet"
    id = Column(Integer, primary_key=True)
    child_id = Column(Integer, ForeignKey("child.id"))
    child = relationship("Child", backref=backref("pet", uselist=False))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add(Child(id=1))
    s.add_all([Pet(child_id=1), Pet(child_id=1)])
    s.commit()
    print(s.get(Child, 1).pet.id)  # SAWarning: Multiple rows returned with uselist=False
