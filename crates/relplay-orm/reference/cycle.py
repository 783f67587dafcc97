from sqlalchemy import *
import warnings
warnings.simplefilter("always")
m = MetaData()
x = Table("x", m, Column("id", Integer, primary_key=True))
a = Table("a", m, Column("id", Integer, primary_key=True), Column("b_id", ForeignKey("b.id")))
b = Table("b", m, Column("id", Integer, primary_key=True), Column("a_id", ForeignKey("a.id")), Column("x_id", ForeignKey("x.id")))
c = Table("c", m, Column("id", Integer, primary_key=True), Column("a_id", ForeignKey("a.id")))
e = create_engine("sqlite://", echo=True)
m.create_all(e)
m.drop_all(e)
