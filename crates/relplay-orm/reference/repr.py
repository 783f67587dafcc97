from sqlalchemy import *
m=MetaData()
b=Table('b', m, Column('id', Integer, primary_key=True), Column('a1', ForeignKey('a.id')), Column('n', String(30), nullable=False, unique=True), Column('t', Text), Column('f', Boolean, default=True), Column('s', String, server_default='x', index=True), Column('d', Numeric(10,2)), Column('dt', DateTime), Column('x', Integer, ForeignKey('a.id', ondelete='CASCADE')))
print(repr(b))
for c in b.c: print(repr(c))
print(repr(Float()), repr(Date()), repr(Time()), repr(LargeBinary()), repr(Enum('a','b', name='e')), repr(JSON()), repr(Numeric()), repr(String()), repr(Text(5)))
