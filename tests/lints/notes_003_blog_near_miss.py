# lints: none
# Learner notes 003, the blog (User -> Post -> Comment) with its tables named, plus its eager join.
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, joinedload, relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    posts = relationship("Post", back_populates="user")


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"))
    user = relationship("User", back_populates="posts")
    comments = relationship("Comment", back_populates="post")


class Comment(Base):
    __tablename__ = "comments"
    id = Column(Integer, primary_key=True)
    post_id = Column(Integer, ForeignKey("posts.id"))
    post = relationship("Post", back_populates="comments")


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add(User(name="Prince", posts=[Post(comments=[Comment()])]))
    session.commit()
    user = session.query(User).options(joinedload(User.posts)).first()
    print(len(user.posts))
    for post in session.query(Post).options(joinedload(Post.comments)).all():
        print(post.id, len(post.comments))
    print(session.query(Post).join(User).filter(User.name == "Prince").all()[0].id)
