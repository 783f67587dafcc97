# features: legacy-declarative, session.query, filter_by, join, outerjoin, options joinedload, count, one, one_or_none, first, order_by desc, scalar, exists, get, LegacyAPIWarning, echo
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, desc, func
from sqlalchemy.exc import MultipleResultsFound, NoResultFound
from sqlalchemy.orm import joinedload, relationship, sessionmaker
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(30))
    posts = relationship("Post", back_populates="user")


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    title = Column(String(50))
    user_id = Column(Integer, ForeignKey("users.id"))
    user = relationship("User", back_populates="posts")


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
prince = User(name="Prince", posts=[Post(title="Purple"), Post(title="Rain")])
session.add_all([prince, User(name="Madonna", posts=[Post(title="Vogue")]), User(name="Nobody")])
session.commit()

print([p.title for p in session.query(Post).join(User).filter(User.name == "Prince").order_by(Post.id).all()])
print(session.query(User).outerjoin(Post).filter(Post.id == None).one().name)
print(session.query(Post).filter_by(title="Vogue").one_or_none().user.name)
print(session.query(Post).filter_by(title="Nope").one_or_none())
print(session.query(User).order_by(desc(User.name)).first().name)
print(session.query(Post).count(), session.query(func.count(Post.id)).scalar())
try:
    session.query(Post).one()
except MultipleResultsFound as e:
    print("MultipleResultsFound:", e)
try:
    session.query(Post).filter(Post.title == "x").one()
except NoResultFound as e:
    print("NoResultFound:", e)
users = session.query(User).options(joinedload(User.posts)).order_by(User.id).all()
print([(u.name, len(u.posts)) for u in users])
print(session.query(User).get(2).name)
print(session.query(User.name, func.count(Post.id)).outerjoin(User.posts).group_by(User.name).order_by(User.name).all())
print(session.query(session.query(Post).filter(Post.title.like("R%")).exists()).scalar())
