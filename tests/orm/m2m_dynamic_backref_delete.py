# features: legacy-declarative, many-to-many without primary key on the association table, backref lazy=dynamic, order_by lambda desc, delete parent with m2m rows and delete-orphan children, any(**kw), query of a Table, echo
from sqlalchemy import Column, ForeignKey, Integer, String, Table, create_engine, desc
from sqlalchemy.orm import relationship, sessionmaker, declarative_base, backref

Base = declarative_base()
tags = Table("post_tags", Base.metadata, Column("post_id", ForeignKey("posts.id")), Column("tag_id", ForeignKey("tags.id")))


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    title = Column(String(40))
    tags = relationship("Tag", secondary=tags, backref=backref("posts", lazy="dynamic"), order_by="Tag.name")
    comments = relationship("Comment", backref="post", order_by=lambda: desc(Comment.id), cascade="all, delete-orphan")


class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)
    name = Column(String(20), unique=True)


class Comment(Base):
    __tablename__ = "comments"
    id = Column(Integer, primary_key=True)
    body = Column(String(40))
    post_id = Column(Integer, ForeignKey("posts.id"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
py, db = Tag(name="python"), Tag(name="db")
p1 = Post(title="first", tags=[py, db], comments=[Comment(body="a"), Comment(body="b")])
p2 = Post(title="second", tags=[py])
session.add_all([p1, p2])
session.commit()
print([t.name for t in p1.tags], [c.body for c in p1.comments])
print(py.posts.count(), [p.title for p in py.posts.order_by(Post.title)])
print(session.query(Post).filter(Post.tags.any(name="db")).one().title)
session.delete(p1)
session.commit()
print(session.query(Comment).count(), db.posts.all(), session.query(tags).count())
p2.tags.remove(py)
session.commit()
print(py.posts.all())
