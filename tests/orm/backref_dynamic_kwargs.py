# features: legacy-declarative, backref with keyword arguments, backref lazy=dynamic, backref order_by, AppenderQuery, filter, count, echo
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, backref, declarative_base, relationship

Base = declarative_base()


class Blog(Base):
    __tablename__ = "blog"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))


class Entry(Base):
    __tablename__ = "entry"
    id = Column(Integer, primary_key=True)
    title = Column(String(30))
    stars = Column(Integer)
    blog_id = Column(Integer, ForeignKey("blog.id"))
    blog = relationship("Blog", backref=backref("entries", lazy="dynamic", order_by="Entry.stars.desc()"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as session:
    b = Blog(name="notes")
    Entry(title="a", stars=1, blog=b)
    Entry(title="b", stars=5, blog=b)
    Entry(title="c", stars=3, blog=b)
    session.add(b)
    session.commit()
    print(type(b.entries).__name__)
    print([e.title for e in b.entries])
    print(b.entries.filter(Entry.stars > 2).count())
    print(b.entries.first().title)
