# features: 2.0-style, select, where, and_, or_, not_, in_, like, startswith, contains, between, is_, desc, func.count, group_by, having, label, limit, offset, distinct, legacy-query, echo
from typing import Optional

from sqlalchemy import ForeignKey, String, and_, create_engine, desc, func, not_, or_, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    city: Mapped[Optional[str]]
    age: Mapped[int]


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as s:
    s.add_all([
        Person(name="ann", city="oslo", age=31),
        Person(name="bob", city="rome", age=25),
        Person(name="cyd", city=None, age=40),
        Person(name="dan", city="oslo", age=19),
    ])
    s.commit()
    print(s.scalars(select(Person.name).where(and_(Person.age > 20, or_(Person.city == "oslo", Person.city.is_(None))))).all())
    print(s.scalars(select(Person.name).where(not_(Person.name.in_(["ann", "bob"])))).all())
    print(s.scalars(select(Person.name).where(Person.name.startswith("a") | Person.name.contains("y"))).all())
    print(s.scalars(select(Person.name).where(Person.age.between(20, 35)).order_by(desc(Person.age))).all())
    print(s.execute(select(Person.city, func.count(Person.id).label("n")).group_by(Person.city).having(func.count(Person.id) > 1)).all())
    print(s.scalars(select(Person.name).order_by(Person.id).limit(2).offset(1)).all())
    print(s.scalars(select(Person.city).distinct().where(Person.city.is_not(None)).order_by(Person.city)).all())
    print(s.query(Person).filter(Person.age < 30).count())
    print([p.name for p in s.query(Person).filter_by(city="oslo").order_by(Person.age.desc()).all()])
    print(s.query(Person.name, Person.age).filter(Person.name != "ann").order_by(Person.name).first())
    print(s.scalar(select(func.max(Person.age))), s.scalar(select(func.sum(Person.age))))
