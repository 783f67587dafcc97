# features: legacy-declarative, server_default, text-server-default, RETURNING, insertmanyvalues, expired-attribute, echo
from sqlalchemy import Column, Integer, String, create_engine, text
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Task(Base):
    __tablename__ = "task"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))
    status = Column(String(10), server_default="todo")
    priority = Column(Integer, server_default=text("3"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    one = Task(title="one")
    s.add(one)
    s.flush()
    print(one.id, one.status, one.priority)
    s.add_all([Task(title="two"), Task(title="three", status="doing", priority=1)])
    s.commit()
    print([(t.title, t.status, t.priority) for t in s.query(Task).order_by(Task.id)])
