# collections.abc for the playground: isinstance/issubclass checks.
from abc import ABCMeta

class Hashable(metaclass=ABCMeta):
    _abc_methods = ('__hash__',)

class Iterable(metaclass=ABCMeta):
    _abc_methods = ('__iter__',)

class Iterator(Iterable):
    _abc_methods = ('__iter__', '__next__')

class Generator(Iterator):
    _abc_methods = ('send', 'throw', 'close')

class Sized(metaclass=ABCMeta):
    _abc_methods = ('__len__',)

class Container(metaclass=ABCMeta):
    _abc_methods = ('__contains__',)

class Callable(metaclass=ABCMeta):
    _abc_methods = ('__call__',)

class Collection(Sized, Iterable, Container):
    _abc_methods = ('__len__', '__iter__', '__contains__')

class Sequence(Collection):
    _abc_methods = None

class MutableSequence(Sequence):
    _abc_methods = None

class Set(Collection):
    _abc_methods = None

class MutableSet(Set):
    _abc_methods = None

class Mapping(Collection):
    _abc_methods = None

class MutableMapping(Mapping):
    _abc_methods = None

class MappingView(Sized):
    _abc_methods = None

for _t in (list, tuple, str, range, bytes):
    Sequence.register(_t)
MutableSequence.register(list)
for _t in (set, frozenset):
    Set.register(_t)
MutableSet.register(set)
Mapping.register(dict)
MutableMapping.register(dict)
for _t in (list, tuple, str, range, bytes, dict, set, frozenset, type({}.keys()), type({}.values()), type({}.items())):
    Iterable.register(_t)
    Sized.register(_t)
    Container.register(_t)
    Collection.register(_t)
for _t in (type(iter([])), type(iter(())), type(iter('')), type(iter(range(0))), type(iter({})), type(x for x in ()), type(map(str, [])), type(zip()), type(enumerate([])), type(filter(None, []))):
    Iterator.register(_t)
    Iterable.register(_t)
Generator.register(type(x for x in ()))
for _t in (int, float, str, bytes, tuple, frozenset, type(None), bool, type):
    Hashable.register(_t)
def _f(): pass
for _t in (type(_f), type(len), type, type(print), type([].append)):
    Callable.register(_t)
del _t, _f
