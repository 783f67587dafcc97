# features: legacy-declarative, cascade merge, relationship without merge cascade, backref, session.merge, detached graph, echo
from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import Session, backref, declarative_base, relationship

Base = declarative_base()


class Band(Base):
    __tablename__ = "band"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    albums = relationship("Album", backref="band", cascade="save-update, merge")
    fans = relationship("Fan", backref=backref("band"), cascade="save-update")


class Album(Base):
    __tablename__ = "album"
    id = Column(Integer, primary_key=True)
    title = Column(String(20))
    band_id = Column(Integer, ForeignKey("band.id"))


class Fan(Base):
    __tablename__ = "fan"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    band_id = Column(Integer, ForeignKey("band.id"))


engine = create_engine("sqlite:///:memory:", echo=True)
Base.metadata.create_all(engine)

with Session(engine, expire_on_commit=False) as s:
    b = Band(id=1, name="low", albums=[Album(id=1, title="things")], fans=[Fan(id=1, name="zed")])
    s.add(b)
    s.commit()

b.albums[0].title = "Things We Lost"
b.fans[0].name = "Zed"
with Session(engine) as s:
    merged = s.merge(b)
    print("album merged:", merged.albums[0] is not b.albums[0], merged.albums[0].title)
    print("fan not merged:", [f.name for f in merged.fans])
    s.commit()
    print(s.get(Fan, 1).name)
