# features: 2.0-style, delete-orphan on many-to-one, single_parent=True, cascade all, replacing the parent's reference, InvalidRequestError single parent, echo
from typing import Optional

from sqlalchemy import ForeignKey, String, create_engine, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Settings(Base):
    __tablename__ = "settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    theme: Mapped[str] = mapped_column(String(10))


class Profile(Base):
    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    settings_id: Mapped[Optional[int]] = mapped_column(ForeignKey("settings.id"))
    settings: Mapped[Optional[Settings]] = relationship(cascade="all, delete-orphan", single_parent=True)


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    p = Profile(name="ann", settings=Settings(theme="dark"))
    session.add(p)
    session.commit()
    shared = p.settings
    try:
        Profile(name="bo", settings=shared)
    except InvalidRequestError as e:
        print("InvalidRequestError:", e)
    session.rollback()
    p.settings = Settings(theme="light")
    session.commit()
    print(session.scalars(select(Settings.theme)).all())
    session.delete(p)
    session.commit()
    print(session.scalars(select(Settings.theme)).all())
