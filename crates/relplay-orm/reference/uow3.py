exec(open("uow2.py").read().split("s = Session(e)")[0])
from sqlalchemy.orm import unitofwork as U
from sqlalchemy.util import topological
orig = U.UOWTransaction.execute
def ex(self):
    acts = sorted(self._generate_actions(), key=lambda i: i.sort_key)
    print("cycles:", bool(self.cycles))
    for a in topological.sort(self.dependencies, acts): print("  ", a)
    return orig(self)
U.UOWTransaction.execute = ex
s = Session(e)
s.add_all([C(p=P()), B(), K(ts=[T()])])
s.commit()
objs = s.query(B).all() + s.query(C).all() + s.query(K).all() + s.query(T).all() + s.query(P).all()
with s.no_autoflush:
    for o in objs: s.delete(o)
s.flush()
