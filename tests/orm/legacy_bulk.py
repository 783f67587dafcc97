# features: legacy-declarative, session.query, bulk-update, bulk-delete, rowcount, echo
from sqlalchemy import Column, Integer, String, create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class Item(Base):
    __tablename__ = "items"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    qty = Column(Integer, default=0)


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)
Session = sessionmaker(bind=engine)
session = Session()
session.add_all([Item(name="pen", qty=3), Item(name="ink"), Item(name="pad", qty=7)])
session.commit()
n = session.query(Item).filter(Item.qty == 0).update({"qty": 5}, synchronize_session=False)
print("updated", n)
n = session.query(Item).filter(Item.name == "pad").delete(synchronize_session=False)
print("deleted", n)
session.commit()
print([(i.name, i.qty) for i in session.query(Item).order_by(Item.id)])
