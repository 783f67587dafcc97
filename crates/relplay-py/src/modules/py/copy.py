# copy for the playground: shallow and deep copies of containers and plain objects.

class Error(Exception):
    pass


def copy(x):
    cls = type(x)
    if cls in (int, float, bool, str, bytes, tuple, frozenset, type(None), range) or isinstance(x, type):
        return x
    if hasattr(x, '__copy__'):
        return x.__copy__()
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    y = object.__new__(cls)
    if hasattr(x, '__dict__'):
        y.__dict__.update(x.__dict__)
    return y


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    i = id(x)
    if i in memo:
        return memo[i]
    cls = type(x)
    if cls in (int, float, bool, str, bytes, type(None), range) or isinstance(x, type) or callable(x) and not hasattr(x, '__dict__'):
        return x
    if hasattr(x, '__deepcopy__'):
        return x.__deepcopy__(memo)
    if cls is list:
        y = []
        memo[i] = y
        for v in x:
            y.append(deepcopy(v, memo))
        return y
    if cls is tuple:
        return tuple(deepcopy(v, memo) for v in x)
    if cls is dict:
        y = {}
        memo[i] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls is set:
        return set(deepcopy(v, memo) for v in x)
    if cls is frozenset:
        return frozenset(deepcopy(v, memo) for v in x)
    y = object.__new__(cls)
    memo[i] = y
    if hasattr(x, '__dict__'):
        for k, v in x.__dict__.items():
            y.__dict__[k] = deepcopy(v, memo)
    return y
