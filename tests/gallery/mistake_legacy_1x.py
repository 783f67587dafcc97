# features: gallery, classic mistake, sqlalchemy.ext.declarative, declarative_base(bind=), MovedIn20Warning, TypeError
# gallery: Mistake — 1.x leftovers: ext.declarative and declarative_base(bind=engine)
from sqlalchemy import create_engine
from sqlalchemy.ext.declarative import declarative_base

engine = create_engine("sqlite:///:memory:", echo=True)
Base = declarative_base(bind=engine)
