"""Live-object introspection: signature, Parameter, the is* predicates, getmembers, getdoc,
getsource.

mtpy's own implementation of the commonly used part of CPython 3.11's inspect, built on the
function and code attributes (`__code__`, `__defaults__`, `__kwdefaults__`,
`__annotations__`, `__wrapped__`).
"""

import enum as _enum
import sys as _sys
import types as _types
from collections import namedtuple as _namedtuple

__all__ = [
    "Parameter", "Signature", "BoundArguments", "signature", "isclass", "isfunction",
    "ismethod", "ismodule", "isbuiltin", "isroutine", "isgenerator", "isgeneratorfunction",
    "iscoroutinefunction", "iscoroutine", "isabstract", "isdatadescriptor", "getmembers",
    "getmro", "getdoc", "cleandoc", "getsource", "getsourcelines", "getfile", "getmodule",
    "currentframe", "stack", "getouterframes", "getinnerframes", "getframeinfo",
    "FrameInfo", "Traceback", "unwrap", "getfullargspec", "FullArgSpec", "getcallargs",
    "getgeneratorstate", "getcoroutinestate",
]

CO_OPTIMIZED, CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS = 1, 2, 4, 8
CO_NESTED, CO_GENERATOR, CO_NOFREE, CO_COROUTINE = 16, 32, 64, 128
CO_ITERABLE_COROUTINE, CO_ASYNC_GENERATOR = 256, 512


# ---------------------------------------------------------------------------------------
# Predicates

def isclass(obj):
    return isinstance(obj, type)


def isfunction(obj):
    return isinstance(obj, _types.FunctionType)


def ismethod(obj):
    return isinstance(obj, _types.MethodType)


def ismodule(obj):
    return isinstance(obj, _types.ModuleType)


def isbuiltin(obj):
    return isinstance(obj, _types.BuiltinFunctionType)


def ismethoddescriptor(obj):
    if isclass(obj) or ismethod(obj) or isfunction(obj):
        return False
    tp = type(obj)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__")


def isdatadescriptor(obj):
    if isclass(obj) or ismethod(obj) or isfunction(obj):
        return False
    tp = type(obj)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__")


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj) or ismethoddescriptor(obj)


