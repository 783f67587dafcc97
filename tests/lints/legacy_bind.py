# lints: legacy-1x
# declarative_base(bind=engine): TypeError in 2.x.
from sqlalchemy import create_engine
from sqlalchemy.orm import declarative_base

engine = create_engine("sqlite://")
Base = declarative_base(bind=engine)
