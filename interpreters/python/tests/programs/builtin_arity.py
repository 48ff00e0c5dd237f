names = {
 'len': len, 'abs': abs, 'repr': repr, 'ascii': ascii, 'ord': ord, 'chr': chr, 'hash': hash, 'id': id, 'callable': callable, 'hex': hex, 'oct': oct, 'bin': bin,
 'isinstance': isinstance, 'issubclass': issubclass, 'divmod': divmod, 'getattr': getattr, 'setattr': setattr, 'delattr': delattr, 'hasattr': hasattr,
 'sorted': sorted, 'min': min, 'max': max, 'iter': iter, 'next': next, 'sum': sum, 'round': round, 'pow': pow, 'any': any, 'all': all, 'vars': vars, 'dir': dir, 'format': format, 'reversed': reversed, 'enumerate': enumerate, 'zip': zip, 'map': map, 'filter': filter, 'globals': globals, 'locals': locals, 'input': input, 'open': open,
 'list.append': [].append, 'list.extend': [].extend, 'list.pop': [].pop, 'list.insert': [].insert, 'list.remove': [].remove, 'list.index': [].index, 'list.count': [].count, 'list.clear': [].clear, 'list.copy': [].copy, 'list.reverse': [].reverse, 'list.sort': [].sort,
 'dict.get': {}.get, 'dict.pop': {}.pop, 'dict.setdefault': {}.setdefault, 'dict.keys': {}.keys, 'dict.values': {}.values, 'dict.items': {}.items, 'dict.update': {}.update, 'dict.popitem': {}.popitem, 'dict.clear': {}.clear, 'dict.copy': {}.copy,
 'set.add': set().add, 'set.remove': set().remove, 'set.discard': set().discard, 'set.pop': set().pop, 'set.clear': set().clear, 'set.copy': set().copy, 'set.union': set().union, 'set.issubset': set().issubset, 'set.isdisjoint': set().isdisjoint,
 'str.upper': ''.upper, 'str.lower': ''.lower, 'str.strip': ''.strip, 'str.split': ''.split, 'str.join': ''.join, 'str.replace': ''.replace, 'str.startswith': ''.startswith, 'str.endswith': ''.endswith, 'str.find': ''.find, 'str.index': ''.index, 'str.count': ''.count, 'str.center': ''.center, 'str.ljust': ''.ljust, 'str.zfill': ''.zfill, 'str.encode': ''.encode, 'str.isdigit': ''.isdigit, 'str.partition': ''.partition, 'str.title': ''.title, 'str.splitlines': ''.splitlines, 'str.format': ''.format, 'str.capitalize': ''.capitalize, 'str.isalpha': ''.isalpha, 'str.removeprefix': ''.removeprefix,
 'tuple.index': ().index, 'tuple.count': ().count, 'int.bit_length': (1).bit_length, 'int.to_bytes': (1).to_bytes, 'float.is_integer': (1.0).is_integer,
 'bytes.decode': b''.decode, 'bytes.hex': b''.hex,
}
for n, f in names.items():
    if n in ("enumerate", "map", "filter", "zip", "open", "list.sort", "reversed"): continue
    if n in ('input',): continue
    for args in [(), (1,)*6]:
        try:
            f(*args)
            print(n, len(args), 'OK')
        except TypeError as e:
            print(n, len(args), e)
        except Exception as e:
            print(n, len(args), type(e).__name__, e)
for f, a in [(enumerate, ()), (enumerate, (1, 2, 3)), (map, ()), (map, (str,)), (filter, ()), (filter, (None,)), (filter, (None, [], 1)), (enumerate, ([1],)), (map, (str, [1])), (filter, (None, [0, 1]))]:
    try:
        print(list(f(*a)))
    except TypeError as e:
        print(e)
print(list(enumerate(iterable='ab', start=3)))
