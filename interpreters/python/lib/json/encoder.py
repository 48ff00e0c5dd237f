"""JSON encoding (json.dumps): JSONEncoder."""

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}

INFINITY = float("inf")


def _hex4(n):
    return "\\u" + "0123456789abcdef"[(n >> 12) & 15] + "0123456789abcdef"[(n >> 8) & 15] \
        + "0123456789abcdef"[(n >> 4) & 15] + "0123456789abcdef"[n & 15]


def py_encode_basestring(s):
    """s as a JSON string (only quotes, backslashes and control characters escaped)."""
    out = ['"']
    for ch in s:
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ch < " ":
            out.append(_hex4(ord(ch)))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def py_encode_basestring_ascii(s):
    """s as a JSON string of ASCII characters only."""
    out = ['"']
    for ch in s:
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            n = ord(ch)
            if n < 0x10000:
                out.append(_hex4(n))
            else:
                n -= 0x10000
                out.append(_hex4(0xD800 | ((n >> 10) & 0x3FF)))
                out.append(_hex4(0xDC00 | (n & 0x3FF)))
    out.append('"')
    return "".join(out)


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    """Encodes Python objects (dict, list, tuple, str, int, float, bool, None) as JSON."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type " + type(o).__name__ + " is not JSON serializable")

    def encode(self, o):
        """The JSON text of o."""
        if isinstance(o, str):
            return self._string(o)
        return "".join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o, in pieces."""
        out = []
        markers = {} if self.check_circular else None
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self._encode(o, out, markers, indent, 0)
        return out

    def _string(self, s):
        return py_encode_basestring_ascii(s) if self.ensure_ascii else py_encode_basestring(s)

    def _float(self, o):
        if o != o:
            text = "NaN"
        elif o == INFINITY:
            text = "Infinity"
        elif o == -INFINITY:
            text = "-Infinity"
        else:
            return repr(o)
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def _scalar(self, o):
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, str):
            return self._string(o)
        if isinstance(o, int):
            return int.__repr__(o) if type(o) is not int else repr(o)
        if isinstance(o, float):
            return self._float(o)
        return None

    def _encode(self, o, out, markers, indent, level):
        text = self._scalar(o)
        if text is not None:
            out.append(text)
            return
        if isinstance(o, (list, tuple)):
            self._encode_list(o, out, markers, indent, level)
        elif isinstance(o, dict):
            self._encode_dict(o, out, markers, indent, level)
        else:
            self._enter(markers, o)
            self._encode(self.default(o), out, markers, indent, level)
            self._leave(markers, o)

    def _enter(self, markers, o):
        if markers is not None:
            key = id(o)
            if key in markers:
                raise ValueError("Circular reference detected")
            markers[key] = o

    def _leave(self, markers, o):
        if markers is not None:
            del markers[id(o)]

    def _open(self, out, bracket, indent, level):
        out.append(bracket)
        if indent is None:
            return self.item_separator
        newline = "\n" + indent * (level + 1)
        out.append(newline)
        return self.item_separator + newline

    def _close(self, out, bracket, indent, level):
        if indent is not None:
            out.append("\n" + indent * level)
        out.append(bracket)

    def _encode_list(self, o, out, markers, indent, level):
        if not o:
            out.append("[]")
            return
        self._enter(markers, o)
        separator = self._open(out, "[", indent, level)
        first = True
        for value in o:
            if not first:
                out.append(separator)
            first = False
            self._encode(value, out, markers, indent, level + 1)
        self._close(out, "]", indent, level)
        self._leave(markers, o)

    def _key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self._float(key)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return repr(int(key))
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not " + type(key).__name__)

    def _encode_dict(self, o, out, markers, indent, level):
        if not o:
            out.append("{}")
            return
        self._enter(markers, o)
        separator = self._open(out, "{", indent, level)
        items = list(o.items())
        if self.sort_keys:
            items.sort(key=lambda kv: kv[0])
        first = True
        for key, value in items:
            key = self._key(key)
            if key is None:
                continue
            if not first:
                out.append(separator)
            first = False
            out.append(self._string(key))
            out.append(self.key_separator)
            self._encode(value, out, markers, indent, level + 1)
        self._close(out, "}", indent, level)
        self._leave(markers, o)
