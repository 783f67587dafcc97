//! `typing`, written in Python: subscriptable aliases with CPython's reprs.

use crate::object::dict::PyDict;
use crate::value::{PyResult, Value};
use crate::vm::Interpreter;

const SRC: &str = r#"
TYPE_CHECKING = False

def _type_repr(obj):
    if obj is None:
        return 'None'
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)

class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg
    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'
    def __eq__(self, other):
        return isinstance(other, ForwardRef) and other.__forward_arg__ == self.__forward_arg__
    def __hash__(self):
        return hash(self.__forward_arg__)

def _conv(a):
    if isinstance(a, str):
        return ForwardRef(a)
    if a is None:
        return type(None)
    return a

class _GenericAlias:
    def __init__(self, origin, args, name=None, builtin=False):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._builtin = builtin
    def __repr__(self):
        if self._builtin:
            head = _type_repr(self.__origin__)
        else:
            head = 'typing.' + self._name
        if self._name == 'Optional':
            return f'typing.Optional[{_type_repr(self.__args__[0])}]'
        return head + '[' + ', '.join(_type_repr(a) for a in self.__args__) + ']'
    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and self.__args__ == other.__args__
                and self._builtin == other._builtin)
    def __hash__(self):
        return hash((self.__origin__, self.__args__))
    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)
    def __mro_entries__(self, bases):
        return (self.__origin__,)
    def __getattr__(self, name):
        if name in ('__name__', '__qualname__'):
            if self._builtin or not self._name:
                return getattr(self.__origin__, name)
            return self._name
        if name.startswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

class _SpecialForm:
    def __init__(self, name, origin=None, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams
    def __repr__(self):
        return 'typing.' + self._name
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_conv(p) for p in params)
        if self._name == 'Optional':
            if len(params) != 1:
                raise TypeError('typing.Optional requires a single type.')
            inner = params[0]
            if isinstance(inner, _GenericAlias) and inner._name == 'Union':
                return _GenericAlias(Union, inner.__args__ + (type(None),), 'Union')
            return Union[inner, None]
        if self._name == 'Union':
            flat = []
            for p in params:
                if isinstance(p, _GenericAlias) and p._name in ('Union', 'Optional'):
                    for q in p.__args__:
                        if q not in flat:
                            flat.append(q)
                elif p not in flat:
                    flat.append(p)
            if len(flat) == 1:
                return flat[0]
            if len(flat) == 2 and flat[1] is type(None):
                return _GenericAlias(self, tuple(flat), 'Optional')
            return _GenericAlias(self, tuple(flat), 'Union')
        if self._name == 'ClassVar' or self._name == 'Final':
            return _GenericAlias(self, params, self._name)
        if self._name == 'Annotated':
            return _GenericAlias(params[0], params, 'Annotated')
        if self._name == 'Literal':
            return _GenericAlias(self, params, 'Literal')
        return _GenericAlias(self.__origin__ or self, params, self._name)
    def __call__(self, *args, **kwargs):
        if self.__origin__ is not None:
            return self.__origin__(*args, **kwargs)
        raise TypeError(f'Cannot instantiate typing.{self._name}')
    def __mro_entries__(self, bases):
        if self.__origin__ is not None:
            return (self.__origin__,)
        raise TypeError(f'Cannot subclass typing.{self._name}')

class _AnyType:
    def __repr__(self):
        return 'typing.Any'
Any = _AnyType()
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
Literal = _SpecialForm('Literal')
Annotated = _SpecialForm('Annotated')
List = _SpecialForm('List', list)
Dict = _SpecialForm('Dict', dict)
Set = _SpecialForm('Set', set)
FrozenSet = _SpecialForm('FrozenSet', frozenset)
Tuple = _SpecialForm('Tuple', tuple)
Type = _SpecialForm('Type', type)
Callable = _SpecialForm('Callable')
Iterable = _SpecialForm('Iterable')
Iterator = _SpecialForm('Iterator')
Sequence = _SpecialForm('Sequence')
Mapping = _SpecialForm('Mapping')
MutableMapping = _SpecialForm('MutableMapping')
Generator = _SpecialForm('Generator')

class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
    def __repr__(self):
        return '~' + self.__name__

class Generic:
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(cls, params, cls.__name__, True)

class Protocol(Generic):
    pass

def cast(typ, val):
    return val

def overload(func):
    return func

def final(f):
    return f

def no_type_check(f):
    return f

def get_type_hints(obj):
    return dict(getattr(obj, '__annotations__', {}))

def get_origin(tp):
    return getattr(tp, '__origin__', None)

def get_args(tp):
    return getattr(tp, '__args__', ())

def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type

class _UnionType:
    def __init__(self, args):
        self.__args__ = args
    def __repr__(self):
        return ' | '.join('None' if a is type(None) else _type_repr(a) for a in self.__args__)
    def __or__(self, other):
        return _union_type(self, other)
    def __ror__(self, other):
        return _union_type(other, self)
    def __eq__(self, other):
        return isinstance(other, _UnionType) and set(self.__args__) == set(other.__args__)
    def __hash__(self):
        return hash(frozenset(self.__args__))
    def __instancecheck__(self, obj):
        return isinstance(obj, tuple(a for a in self.__args__ if isinstance(a, type)))

def _union_type(a, b):
    args = []
    for x in (a, b):
        x = type(None) if x is None else x
        for y in (x.__args__ if isinstance(x, _UnionType) else (x,)):
            if y not in args:
                args.append(y)
    return _UnionType(tuple(args))

def _builtin_alias(origin, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _GenericAlias(origin, tuple(_conv(p) if isinstance(p, str) else p for p in params), origin.__name__, True)
"#;

pub fn build(interp: &mut Interpreter) -> PyResult<PyDict> {
    crate::modules::exec_source(interp, "typing", SRC)
}

/// `list[int]` and friends: a `types.GenericAlias`-like object.
pub fn generic_alias(interp: &mut Interpreter, cls: Value, key: Value) -> PyResult<Value> {
    let m = interp.import("typing", true)?;
    let f = interp.getattr(&m, "_builtin_alias")?;
    interp.call(&f, vec![cls, key], vec![])
}
