"""The `ast` module's `literal_eval`: the value of a string holding a Python literal
(strings, bytes, numbers, tuples, lists, dicts, sets, `set()`, booleans, None, unary signs
and complex sums). mtpy has no `ast.parse`: its compiler's syntax tree is a Rust one."""

import re as _re

__all__ = ["literal_eval"]

_NUMBER = _re.compile(
    r"(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+"
    r"|(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.?)(?:[eE][+-]?[0-9](?:_?[0-9])*)?[jJ]?)")
_STRING = _re.compile(r"""(?:[rRbBuU]|[rR][bB]|[bB][rR])?(?:'''(?:\\.|[^\\])*?'''|\"\"\"(?:\\.|[^\\])*?\"\"\"|'(?:\\.|[^\\'\n])*'|"(?:\\.|[^\\"\n])*")""", _re.S)
_NAME = _re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_SPACE = _re.compile(r"(?:\s|\\\n|#[^\n]*)*")


class _Malformed(Exception):
    pass


class _Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.depth = 0

    def skip(self):
        if self.depth:
            self.pos = _SPACE.match(self.text, self.pos).end()
        else:
            while self.pos < len(self.text) and self.text[self.pos] in " \t\f":
                self.pos += 1

    def peek(self):
        self.skip()
        return self.text[self.pos:self.pos + 1]

    def expect(self, ch):
        if self.peek() != ch:
            raise _Malformed
        self.pos += 1

    def value(self):
        v = self.unary()
        while self.peek() in ("+", "-"):
            op = self.text[self.pos]
            self.pos += 1
            right = self.unary()
            if not (type(v) in (int, float) and type(right) is complex):
                raise _Malformed
            v = v + right if op == "+" else v - right
        return v

    def unary(self):
        ch = self.peek()
        if ch in ("+", "-"):
            self.pos += 1
            v = self.unary()
            if type(v) not in (int, float, complex):
                raise _Malformed
            return v if ch == "+" else -v
        return self.atom()

    def atom(self):
        ch = self.peek()
        text = self.text
        if ch in "([{":
            close = {"(": ")", "[": "]", "{": "}"}[ch]
            self.pos += 1
            self.depth += 1
            items = []
            is_dict = None
            trailing_comma = False
            while self.peek() != close:
                if not self.peek():
                    raise SyntaxError("unexpected EOF while parsing")
                k = self.value()
                if ch == "{":
                    if is_dict is None:
                        is_dict = self.peek() == ":"
                    if is_dict != (self.peek() == ":"):
                        raise SyntaxError("invalid syntax")
                    if is_dict:
                        self.expect(":")
                        k = (k, self.value())
                items.append(k)
                trailing_comma = False
                if self.peek() == ",":
                    self.pos += 1
                    trailing_comma = True
                elif self.peek() != close:
                    raise SyntaxError("invalid syntax")
            self.pos += 1
            self.depth -= 1
            if ch == "[":
                return items
            if ch == "{":
                return dict(items) if is_dict or not items else set(items)
            if len(items) == 1 and not trailing_comma:
                return items[0]
            return tuple(items)
        m = _STRING.match(text, self.pos)
        if m:
            parts = []
            while m:
                token = m.group()
                if "f" in token[:2].lower():
                    raise _Malformed
                parts.append(eval(token, {"__builtins__": {}}))
                self.pos = m.end()
                self.skip()
                m = _STRING.match(text, self.pos)
            if len({type(p) for p in parts}) > 1:
                raise SyntaxError("cannot mix bytes and nonbytes literals")
            return parts[0][:0].join(parts)
        m = _NUMBER.match(text, self.pos)
        if m and m.group():
            self.pos = m.end()
            return eval(m.group(), {"__builtins__": {}})
        m = _NAME.match(text, self.pos)
        if m:
            self.pos = m.end()
            name = m.group()
            if name in ("True", "False", "None"):
                return {"True": True, "False": False, "None": None}[name]
            if name == "set" and self.peek() == "(":
                self.pos += 1
                self.depth += 1
                self.expect(")")
                self.depth -= 1
                return set()
        raise _Malformed


def literal_eval(node_or_string):
    if not isinstance(node_or_string, str):
        raise ValueError(f"malformed node or string: {node_or_string!r}")
    text = node_or_string.lstrip(" \t")
    p = _Parser(text)
    try:
        v = p.value()
        p.depth = 1
        p.skip()
        if p.pos != len(text):
            raise _Malformed
    except _Malformed:
        raise ValueError("malformed node or string on line 1") from None
    return v
