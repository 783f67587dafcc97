# One-to-one (uselist=False): assigning a new profile replaces the old one,
# and the old profile's back-reference is cleared.
from sqlalchemy import create_engine, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    profile: Mapped["Profile"] = relationship(back_populates="user", uselist=False)


class Profile(Base):
    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), unique=True, nullable=True)
    user: Mapped["User"] = relationship(back_populates="profile")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
u = User(name="ann")
a = Profile()
b = Profile()
u.profile = a
u.profile = b
a.user = u
print(u.profile is a, b.user)
