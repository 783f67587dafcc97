# features: 2.0-style, Mapped, session, add_all, select, where, order_by, scalars, get, identity-map, expire-on-commit, repr, invalid-keyword, echo
from typing import Optional

from sqlalchemy import String, create_engine, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]

    def __repr__(self):
        return f"User(id={self.id!r}, name={self.name!r})"


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine) as session:
    session.add_all([User(name="spongebob", fullname="Spongebob Squarepants"), User(name="sandy")])
    session.add(User(name="patrick"))
    session.commit()
    stmt = select(User).where(User.name.in_(["spongebob", "sandy"])).order_by(User.id)
    users = session.scalars(stmt).all()
    print(users)
    print(session.get(User, 1) is users[0])
    print(session.scalar(select(func.count(User.id))))
    print(session.execute(select(User.name, User.fullname).where(User.fullname.is_(None))).all())
    users[1].fullname = "Sandy Cheeks"
    print("dirty:", session.dirty)
    session.commit()
    print(users[1].fullname)
    print(session.scalars(select(User).where(User.name.like("%a%")).order_by(User.name.desc())).first())
    try:
        User(nickname="x")
    except TypeError as e:
        print("TypeError:", e)
