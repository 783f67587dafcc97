# features: legacy-declarative, sqlalchemy.ext.declarative, MovedIn20Warning, Column types, Boolean default, __repr__, query filter_by, one, echo
from sqlalchemy import Boolean, Column, Integer, String, create_engine
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import sessionmaker

Base = declarative_base()


class Todo(Base):
    __tablename__ = "todos"
    id = Column(Integer, primary_key=True)
    title = Column(String(50), nullable=False)
    done = Column(Boolean, default=False)

    def __repr__(self):
        return "<Todo %r done=%r>" % (self.title, self.done)


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
session.add_all([Todo(title="write"), Todo(title="test", done=True)])
session.commit()
print(session.query(Todo).filter_by(done=False).one())
t = session.query(Todo).filter(Todo.title == "write").first()
t.done = True
session.commit()
print(session.query(Todo).filter_by(done=True).order_by(Todo.id).all())
