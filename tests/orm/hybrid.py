# features: 2.0-style, hybrid_property, hybrid_method, expression, setter, select-where-hybrid, echo
from sqlalchemy import String, create_engine, func, select
from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Interval(Base):
    __tablename__ = "span"
    id: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[int]
    end: Mapped[int]
    name: Mapped[str] = mapped_column(String(20))

    @hybrid_property
    def length(self):
        return self.end - self.start

    @hybrid_method
    def contains(self, point):
        return (self.start <= point) & (point <= self.end)

    @hybrid_property
    def upper_name(self):
        return self.name.upper()

    @upper_name.expression
    def upper_name(cls):
        return func.upper(cls.name)

    @upper_name.setter
    def upper_name(self, value):
        self.name = value.lower()


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    i = Interval(start=5, end=12, name="a")
    i.upper_name = "SPAN"
    s.add_all([i, Interval(start=1, end=3, name="b")])
    s.commit()
    print(i.length, i.contains(6), i.upper_name)
    print(s.scalars(select(Interval.name).where(Interval.length > 3)).all())
    print(s.scalars(select(Interval.id).where(Interval.contains(2))).all())
    print(s.scalars(select(Interval.upper_name).order_by(Interval.id)).all())
