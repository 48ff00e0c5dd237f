"""String constants (ascii_letters, digits, ...), capwords, Template and Formatter."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Formatter",
           "Template"]

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Splits s into words, capitalizes each and joins them (with sep, or a space)."""
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


_MISSING = object()


def _is_ident_start(c):
    return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z")


def _is_ident_char(c):
    return _is_ident_start(c) or ("0" <= c <= "9")


class Template:
    """Template(template): `$name` / `${name}` substitution, `$$` for a dollar."""

    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """(literal, name, start) pieces; name is None for a literal, "" for an invalid `$`."""
        text = self.template
        delim = self.delimiter
        pieces = []
        literal_start = 0
        i = 0
        n = len(text)
        while i < n:
            if not text.startswith(delim, i):
                i += 1
                continue
            pieces.append((text[literal_start:i], None, i))
            j = i + len(delim)
            if text.startswith(delim, j):
                pieces.append((delim, None, i))
                i = j + len(delim)
            elif j < n and text[j] == "{":
                k = j + 1
                while k < n and _is_ident_char(text[k]):
                    k += 1
                if k < n and text[k] == "}" and k > j + 1 and _is_ident_start(text[j + 1]):
                    pieces.append((text[i:k + 1], text[j + 1:k], i))
                    i = k + 1
                else:
                    pieces.append((delim, "", i))
                    i = j
            elif j < n and _is_ident_start(text[j]):
                k = j
                while k < n and _is_ident_char(text[k]):
                    k += 1
                pieces.append((text[i:k], text[j:k], i))
                i = k
            else:
                pieces.append((delim, "", i))
                i = j
            literal_start = i
        pieces.append((text[literal_start:], None, n))
        return pieces

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError("Invalid placeholder in string: line " + str(lineno) + ", col " + str(colno))

    def _mapping(self, mapping, kws):
        if mapping is _MISSING:
            return kws
        if kws:
            merged = dict(mapping)
            merged.update(kws)
            return merged
        return mapping

    def substitute(self, mapping=_MISSING, /, **kws):
        """The template with every placeholder replaced (KeyError for a missing one)."""
        mapping = self._mapping(mapping, kws)
        out = []
        for text, name, start in self._scan():
            if name is None:
                out.append(text)
            elif name == "":
                self._invalid(start + len(self.delimiter))
            else:
                out.append(str(mapping[name]))
        return "".join(out)

    def safe_substitute(self, mapping=_MISSING, /, **kws):
        """Like substitute, but missing or invalid placeholders are left as they are."""
        mapping = self._mapping(mapping, kws)
        out = []
        for text, name, start in self._scan():
            if name is None or name == "":
                out.append(text)
            else:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(text)
        return "".join(out)

    def get_identifiers(self):
        """The names of the valid placeholders, in order of first appearance."""
        names = []
        for text, name, start in self._scan():
            if name and name not in names:
                names.append(name)
        return names

    def is_valid(self):
        """Whether the template has no invalid placeholders."""
        for text, name, start in self._scan():
            if name == "":
                return False
        return True


class Formatter:
    """str.format as an overridable class: format, vformat, get_field, format_field, ..."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return self._vformat(format_string, args, kwargs, 2, 0)[0]

    def _vformat(self, format_string, args, kwargs, depth, auto):
        # `auto`: the next automatic field number, or False once a field is numbered by hand.
        if depth < 0:
            raise ValueError("Max string recursion exceeded")
        out = []
        for literal, field, spec, conversion in self.parse(format_string):
            out.append(literal)
            if field is None:
                continue
            if field == "":
                if auto is False:
                    raise ValueError("cannot switch from manual field specification to "
                                     "automatic field numbering")
                field = str(auto)
                auto += 1
            elif field.isdigit():
                if auto:
                    # (CPython's Formatter gives this message both ways round.)
                    raise ValueError("cannot switch from manual field specification to "
                                     "automatic field numbering")
                auto = False
            obj, _ = self.get_field(field, args, kwargs)
            obj = self.convert_field(obj, conversion)
            if spec:
                spec, auto = self._vformat(spec, args, kwargs, depth - 1, auto)
            out.append(self.format_field(obj, spec))
        return "".join(out), auto

    def parse(self, format_string):
        result = []
        literal = []
        i = 0
        n = len(format_string)
        while i < n:
            c = format_string[i]
            if c in "{}" and i + 1 < n and format_string[i + 1] == c:
                # An escaped brace ends a literal piece (as CPython's parser splits them).
                literal.append(c)
                result.append(("".join(literal), None, None, None))
                literal = []
                i += 2
            elif c == "{":
                depth = 1
                j = i + 1
                while j < n and depth:
                    if format_string[j] == "{":
                        depth += 1
                    elif format_string[j] == "}":
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                body = format_string[i + 1:j - 1]
                conversion = None
                spec = ""
                colon = body.find(":")
                if colon >= 0:
                    body, spec = body[:colon], body[colon + 1:]
                bang = body.find("!")
                if bang >= 0:
                    body, conversion = body[:bang], body[bang + 1:]
                result.append(("".join(literal), body, spec, conversion))
                literal = []
                i = j
            elif c == "}":
                raise ValueError("Single '}' encountered in format string")
            else:
                literal.append(c)
                i += 1
        if literal:
            result.append(("".join(literal), None, None, None))
        return result

    def get_field(self, field_name, args, kwargs):
        first = field_name
        rest = ""
        for k, c in enumerate(field_name):
            if c in ".[":
                first, rest = field_name[:k], field_name[k:]
                break
        obj = self.get_value(int(first) if first.isdigit() else first, args, kwargs)
        while rest:
            if rest[0] == ".":
                end = 1
                while end < len(rest) and rest[end] not in ".[":
                    end += 1
                obj = getattr(obj, rest[1:end])
            else:
                end = rest.index("]") + 1
                key = rest[1:end - 1]
                obj = obj[int(key) if key.isdigit() else key]
            rest = rest[end:]
        return obj, first

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier " + str(conversion))

    def format_field(self, value, format_spec):
        return format(value, format_spec)
