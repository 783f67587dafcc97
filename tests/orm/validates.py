# features: 2.0-style, validates, ValueError, collection-validator, echo
from typing import List

from sqlalchemy import ForeignKey, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, validates


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    tags: Mapped[List["Tag"]] = relationship()

    @validates("email")
    def check_email(self, key, value):
        if "@" not in value:
            raise ValueError(f"bad {key}: {value!r}")
        return value.lower()

    @validates("tags")
    def check_tag(self, key, tag):
        tag.label = tag.label.strip()
        return tag


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    u = User(email="Ann@Example.COM")
    print(u.email)
    try:
        u.email = "nope"
    except ValueError as e:
        print("ValueError:", e)
    u.tags.append(Tag(label="  red "))
    session.add(u)
    session.commit()
    print(session.execute(select(User.email, Tag.label).join(User.tags)).all())
