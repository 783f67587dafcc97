# lints: none
# Two FKs between the same tables, disambiguated with foreign_keys=: no pairing guesses.
from sqlalchemy import Column, ForeignKey, Integer, create_engine
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    authored = relationship("Post", foreign_keys="Post.author_id", back_populates="author")


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("users.id"))
    editor_id = Column(Integer, ForeignKey("users.id"))
    author = relationship("User", foreign_keys=[author_id], back_populates="authored")
    editor = relationship("User", foreign_keys=[editor_id])


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as s:
    u = User()
    p = Post(author=u, editor=u)
    s.add(p)
    s.commit()
    print(len(u.authored), p.editor_id)