def _has_flag(obj, flag):
    while ismethod(obj):
        obj = obj.__func__
    code = getattr(obj, "__code__", None)
    return isfunction(obj) and code is not None and bool(code.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(obj):
    return isinstance(obj, _types.GeneratorType)


def iscoroutine(obj):
    return isinstance(obj, _types.CoroutineType)


GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED, GEN_CLOSED = "GEN_CREATED", "GEN_RUNNING", "GEN_SUSPENDED", "GEN_CLOSED"
CORO_CREATED, CORO_RUNNING, CORO_SUSPENDED, CORO_CLOSED = (
    "CORO_CREATED", "CORO_RUNNING", "CORO_SUSPENDED", "CORO_CLOSED")


def getgeneratorstate(generator):
    """Where a generator is: created (not started), running, suspended at a yield, closed."""
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getcoroutinestate(coroutine):
    """Where a coroutine is: created (not started), running, suspended at an await, closed."""
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def isasyncgen(obj):
    return isinstance(obj, _types.AsyncGeneratorType)


def isawaitable(obj):
    return hasattr(type(obj), "__await__")


def isframe(obj):
    return type(obj).__name__ == "frame"


def iscode(obj):
    return isinstance(obj, _types.CodeType)


def istraceback(obj):
    return type(obj).__name__ == "traceback"


def isabstract(obj):
    return isinstance(obj, type) and bool(getattr(obj, "__abstractmethods__", False))


# ---------------------------------------------------------------------------------------
# Members, docs, source

def getmembers(obj, predicate=None):
    results = []
    names = dir(obj)
    if isclass(obj):
        for base in getmro(obj):
            for key in base.__dict__:
                if key not in names:
                    names.append(key)
    seen = set()
    for key in names:
        try:
            value = getattr(obj, key)
        except AttributeError:
            continue
        if key in seen:
            continue
        seen.add(key)
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def getmro(cls):
    return cls.__mro__


def cleandoc(doc):
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def getdoc(obj):
    doc = getattr(obj, "__doc__", None)
    if doc is None and isclass(obj):
        for base in obj.__mro__[1:]:
            if base is object:
                break
            doc = base.__doc__
            if doc is not None:
                break
    elif doc is None and (ismethod(obj) or isfunction(obj)):
        name = getattr(obj, "__name__", None)
        owner = getattr(obj, "__self__", None)
        if owner is not None and name is not None:
            cls = owner if isclass(owner) else type(owner)
            for base in cls.__mro__[1:]:
                member = base.__dict__.get(name)
                if member is not None and getattr(member, "__doc__", None):
                    doc = member.__doc__
                    break
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getmodule(obj):
    if ismodule(obj):
        return obj
    name = getattr(obj, "__module__", None)
    if name is not None:
        return _sys.modules.get(name)
    return None


def unwrap(func, *, stop=None):
    seen = {id(func)}
    while hasattr(func, "__wrapped__"):
        if stop is not None and stop(func):
            break
        func = func.__wrapped__
        if id(func) in seen:
            raise ValueError("wrapper loop when unwrapping %r" % (func,))
        seen.add(id(func))
    return func


def _code_of(obj):
    obj = unwrap(obj)
    if ismethod(obj):
        obj = obj.__func__
    if isfunction(obj):
        return obj.__code__
    if iscode(obj):
        return obj
    return None


def getfile(obj):
    if ismodule(obj):
        file = getattr(obj, "__file__", None)
        if file:
            return file
        raise TypeError("{!r} is a built-in module".format(obj))
    if isclass(obj):
        module = _sys.modules.get(obj.__module__)
        file = getattr(module, "__file__", None)
        if file:
            return file
        raise TypeError("{!r} is a built-in class".format(obj))
    code = _code_of(obj)
    if code is not None:
        return code.co_filename
    raise TypeError("module, class, method, function, traceback, frame, or code object was "
                    "expected, got {}".format(type(obj).__name__))


def getsourcefile(obj):
    return getfile(obj)


def _file_lines(filename):
    import linecache
    lines = linecache.getlines(filename)
    if not lines:
        raise OSError("could not get source code")
    return lines


def _block_end(lines, start):
    first = lines[start]
    indent = len(first) - len(first.lstrip())
    i = start + 1
    # the header may continue over several lines (decorators, open brackets)
    depth = 0
    for ch in first:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
    while i < len(lines) and (depth > 0 or lines[i - 1].rstrip().endswith("\\")
                              or lines[start].lstrip().startswith("@") and i == start + 1):
        for ch in lines[i]:
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
        if lines[i].lstrip().startswith(("def ", "class ", "async def ")):
            start = i
        i += 1
        if depth <= 0 and not lines[start].lstrip().startswith("@"):
            break
    header_end = i
    if lines[header_end - 1].rstrip().endswith(":") or depth > 0 or header_end == start + 1:
        pass
    last = header_end
    while i < len(lines):
        text = lines[i]
        if text.strip() == "" or text.lstrip().startswith("#"):
            i += 1
            continue
        if len(text) - len(text.lstrip()) <= indent:
            break
        i += 1
        last = i
    return last


def getsourcelines(obj):
    filename = getfile(obj)
    lines = _file_lines(filename)
    if ismodule(obj):
        return lines, 0
    if isclass(obj):
        import re
        pattern = re.compile(r"^(\s*)class\s*" + obj.__name__ + r"\b")
        for i, line in enumerate(lines):
            if pattern.match(line):
                return lines[i:_block_end(lines, i)], i + 1
        raise OSError("could not find class definition")
    code = _code_of(obj)
    start = code.co_firstlineno - 1
    if start >= len(lines):
        raise OSError("could not find function definition")
    return lines[start:_block_end(lines, start)], start + 1


def getsource(obj):
    lines, _ = getsourcelines(obj)
    return "".join(lines)


# The caller's frame: `sys._getframe` itself, so that the frame it sees is the caller's.
currentframe = _sys._getframe

Traceback = _namedtuple("Traceback", "filename, lineno, function, code_context, index")
FrameInfo = _namedtuple("FrameInfo", "frame, filename, lineno, function, code_context, index")


def getframeinfo(frame, context=1):
    """(filename, lineno, function, code_context, index) of a frame or traceback entry: the
    `context` source lines around the current one, and the current one's index in them."""
    if hasattr(frame, "tb_frame"):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
    code = frame.f_code
    lines, index = None, None
    if context > 0:
        import linecache
        source = linecache.getlines(code.co_filename)
        if source:
            first = max(0, min(lineno - 1 - context // 2, len(source) - context))
            lines = source[first:first + context]
            index = lineno - 1 - first
    return Traceback(code.co_filename, lineno, code.co_name, lines, index)


def getouterframes(frame, context=1):
    """FrameInfo records of `frame` and its callers, innermost first."""
    out = []
    while frame is not None:
        out.append(FrameInfo(frame, *getframeinfo(frame, context)))
        frame = frame.f_back
    return out


def getinnerframes(tb, context=1):
    """FrameInfo records of a traceback's entries, outermost first."""
    out = []
    while tb is not None:
        out.append(FrameInfo(tb.tb_frame, *getframeinfo(tb, context)))
        tb = tb.tb_next
    return out


def stack(context=1):
    """FrameInfo records of the caller and its callers, innermost first."""
    return getouterframes(_sys._getframe(1), context)


# ---------------------------------------------------------------------------------------
# Signatures

class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


class _ParameterKind(_enum.IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self.name

    @property
    def description(self):
        return _KIND_DESCRIPTIONS[self]


_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD

_KIND_DESCRIPTIONS = {
    _POSITIONAL_ONLY: "positional-only",
    _POSITIONAL_OR_KEYWORD: "positional or keyword",
    _VAR_POSITIONAL: "variadic positional",
    _KEYWORD_ONLY: "keyword-only",
    _VAR_KEYWORD: "variadic keyword",
}


def formatannotation(annotation, base_module=None):
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, _types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ("builtins", base_module):
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a Signature: name, kind, default and annotation."""

    __slots__ = ("_name", "_kind", "_default", "_annotation")

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f"value {kind!r} is not a valid Parameter.kind")
        if default is not _empty and self._kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError(f"{self._kind.description} parameters cannot have default values")
        self._default = default
        self._annotation = annotation
        if not isinstance(name, str):
            raise TypeError("name must be a str, not a {}".format(type(name).__name__))
        if not name.isidentifier():
            raise ValueError("{!r} is not a valid parameter name".format(name))
        self._name = name

    name = property(lambda self: self._name)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)
    kind = property(lambda self: self._kind)

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = "{}: {}".format(text, formatannotation(self._annotation))
        if self._default is not _empty:
            if self._annotation is not _empty:
                text = "{} = {}".format(text, repr(self._default))
            else:
                text = "{}={}".format(text, repr(self._default))
        if self._kind == _VAR_POSITIONAL:
            text = "*" + text
        elif self._kind == _VAR_KEYWORD:
            text = "**" + text
        return text

    def __repr__(self):
        return '<{} "{}">'.format(type(self).__name__, self)

    def __hash__(self):
        return hash((self.name, self.kind, self.annotation, self.default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind
                and self._default == other._default
                and self._annotation == other._annotation)


class BoundArguments:
    """The result of Signature.bind: the arguments by parameter name."""

    __slots__ = ("arguments", "_signature")

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    signature = property(lambda self: self._signature)

    @property
    def args(self):
        args = []
        for name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            try:
                arg = self.arguments[name]
            except KeyError:
                break
            if param.kind == _VAR_POSITIONAL:
                args.extend(arg)
            else:
                args.append(arg)
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        started = False
        for name, param in self._signature.parameters.items():
            if not started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    started = True
                elif name not in self.arguments:
                    started = True
                    continue
            if not started:
                continue
            try:
                arg = self.arguments[name]
            except KeyError:
                pass
            else:
                if param.kind == _VAR_KEYWORD:
                    kwargs.update(arg)
                else:
                    kwargs[name] = arg
        return kwargs

    def apply_defaults(self):
        arguments = self.arguments
        new = []
        for name, param in self._signature.parameters.items():
            try:
                new.append((name, arguments[name]))
            except KeyError:
                if param.default is not _empty:
                    val = param.default
                elif param.kind == _VAR_POSITIONAL:
                    val = ()
                elif param.kind == _VAR_KEYWORD:
                    val = {}
                else:
                    continue
                new.append((name, val))
        self.arguments = dict(new)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        args = ["{}={!r}".format(k, v) for k, v in self.arguments.items()]
        return "<{} ({})>".format(type(self).__name__, ", ".join(args))


class Signature:
    """A callable's parameters and return annotation."""

    __slots__ = ("_return_annotation", "_parameters")

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = {}
        if parameters is not None:
            top_kind = _POSITIONAL_ONLY
            seen_default = False
            for param in parameters:
                kind = param.kind
                name = param.name
                if __validate_parameters__:
                    if kind < top_kind:
                        raise ValueError("wrong parameter order: {} parameter before {} "
                                         "parameter".format(top_kind.description,
                                                            kind.description))
                    if kind > top_kind:
                        top_kind = kind
                    if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if param.default is _empty:
                            if seen_default:
                                raise ValueError("non-default argument follows default "
                                                 "argument")
                        else:
                            seen_default = True
                if name in params:
                    raise ValueError("duplicate parameter name: {!r}".format(name))
                params[name] = param
        self._parameters = _types.MappingProxyType(params)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return _signature_of(obj, follow_wrapped)

    parameters = property(lambda self: self._parameters)
    return_annotation = property(lambda self: self._return_annotation)

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self.parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def __hash__(self):
        return hash((tuple(self.parameters.values()), self.return_annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return (self.return_annotation == other.return_annotation
                and list(self.parameters.items()) == list(other.parameters.items()))

    def _bind(self, args, kwargs, *, partial=False):
        arguments = {}
        parameters = iter(self.parameters.values())
        parameters_ex = ()
        arg_vals = iter(args)
        while True:
            try:
                arg_val = next(arg_vals)
            except StopIteration:
                try:
                    param = next(parameters)
                except StopIteration:
                    break
                else:
                    if param.kind == _VAR_POSITIONAL:
                        break
                    elif param.name in kwargs:
                        if param.kind == _POSITIONAL_ONLY:
                            raise TypeError("{arg!r} parameter is positional only, but was "
                                            "passed as a keyword".format(arg=param.name))
                        parameters_ex = (param,)
                        break
                    elif param.kind == _VAR_KEYWORD or param.default is not _empty:
                        parameters_ex = (param,)
                        break
                    else:
                        if partial:
                            parameters_ex = (param,)
                            break
                        raise TypeError("missing a required argument: {arg!r}"
                                        .format(arg=param.name)) from None
            else:
                try:
                    param = next(parameters)
                except StopIteration:
                    raise TypeError("too many positional arguments") from None
                else:
                    if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                        raise TypeError("too many positional arguments") from None
                    if param.kind == _VAR_POSITIONAL:
                        values = [arg_val]
                        values.extend(arg_vals)
                        arguments[param.name] = tuple(values)
                        break
                    if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                        raise TypeError("multiple values for argument {arg!r}"
                                        .format(arg=param.name)) from None
                    arguments[param.name] = arg_val
        kwargs_param = None
        for param in list(parameters_ex) + list(parameters):
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            name = param.name
            try:
                arg_val = kwargs.pop(name)
            except KeyError:
                if (not partial and param.kind != _VAR_POSITIONAL
                        and param.default is _empty):
                    raise TypeError("missing a required argument: {arg!r}"
                                    .format(arg=name)) from None
            else:
                if param.kind == _POSITIONAL_ONLY:
                    raise TypeError("{arg!r} parameter is positional only, but was passed as "
                                    "a keyword".format(arg=param.name))
                arguments[name] = arg_val
        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError("got an unexpected keyword argument {arg!r}"
                                .format(arg=next(iter(kwargs))))
        return BoundArguments(self, arguments)

    def bind(self, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return "<{} {}>".format(type(self).__name__, self)

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self.parameters.values():
            formatted = str(param)
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                result.append("/")
                render_pos_only_separator = False
            if kind == _VAR_POSITIONAL:
                render_kw_only_separator = False
            elif kind == _KEYWORD_ONLY and render_kw_only_separator:
                result.append("*")
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append("/")
        rendered = "({})".format(", ".join(result))
        if self.return_annotation is not _empty:
            rendered += " -> {}".format(formatannotation(self.return_annotation))
        return rendered


class _FactoryMarker:
    def __repr__(self):
        return "<factory>"


def _dataclass_init_signature(positional, keyword_only, skip_first):
    from dataclasses import MISSING
    params = [] if skip_first else [Parameter("self", _POSITIONAL_OR_KEYWORD)]
    for kind, fields in ((_POSITIONAL_OR_KEYWORD, positional), (_KEYWORD_ONLY, keyword_only)):
        for f in fields:
            default = _empty
            if f.default is not MISSING:
                default = f.default
            elif f.default_factory is not MISSING:
                default = _FactoryMarker()
            params.append(Parameter(f.name, kind, default=default, annotation=f.type))
    return Signature(params, return_annotation=None, __validate_parameters__=False)


def _function_signature(func, skip_first=False):
    dataclass_fields = getattr(func, "__dataclass_init_fields__", None)
    if dataclass_fields is not None:
        return _dataclass_init_signature(*dataclass_fields, skip_first)
    code = func.__code__
    pos_count = code.co_argcount
    posonly = code.co_posonlyargcount
    kwonly = code.co_kwonlyargcount
    names = code.co_varnames
    annotations = getattr(func, "__annotations__", None) or {}
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    params = []
    first_default = pos_count - len(defaults)
    for i in range(pos_count):
        name = names[i]
        kind = _POSITIONAL_ONLY if i < posonly else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default,
                                annotation=annotations.get(name, _empty)))
    index = pos_count
    kw_names = names[index:index + kwonly]
    index += kwonly
    if code.co_flags & CO_VARARGS:
        name = names[index]
        params.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
        index += 1
    for name in kw_names:
        params.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = names[index]
        params.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    if skip_first:
        params = _drop_first(params)
    return Signature(params, return_annotation=annotations.get("return", _empty),
                     __validate_parameters__=False)


def _drop_first(params):
    if not params:
        raise ValueError("invalid method signature")
    if params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError("invalid method signature")
    if params[0].kind == _VAR_POSITIONAL:
        return params
    return params[1:]


def _signature_of(obj, follow_wrapped=True, skip_first=False):
    if not callable(obj):
        raise TypeError("{!r} is not a callable object".format(obj))
    if ismethod(obj):
        sig = _signature_of(obj.__func__, follow_wrapped)
        return sig.replace(parameters=_drop_first(list(sig.parameters.values())))
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
        if ismethod(obj):
            return _signature_of(obj, follow_wrapped)
    sig = getattr(obj, "__signature__", None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError("unexpected object {!r} in __signature__ attribute".format(sig))
        return sig
    if isfunction(obj):
        return _function_signature(obj, skip_first)
    import functools
    if isinstance(obj, functools.partial):
        sig = _signature_of(obj.func, follow_wrapped)
        return _partial_signature(sig, obj.args, obj.keywords)
    if isclass(obj):
        for name in ("__call__",):
            meta_call = _lookup(type(obj), name)
            if meta_call is not None and isfunction(meta_call):
                return _function_signature(meta_call, skip_first=True)
        for base in obj.__mro__:
            for name in ("__new__", "__init__"):
                method = base.__dict__.get(name)
                if isinstance(method, (staticmethod, classmethod)):
                    method = method.__func__
                if method is not None and isfunction(method):
                    return _signature_of(method, follow_wrapped, True)
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__:
            return Signature()
        raise ValueError("no signature found for builtin type {!r}".format(obj))
    if not isbuiltin(obj):
        call = _lookup(type(obj), "__call__")
        if call is not None and isfunction(call):
            return _function_signature(call, skip_first=True)
    raise ValueError("no signature found for builtin {!r}".format(obj))


def _lookup(cls, name):
    for base in cls.__mro__:
        if name in base.__dict__:
            value = base.__dict__[name]
            if isinstance(value, (staticmethod, classmethod)):
                value = value.__func__
            return value
    return None


def _partial_signature(sig, args, keywords):
    params = list(sig.parameters.values())
    bound = sig.bind_partial(*args, **keywords)
    new = []
    for param in params:
        name = param.name
        if name in bound.arguments and param.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD) \
                and name not in keywords:
            continue
        if param.kind == _VAR_POSITIONAL and name in bound.arguments:
            new.append(param)
            continue
        if name in keywords:
            kind = param.kind
            if kind == _POSITIONAL_OR_KEYWORD:
                kind = _KEYWORD_ONLY
            new.append(param.replace(kind=kind, default=keywords[name]))
        elif new and new[-1].kind == _KEYWORD_ONLY and param.kind == _POSITIONAL_OR_KEYWORD:
            new.append(param.replace(kind=_KEYWORD_ONLY))
        else:
            new.append(param)
    return sig.replace(parameters=new)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    return _signature_of(obj, follow_wrapped)


FullArgSpec = _namedtuple("FullArgSpec", "args, varargs, varkw, defaults, kwonlyargs, "
                                         "kwonlydefaults, annotations")


def getfullargspec(func):
    try:
        sig = _signature_of(func, follow_wrapped=False)
    except Exception as ex:
        raise TypeError("unsupported callable") from ex
    args = []
    varargs = varkw = None
    kwonlyargs = []
    annotations = {}
    defaults = ()
    kwdefaults = {}
    if sig.return_annotation is not _empty:
        annotations["return"] = sig.return_annotation
    for param in sig.parameters.values():
        kind = param.kind
        name = param.name
        if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(name)
            if param.default is not _empty:
                defaults += (param.default,)
        elif kind == _VAR_POSITIONAL:
            varargs = name
        elif kind == _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not _empty:
                kwdefaults[name] = param.default
        elif kind == _VAR_KEYWORD:
            varkw = name
        if param.annotation is not _empty:
            annotations[name] = param.annotation
    return FullArgSpec(args, varargs, varkw, defaults or None, kwonlyargs, kwdefaults or None,
                       annotations)


def getcallargs(func, *positional, **named):
    spec = getfullargspec(func)
    args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, _ = spec
    name = func.__name__
    if ismethod(func) and func.__self__ is not None:
        positional = (func.__self__,) + positional
    values = {}
    num_pos = len(positional)
    num_args = len(args)
    num_defaults = len(defaults) if defaults else 0
    n = min(num_pos, num_args)
    for i in range(n):
        values[args[i]] = positional[i]
    if varargs:
        values[varargs] = tuple(positional[n:])
    possible = set(args + kwonlyargs)
    if varkw:
        values[varkw] = {}
    for key, value in named.items():
        if key not in possible:
            if not varkw:
                raise TypeError("%s() got an unexpected keyword argument %r" % (name, key))
            values[varkw][key] = value
            continue
        if key in values:
            raise TypeError("%s() got multiple values for argument %r" % (name, key))
        values[key] = value
    if num_pos > num_args and not varargs:
        raise TypeError("%s() takes %d positional argument%s but %d were given"
                        % (name, num_args, "" if num_args == 1 else "s", num_pos))
    if num_pos < num_args:
        required = args[:num_args - num_defaults]
        missing = [a for a in required if a not in values]
        if missing:
            raise TypeError("%s() missing %d required positional argument%s: %s"
                            % (name, len(missing), "" if len(missing) == 1 else "s",
                               ", ".join(repr(m) for m in missing)))
        for i, arg in enumerate(args[num_args - num_defaults:]):
            if arg not in values:
                values[arg] = defaults[i]
    missing = []
    for kwarg in kwonlyargs:
        if kwarg not in values:
            if kwonlydefaults and kwarg in kwonlydefaults:
                values[kwarg] = kwonlydefaults[kwarg]
            else:
                missing.append(kwarg)
    if missing:
        raise TypeError("%s() missing %d required keyword-only argument%s: %s"
                        % (name, len(missing), "" if len(missing) == 1 else "s",
                           ", ".join(repr(m) for m in missing)))
    return values
