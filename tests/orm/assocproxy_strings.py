# features: legacy-declarative, association_proxy, simple many-to-many proxy, default creator, list operations, any, contains, echo
from sqlalchemy import Column, ForeignKey, Integer, String, Table, create_engine, select
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()

user_keyword = Table(
    "user_keyword",
    Base.metadata,
    Column("user_id", ForeignKey("user.id"), primary_key=True),
    Column("keyword_id", ForeignKey("keyword.id"), primary_key=True),
)


class User(Base):
    __tablename__ = "user"
    id = Column(Integer, primary_key=True)
    name = Column(String(64))
    kw = relationship("Keyword", secondary=user_keyword)
    keywords = association_proxy("kw", "keyword")


class Keyword(Base):
    __tablename__ = "keyword"
    id = Column(Integer, primary_key=True)
    keyword = Column(String(64))

    def __init__(self, keyword):
        self.keyword = keyword


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

user = User(name="jek")
user.keywords.append("cheese-inspector")
user.keywords.extend(["snack-ninja", "big-cheese"])
print(user.keywords, len(user.keywords), "snack-ninja" in user.keywords)
print([type(k).__name__ for k in user.kw])
print(user.keywords[0], user.keywords[-1])

with Session(engine) as session:
    session.add(user)
    session.commit()
    user.keywords.remove("snack-ninja")
    session.commit()
    print(user.keywords)
    stmt = select(User.name).where(User.keywords.any(Keyword.keyword == "big-cheese"))
    print(session.scalars(stmt).all())
    print(session.scalars(select(User.name).where(User.keywords.contains("cheese-inspector"))).all())
