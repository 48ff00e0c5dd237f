"""Regular expressions with the semantics of CPython's re module.

The engine (parser, compiler, backtracking matcher) and the loops of findall, split and
sub are in Rust (module _sre); this module holds the objects: RegexFlag, error, Pattern,
Match, and the module functions with their cache of compiled patterns.
"""

import _sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag", "Scanner",
]

_MAXSIZE = 9223372036854775807

# The names of the flags in the order CPython's RegexFlag defines them.
_FLAG_NAMES = (
    ("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
    ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1),
    ("DEBUG", 128),
)
_FLAG_MASK = 511


def _flag_value(v):
    if isinstance(v, RegexFlag):
        return v._value_
    if isinstance(v, int):
        return v
    return None


class RegexFlag:
    """The flags of a pattern, shown as re.IGNORECASE|re.MULTILINE.

    They behave as the ints they stand for (CPython's are an IntFlag): they combine with
    | & ^ ~, compare and hash as their values, and index as ints.
    """

    __slots__ = ("_value_",)

    def __init__(self, value=0):
        self._value_ = int(value)

    def __repr__(self):
        value = self._value_
        if value == 0:
            return "re.NOFLAG"
        parts = []
        rest = value
        for name, bit in _FLAG_NAMES:
            if value & bit:
                parts.append("re." + name)
                rest &= ~bit
        if rest:
            parts.append(hex(rest))
        return "|".join(parts)

    __str__ = __repr__

    @property
    def value(self):
        return self._value_

    @property
    def name(self):
        value = self._value_
        if value == 0:
            return "NOFLAG"
        if value & ~_FLAG_MASK:
            return None
        return "|".join([n for n, bit in _FLAG_NAMES if value & bit])

    def __index__(self):
        return self._value_

    __int__ = __index__

    def __bool__(self):
        return self._value_ != 0

    def __eq__(self, other):
        v = _flag_value(other)
        if v is None:
            return NotImplemented
        return self._value_ == v

    def __ne__(self, other):
        v = _flag_value(other)
        if v is None:
            return NotImplemented
        return self._value_ != v

    def __hash__(self):
        return hash(self._value_)

    def __or__(self, other):
        v = _flag_value(other)
        if v is None:
            return NotImplemented
        return RegexFlag(self._value_ | v)

    def __and__(self, other):
        v = _flag_value(other)
        if v is None:
            return NotImplemented
        return RegexFlag(self._value_ & v)

    def __xor__(self, other):
        v = _flag_value(other)
        if v is None:
            return NotImplemented
        return RegexFlag(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(_FLAG_MASK & ~self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __reduce__(self):
        return (RegexFlag, (self._value_,))


NOFLAG = RegexFlag(0)
ASCII = A = RegexFlag(256)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
UNICODE = U = RegexFlag(32)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
VERBOSE = X = RegexFlag(64)
TEMPLATE = T = RegexFlag(1)
DEBUG = RegexFlag(128)
for _name, _value in (("NOFLAG", NOFLAG),) + tuple((n, RegexFlag(v)) for n, v in _FLAG_NAMES):
    setattr(RegexFlag, _name, _value)
for _name in "AILUMSXT":
    setattr(RegexFlag, _name, globals()[_name])
del _name, _value


class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg (the unformatted message), pattern, pos, lineno, colno.
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


class mappingproxy:
    """A read-only view of a pattern's group names (CPython's mappingproxy)."""

    __slots__ = ("_d",)

    def __init__(self, d):
        self._d = d

    def __getitem__(self, key):
        return self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __contains__(self, key):
        return key in self._d

    def __eq__(self, other):
        if isinstance(other, mappingproxy):
            other = other._d
        return self._d == other

    def get(self, key, default=None):
        return self._d.get(key, default)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def copy(self):
        return dict(self._d)

    def __repr__(self):
        return "mappingproxy(%r)" % (self._d,)

    def __str__(self):
        return str(self._d)


# The names Pattern's repr gives to flags, in the order of CPython's C table.
_REPR_FLAGS = (
    ("re.TEMPLATE", 1), ("re.IGNORECASE", 2), ("re.LOCALE", 4), ("re.MULTILINE", 8),
    ("re.DOTALL", 16), ("re.UNICODE", 32), ("re.VERBOSE", 64), ("re.DEBUG", 128),
    ("re.ASCII", 256),
)


class Pattern:
    """A compiled regular expression."""

    __slots__ = ("pattern", "flags", "groups", "_groupindex", "_code", "_subject")

    def __class_getitem__(cls, item):
        return cls

    def __init__(self, pattern, flags):
        code, flags, groups, groupindex = _sre.compile(pattern, flags, error)
        self.pattern = pattern
        self.flags = flags
        self.groups = groups
        self._groupindex = groupindex
        self._code = code

    @property
    def groupindex(self):
        return mappingproxy(self._groupindex)

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self.flags
        if not isinstance(self.pattern, bytes) and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        if not flags:
            return "re.compile(%s)" % text
        names = []
        for name, bit in _REPR_FLAGS:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        return "re.compile(%s, %s)" % (text, "|".join(names))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern == other.pattern and self.flags == other.flags
                and type(self.pattern) is type(other.pattern))

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Matches zero or more characters at the beginning of the string."""
        return _sre.match(self, string, pos, endpos, 0, False, Match)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """Scans through string looking for a match, and returns a Match or None."""
        return _sre.match(self, string, pos, endpos, 1, False, Match)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Matches against all of the string."""
        return _sre.match(self, string, pos, endpos, 2, False, Match)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Returns a list of all non-overlapping matches of the pattern in string."""
        return _sre.findall(self._code, string, pos, endpos)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """Returns an iterator over all non-overlapping matches, as Match objects."""
        return iter(_Scanner(self, string, pos, endpos).search, None)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        """Splits string by the occurrences of the pattern."""
        return _sre.split(self._code, string, maxsplit)

    def sub(self, repl, string, count=0):
        """Returns string with the leftmost non-overlapping matches replaced by repl."""
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """Like sub, but returns (new string, number of substitutions)."""
        return self._subx(repl, string, count)

    def _subx(self, repl, string, count):
        if not callable(repl):
            same = isinstance(repl, str) if isinstance(self.pattern, str) else isinstance(repl, (bytes, bytearray))
            if same:
                return _sre.sub(self._code, repl, string, count, error)
            if not isinstance(repl, (str, bytes, bytearray)):
                raise TypeError("decoding to str: need a bytes-like object, %s found" % type(repl).__name__)
            template = repl

            def repl(m):
                return m.expand(template)
        return self._sub_callable(repl, string, count)

    def _sub_callable(self, repl, string, count):
        if count < 0:
            count = 0
            matches = []
        else:
            matches = _sre.scan(self, string, 0, _MAXSIZE, 0, False, count or _MAXSIZE, Match)
        pieces = []
        last = 0
        for r in matches:
            b = r._m[3]
            if last < b:
                pieces.append(string[last:b])
            item = repl(r)
            if item is not None:
                pieces.append(item)
            last = r._m[4]
        end = len(string)
        if last < end:
            pieces.append(string[last:end])
        return string[:0].join(pieces), len(matches)


class _Scanner:
    """The state of finditer: where the next search starts, and the matches found ahead
    (fetched in batches that double, so a long subject is not read again for each)."""

    __slots__ = ("pattern", "_string", "_pos", "_start", "_end", "_must", "_done", "_ahead", "_batch")

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._start = pos
        self._end = endpos
        self._must = False
        self._done = False
        self._ahead = []
        self._batch = 1

    def search(self):
        if not self._ahead:
            if self._done:
                return None
            found = _sre.scan(self.pattern, self._string, self._pos, self._end, self._start, self._must,
                              self._batch, Match)
            if len(found) < self._batch:
                self._done = True
            if self._batch < 1024:
                self._batch *= 2
            if not found:
                return None
            last = found[-1]._m
            self._must = last[3] == last[4]
            self._start = last[4]
            found.reverse()
            self._ahead = found
        return self._ahead.pop()

    def match(self):
        if self._done:
            return None
        m = _sre.match(self.pattern, self._string, self._start, self._end, 0, self._must, Match)
        if m is None:
            self._done = True
            return None
        r = m._m
        self._must = r[3] == r[4]
        self._start = r[4]
        return m


class Match:
    """The result of a successful match (made by _sre, which sets its slots: the
    pattern, the subject, and the marks (pos, endpos, lastindex, start0, end0, ...))."""

    __slots__ = ("re", "string", "_m")

    def __class_getitem__(cls, item):
        return cls

    @property
    def pos(self):
        return self._m[0]

    @property
    def endpos(self):
        return self._m[1]

    @property
    def lastindex(self):
        last = self._m[2]
        return None if last < 0 else last

    def _index(self, group):
        if isinstance(group, int):
            if 0 <= group <= self.re.groups:
                return int(group)
        elif isinstance(group, str):
            g = self.re._groupindex.get(group)
            if g is not None:
                return g
        raise IndexError("no such group")

    def _get(self, g, default=None):
        m = self._m
        start = m[3 + 2 * g]
        if start < 0:
            return default
        s = self.string[start:m[4 + 2 * g]]
        if type(s) is bytearray:
            return bytes(s)
        return s

    def group(self, *args):
        """Returns one or more subgroups of the match."""
        return _sre.group(self._m, self.string, self.re, args)

    def __getitem__(self, g):
        return _sre.group(self._m, self.string, self.re, (g,))

    def groups(self, default=None):
        """Returns a tuple of all the subgroups of the match."""
        return _sre.groups(self._m, self.string, self.re, default)

    def groupdict(self, default=None):
        """Returns a dict of the named subgroups of the match."""
        return {name: self._get(g, default) for name, g in self.re._groupindex.items()}

    def start(self, group=0):
        return self._m[3 + 2 * self._index(group)]

    def end(self, group=0):
        return self._m[4 + 2 * self._index(group)]

    def span(self, group=0):
        g = self._index(group)
        return (self._m[3 + 2 * g], self._m[4 + 2 * g])

    @property
    def regs(self):
        m = self._m
        return tuple((m[3 + 2 * g], m[4 + 2 * g]) for g in range(self.re.groups + 1))

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, g in self.re._groupindex.items():
            if g == self.lastindex:
                return name
        return None

    def expand(self, template):
        """Returns the string obtained by doing backslash substitution on template."""
        return _sre.expand(self.re._code, template, self.string, self._m, error)

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self._m[3], self._m[4], repr(self.group(0))[:50])


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags._value_
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    except TypeError:
        # An unhashable pattern: not a str or bytes.
        raise TypeError("first argument must be string or compiled pattern") from None
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = Pattern(pattern, flags)
    if not flags & 128:
        if len(_cache) >= _MAXCACHE:
            try:
                del _cache[next(iter(_cache))]
            except (StopIteration, RuntimeError, KeyError):
                pass
        _cache[key] = p
    return p


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping occurrences
    of the pattern in string by the replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def purge():
    """Clear the regular expression caches."""
    _cache.clear()


def template(pattern, flags=0):
    """Compile a template pattern, returning a Pattern object (deprecated)."""
    return _compile(pattern, flags | T)


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    else:
        pattern = str(pattern, 'latin1')
        return pattern.translate(_special_chars_map).encode('latin1')


class Scanner:
    """A simple lexer (CPython's undocumented re.Scanner): a list of (phrase, action)
    pairs; scan() matches phrases one after the other from the start of the string."""

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        parts = []
        self._actions = {}
        group = 1
        for phrase, action in lexicon:
            inner = _compile(phrase, flags).groups
            self._actions[group] = action
            parts.append("(" + phrase + ")")
            group += 1 + inner
        self.scanner = _compile("|".join(parts), flags)

    def scan(self, string):
        result = []
        append = result.append
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self._actions[m.lastindex]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                append(action)
            i = j
        return result, string[i:]
