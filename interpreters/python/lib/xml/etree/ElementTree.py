"""xml.etree.ElementTree: an XML document as a tree of Elements (tag, attrib, text, tail,
children), parsed from text or a file (`fromstring`, `parse`, `XMLParser`), searched with
ElementPath's XPath subset (`find`, `findall`, `iter`), and written back (`tostring`,
`ElementTree.write`, `indent`, `dump`), with namespaces as "{uri}local" tags.

mtpy's own parser stands in for expat: well-formed documents give CPython's trees, and the
common errors are reported as expat words them (`ParseError` with `position` and `code`).
"""

import io as _io
import re as _re
import sys as _sys

__all__ = ["Comment", "dump", "Element", "ElementTree", "fromstring", "fromstringlist",
           "indent", "iselement", "iterparse", "parse", "ParseError", "PI",
           "ProcessingInstruction", "QName", "SubElement", "tostring", "tostringlist",
           "TreeBuilder", "VERSION", "XML", "XMLID", "XMLParser", "XMLPullParser",
           "register_namespace", "canonicalize"]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    """A document that is not well-formed XML (`position` is (line, column))."""


def iselement(element):
    return hasattr(element, "tag")


class Element:
    """An XML element: its tag, attributes, text before the first child, tail text after
    its end tag, and its children (a list)."""

    tag = None
    attrib = None
    text = None
    tail = None

    def __init__(self, tag, attrib={}, **extra):
        if not isinstance(attrib, dict):
            raise TypeError("attrib must be dict, not %s" % (attrib.__class__.__name__,))
        self.tag = tag
        self.attrib = {**attrib, **extra}
        self._children = []

    def __repr__(self):
        return "<%s %r at %#x>" % (self.__class__.__name__, self.tag, id(self))

    def makeelement(self, tag, attrib):
        return self.__class__(tag, attrib)

    def copy(self):
        elem = self.makeelement(self.tag, self.attrib)
        elem.text = self.text
        elem.tail = self.tail
        elem[:] = self
        return elem

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        import copy
        elem = self.makeelement(self.tag, copy.deepcopy(self.attrib, memo))
        elem.text = self.text
        elem.tail = self.tail
        elem._children = [copy.deepcopy(c, memo) for c in self._children]
        return elem

    def __len__(self):
        return len(self._children)

    def __bool__(self):
        import warnings
        warnings.warn("The behavior of this method will change in future versions.  "
                      "Use specific 'len(elem)' or 'elem is not None' test instead.",
                      FutureWarning, stacklevel=2)
        return len(self._children) != 0

    def __getitem__(self, index):
        return self._children[index]

    def __setitem__(self, index, element):
        if isinstance(index, slice):
            for elt in element:
                self._assert_is_element(elt)
        else:
            self._assert_is_element(element)
        self._children[index] = element

    def __delitem__(self, index):
        del self._children[index]

    def __iter__(self):
        return iter(self._children)

    def append(self, subelement):
        self._assert_is_element(subelement)
        self._children.append(subelement)

    def extend(self, elements):
        for element in elements:
            self._assert_is_element(element)
            self._children.append(element)

    def insert(self, index, subelement):
        self._assert_is_element(subelement)
        self._children.insert(index, subelement)

    def _assert_is_element(self, e):
        if not isinstance(e, Element):
            raise TypeError("append() argument must be xml.etree.ElementTree.Element, not %s"
                            % type(e).__name__)

    def remove(self, subelement):
        for i, child in enumerate(self._children):
            if child is subelement:
                del self._children[i]
                return
        raise ValueError("list.remove(x): x not in list")

    def find(self, path, namespaces=None):
        return next(_iterfind(self, path, namespaces), None)

    def findtext(self, path, default=None, namespaces=None):
        elem = self.find(path, namespaces)
        if elem is None:
            return default
        return elem.text or ""

    def findall(self, path, namespaces=None):
        return list(_iterfind(self, path, namespaces))

    def iterfind(self, path, namespaces=None):
        return _iterfind(self, path, namespaces)

    def clear(self):
        self.attrib.clear()
        self._children = []
        self.text = self.tail = None

    def get(self, key, default=None):
        return self.attrib.get(key, default)

    def set(self, key, value):
        self.attrib[key] = value

    def keys(self):
        return list(self.attrib.keys())

    def items(self):
        return list(self.attrib.items())

    def iter(self, tag=None):
        if tag == "*":
            tag = None
        if tag is None or self.tag == tag:
            yield self
        for e in self._children:
            yield from e.iter(tag)

    def itertext(self):
        tag = self.tag
        if not isinstance(tag, str) and tag is not None:
            return
        if self.text:
            yield self.text
        for e in self:
            yield from e.itertext()
            if e.tail:
                yield e.tail


def SubElement(parent, tag, attrib={}, **extra):
    """A new element appended to `parent`'s children."""
    attrib = {**attrib, **extra}
    element = parent.makeelement(tag, attrib)
    parent.append(element)
    return element


def Comment(text=None):
    element = Element(Comment)
    element.text = text
    return element


def ProcessingInstruction(target, text=None):
    element = Element(ProcessingInstruction)
    element.text = target
    if text:
        element.text = element.text + " " + text
    return element


PI = ProcessingInstruction


class QName:
    """A qualified name ("{uri}local"), usable as a tag or attribute name."""

    def __init__(self, text_or_uri, tag=None):
        if tag:
            text_or_uri = "{%s}%s" % (text_or_uri, tag)
        self.text = text_or_uri

    def __str__(self):
        return self.text

    def __repr__(self):
        return "<%s %r>" % (self.__class__.__name__, self.text)

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        if isinstance(other, QName):
            return self.text == other.text
        return self.text == other

    def __lt__(self, other):
        if isinstance(other, QName):
            return self.text < other.text
        return self.text < other


# -- ElementPath: the XPath subset of find/findall ------------------------------------------

_TOKEN = _re.compile(
    r"('[^']*'|\"[^\"]*\"|::|//?|\.\.|\(\)|!=|[/.*:\[\]\(\)@=])|"
    r"((?:\{[^}]+\})?[^/\[\]\(\)@!=\s]+)|\s+")


def _tokenize(pattern, namespaces=None):
    default_namespace = namespaces.get("") if namespaces else None
    for match in _TOKEN.finditer(pattern):
        ttype, tag = match.groups()
        ttype, tag = ttype or "", tag or ""
        if tag and tag[0] != "{":
            if ":" in tag:
                prefix, uri = tag.split(":", 1)
                try:
                    if not namespaces:
                        raise KeyError
                    yield ttype, "{%s}%s" % (namespaces[prefix], uri)
                except KeyError:
                    raise SyntaxError("prefix %r not found in prefix map" % prefix) from None
            elif default_namespace and not ttype:
                yield ttype, "{%s}%s" % (default_namespace, tag)
            else:
                yield ttype, tag
        elif ttype or tag:
            yield ttype, tag


def _parents(root):
    return {c: p for p in root.iter() for c in p}


def _step_tag(tag):
    def select(context, result):
        for elem in result:
            for e in elem:
                if tag == "*" or e.tag == tag or (tag == "{*}*" and isinstance(e.tag, str)):
                    yield e
                elif tag.startswith("{*}") and isinstance(e.tag, str) and \
                        (e.tag == tag[3:] or e.tag.endswith("}" + tag[3:])):
                    yield e
    return select


def _step_descendant(tag):
    def select(context, result):
        for elem in result:
            for e in elem.iter():
                if e is elem:
                    continue
                if tag == "*" or e.tag == tag or (tag.startswith("{*}") and
                                                  isinstance(e.tag, str) and
                                                  e.tag.split("}")[-1] == tag[3:]):
                    yield e
    return select


def _step_parent(context, result):
    parents = _parents(context)
    seen = set()
    for elem in result:
        if elem in parents:
            p = parents[elem]
            if id(p) not in seen:
                seen.add(id(p))
                yield p


def _step_self(context, result):
    yield from result


def _predicate(tokens_in):
    # tokens_in: the (type, tag) tokens between [ and ]
    signature = "".join("'" if ttype[:1] in ("'", '"') else "-" if tag and not ttype else ttype
                        for ttype, tag in tokens_in)
    values = [tag or ttype for ttype, tag in tokens_in]

    def unquote(v):
        return v[1:-1] if v[:1] in ("'", '"') else v

    if signature == "@-":
        key = values[1]

        def select(context, result):
            for elem in result:
                if elem.get(key) is not None:
                    yield elem
        return select
    if signature in ("@-='", "@-!='"):
        key = values[1]
        value = unquote(tokens_in[-1][0] or tokens_in[-1][1])
        negate = "!=" in signature

        def select(context, result):
            for elem in result:
                if (elem.get(key) == value) != negate:
                    yield elem
        return select
    if signature == "-" and not _re.fullmatch(r"-?\d+", values[0]):
        tag = values[0]

        def select(context, result):
            for elem in result:
                if elem.find(tag) is not None:
                    yield elem
        return select
    if signature in ("-='", "-!='", ".='", ".!='"):
        tag = values[0]
        value = unquote(tokens_in[-1][0] or tokens_in[-1][1])
        negate = "!=" in signature

        def select(context, result):
            for elem in result:
                if tag == ".":
                    if ("".join(elem.itertext()) == value) != negate:
                        yield elem
                    continue
                for e in elem.findall(tag):
                    if ("".join(e.itertext()) == value) != negate:
                        yield elem
                        break
        return select
    if signature in ("-", "-()", "-()-"):
        if signature == "-":
            index = int(values[0]) - 1
            if index < 0:
                raise SyntaxError("XPath position >= 1 expected")
        else:
            if values[0] != "last":
                raise SyntaxError("unsupported function")
            if signature == "-()-":
                try:
                    index = int(values[2]) - 1
                except ValueError:
                    raise SyntaxError("unsupported expression")
                if index > -2:
                    raise SyntaxError("XPath offset from last() must be negative")
            else:
                index = -1

        def select(context, result):
            parents = _parents(context)
            for elem in result:
                parent = parents.get(elem)
                if parent is None:
                    continue
                siblings = [e for e in parent if e.tag == elem.tag]
                try:
                    if siblings[index] is elem:
                        yield elem
                except IndexError:
                    pass
        return select
    raise SyntaxError("invalid predicate")


def _compile_path(path, namespaces):
    if path[-1:] == "/":
        path = path + "*"
    tokens = list(_tokenize(path, namespaces))
    steps = []
    i = 0
    if tokens and tokens[0][0] == "/":
        raise SyntaxError("cannot use absolute path on element")
    while i < len(tokens):
        ttype, tag = tokens[i]
        if ttype == "/":
            i += 1
            continue
        if ttype == "//":
            i += 1
            if i >= len(tokens):
                raise SyntaxError("invalid descendant")
            ttype, tag = tokens[i]
            if ttype == "*":
                steps.append(_step_descendant("*"))
            elif tag and not ttype:
                steps.append(_step_descendant(tag))
            elif ttype == ".":
                steps.append(_step_descendant("*"))
            else:
                raise SyntaxError("invalid descendant")
            i += 1
        elif ttype == ".":
            steps.append(_step_self)
            i += 1
        elif ttype == "..":
            steps.append(_step_parent)
            i += 1
        elif ttype == "*":
            steps.append(_step_tag("*"))
            i += 1
        elif tag and not ttype:
            steps.append(_step_tag(tag))
            i += 1
        elif ttype == "[":
            j = i + 1
            while j < len(tokens) and tokens[j][0] != "]":
                j += 1
            if j >= len(tokens):
                raise SyntaxError("invalid path")
            steps.append(_predicate(tokens[i + 1:j]))
            i = j + 1
        else:
            raise SyntaxError("invalid path")
    return steps


def _iterfind(elem, path, namespaces=None):
    steps = _compile_path(path, namespaces)
    result = iter([elem])
    for step in steps:
        result = step(elem, result)
    return result


# -- parsing -------------------------------------------------------------------------------

_NAME_START = r"[A-Za-z_:\u00c0-\U0010ffff]"
_NAME = _re.compile(_NAME_START + r"[A-Za-z0-9_:.\-\u00b7\u00c0-\U0010ffff]*")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


class TreeBuilder:
    """Builds the tree from start/data/end events (what the parser calls)."""

    def __init__(self, element_factory=None, *, comment_factory=None, pi_factory=None,
                 insert_comments=False, insert_pis=False):
        self._data = []
        self._elem = []
        self._last = None
        self._root = None
        self._tail = None
        self._factory = element_factory or Element
        self._comment_factory = comment_factory or Comment
        self._pi_factory = pi_factory or ProcessingInstruction
        self.insert_comments = insert_comments
        self.insert_pis = insert_pis

    def close(self):
        assert len(self._elem) == 0, "missing end tags"
        assert self._root is not None, "missing toplevel element"
        return self._root

    def _flush(self):
        if self._data:
            if self._last is not None:
                text = "".join(self._data)
                if self._tail:
                    self._last.tail = text
                else:
                    self._last.text = text
            self._data = []

    def data(self, data):
        self._data.append(data)

    def start(self, tag, attrs):
        self._flush()
        self._last = elem = self._factory(tag, attrs)
        if self._elem:
            self._elem[-1].append(elem)
        elif self._root is None:
            self._root = elem
        self._elem.append(elem)
        self._tail = 0
        return elem

    def end(self, tag):
        self._flush()
        self._last = self._elem.pop()
        self._tail = 1
        return self._last

    def comment(self, text):
        return self._handle_single(self._comment_factory, self.insert_comments, text)

    def pi(self, target, text=None):
        return self._handle_single(self._pi_factory, self.insert_pis, target, text)

    def _handle_single(self, factory, insert, *args):
        elem = factory(*args)
        if insert and self._elem:
            self._flush()
            self._last = elem
            self._elem[-1].append(elem)
            self._tail = 1
        return elem


class _Scanner:
    """The document text and the position reached, with expat's error reports."""

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def where(self, pos):
        line = self.text.count("\n", 0, pos) + 1
        col = pos - (self.text.rfind("\n", 0, pos) + 1)
        return line, col

    def error(self, message, pos, code):
        line, col = self.where(pos)
        err = ParseError("%s: line %d, column %d" % (message, line, col))
        err.code = code
        err.position = (line, col)
        raise err


def _resolve(text, scanner, at):
    if "&" not in text:
        return text
    out = []
    i = 0
    while True:
        j = text.find("&", i)
        if j < 0:
            out.append(text[i:])
            return "".join(out)
        out.append(text[i:j])
        k = text.find(";", j)
        if k < 0:
            scanner.error("not well-formed (invalid token)", at + j, 4)
        name = text[j + 1:k]
        if name.startswith("#x"):
            try:
                out.append(chr(int(name[2:], 16)))
            except ValueError:
                scanner.error("not well-formed (invalid token)", at + j, 4)
        elif name.startswith("#"):
            try:
                out.append(chr(int(name[1:])))
            except ValueError:
                scanner.error("not well-formed (invalid token)", at + j, 4)
        elif name in _ENTITIES:
            out.append(_ENTITIES[name])
        elif _NAME.fullmatch(name):
            scanner.error("undefined entity", at + j, 11)
        else:
            scanner.error("not well-formed (invalid token)", at + j, 4)
        i = k + 1


def _parse_document(text, target, events=None):
    s = _Scanner(text)
    n = len(text)
    pos = 0
    stack = []
    ns_stack = [{"xml": "http://www.w3.org/XML/1998/namespace"}]
    seen_root = False

    def qualify(name, scope, attribute=False):
        if ":" in name:
            prefix, local = name.split(":", 1)
            if prefix == "xmlns":
                return name
            uri = scope.get(prefix)
            if uri is None:
                return name
            return "{%s}%s" % (uri, local)
        if attribute:
            return name
        uri = scope.get("")
        return "{%s}%s" % (uri, name) if uri else name

    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            lt = n
        if lt > pos:
            chunk = text[pos:lt]
            if stack:
                target.data(_resolve(chunk, s, pos))
            elif chunk.strip():
                bad = pos + len(chunk) - len(chunk.lstrip())
                s.error("junk after document element" if seen_root else "syntax error",
                        bad, 9 if seen_root else 2)
            pos = lt
            if pos >= n:
                break
        if text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                s.error("unclosed token", pos, 5)
            if hasattr(target, "comment"):
                target.comment(text[pos + 4:end])
            pos = end + 3
        elif text.startswith("<![CDATA[", pos):
            end = text.find("]]>", pos + 9)
            if end < 0 or not stack:
                s.error("unclosed CDATA section" if end < 0 else "syntax error", pos, 5)
            target.data(text[pos + 9:end])
            pos = end + 3
        elif text.startswith("<?", pos):
            end = text.find("?>", pos + 2)
            if end < 0:
                s.error("unclosed token", pos, 5)
            body = text[pos + 2:end]
            name, _, rest = body.partition(" ")
            if name.lower() != "xml" and hasattr(target, "pi"):
                target.pi(name, rest.strip() or None)
            pos = end + 2
        elif text.startswith("<!", pos):
            depth = 0
            i = pos + 2
            while i < n:
                c = text[i]
                if c == "[":
                    depth += 1
                elif c == "]":
                    depth -= 1
                elif c == ">" and depth <= 0:
                    break
                i += 1
            if i >= n:
                s.error("unclosed token", pos, 5)
            pos = i + 1
        elif text.startswith("</", pos):
            m = _NAME.match(text, pos + 2)
            if not m:
                s.error("not well-formed (invalid token)", pos + 2, 4)
            name = m.group()
            i = m.end()
            while i < n and text[i] in " \t\r\n":
                i += 1
            if i >= n:
                s.error("unclosed token", pos, 5)
            if text[i] != ">":
                s.error("not well-formed (invalid token)", i, 4)
            if not stack or stack[-1] != name:
                s.error("mismatched tag", pos + 2, 7)
            stack.pop()
            tag = qualify(name, ns_stack[-1])
            ns_stack.pop()
            elem = target.end(tag)
            if events is not None:
                events.append(("end", elem))
            pos = i + 1
        else:
            if seen_root and not stack:
                s.error("junk after document element", pos, 9)
            m = _NAME.match(text, pos + 1)
            if not m:
                s.error("not well-formed (invalid token)", pos + 1, 4)
            name = m.group()
            i = m.end()
            raw_attrs = []
            names = set()
            while True:
                j = i
                while i < n and text[i] in " \t\r\n":
                    i += 1
                if i >= n:
                    s.error("unclosed token", pos, 5)
                if text[i] == ">" or text.startswith("/>", i):
                    break
                if i == j:
                    s.error("not well-formed (invalid token)", i, 4)
                am = _NAME.match(text, i)
                if not am:
                    s.error("not well-formed (invalid token)", i, 4)
                aname = am.group()
                k = am.end()
                while k < n and text[k] in " \t\r\n":
                    k += 1
                if k >= n or text[k] != "=":
                    s.error("not well-formed (invalid token)", k, 4)
                k += 1
                while k < n and text[k] in " \t\r\n":
                    k += 1
                if k >= n or text[k] not in "'\"":
                    s.error("not well-formed (invalid token)", k, 4)
                quote = text[k]
                close = text.find(quote, k + 1)
                if close < 0:
                    s.error("unclosed token", pos, 5)
                value = text[k + 1:close]
                if "<" in value:
                    s.error("not well-formed (invalid token)", k + 1 + value.index("<"), 4)
                if aname in names:
                    s.error("duplicate attribute", i, 8)
                names.add(aname)
                value = value.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
                value = _resolve(value, s, k + 1)
                raw_attrs.append((aname, value))
                i = close + 1
            scope = ns_stack[-1]
            declared = [(a, v) for a, v in raw_attrs if a == "xmlns" or a.startswith("xmlns:")]
            if declared:
                scope = dict(scope)
                for a, v in declared:
                    scope["" if a == "xmlns" else a[6:]] = v
                    if events is not None and "start-ns" in _wanted(events):
                        events.append(("start-ns", ("" if a == "xmlns" else a[6:], v)))
            ns_stack.append(scope)
            attrs = {}
            for a, v in raw_attrs:
                if a == "xmlns" or a.startswith("xmlns:"):
                    continue
                attrs[qualify(a, scope, True)] = v
            tag = qualify(name, scope)
            elem = target.start(tag, attrs)
            if events is not None:
                events.append(("start", elem))
            seen_root = True
            if text.startswith("/>", i):
                ns_stack.pop()
                elem = target.end(tag)
                if events is not None:
                    events.append(("end", elem))
                pos = i + 2
            else:
                stack.append(name)
                pos = i + 1
    if stack or not seen_root:
        s.error("no element found", n, 3)


def _wanted(events):
    return getattr(events, "wanted", ())


class XMLParser:
    """Feeds a document's text to a target (a TreeBuilder unless given)."""

    def __init__(self, *, target=None, encoding=None):
        self.target = target if target is not None else TreeBuilder()
        self._buffer = []
        self.version = "Expat 2.5.0"
        self.entity = {}

    def feed(self, data):
        if isinstance(data, (bytes, bytearray)):
            data = _decode(bytes(data))
        self._buffer.append(data)

    def close(self):
        _parse_document("".join(self._buffer), self.target)
        self._buffer = []
        if hasattr(self.target, "close"):
            return self.target.close()
        return None


def _decode(data):
    m = _re.match(rb"<\?xml[^>]*encoding=['\"]([A-Za-z0-9._-]+)['\"]", data)
    encoding = m.group(1).decode("ascii") if m else "utf-8"
    return data.decode(encoding)


def XML(text, parser=None):
    """The root Element of the document `text` (a str or bytes)."""
    if parser is None:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    return parser.close()


fromstring = XML


def fromstringlist(sequence, parser=None):
    if parser is None:
        parser = XMLParser(target=TreeBuilder())
    for text in sequence:
        parser.feed(text)
    return parser.close()


def XMLID(text, parser=None):
    tree = XML(text, parser)
    ids = {}
    for elem in tree.iter():
        id = elem.get("id")
        if id:
            ids[id] = elem
    return tree, ids


def _read_source(source):
    if hasattr(source, "read"):
        return source.read()
    with open(source, "rb") as f:
        return f.read()


def parse(source, parser=None):
    """An ElementTree of the document in the file `source` (a name or a file object)."""
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


class _EventList(list):
    wanted = ()


def iterparse(source, events=None, parser=None):
    """(event, element) pairs of the document in `source` ("end" events unless asked)."""
    wanted = tuple(events) if events else ("end",)
    text = _read_source(source)
    if isinstance(text, bytes):
        text = _decode(text)
    found = _EventList()
    found.wanted = wanted
    builder = TreeBuilder()
    _parse_document(text, builder, found)

    class _IterParse:
        root = None

        def __iter__(it):
            for event, item in found:
                if event in wanted:
                    yield event, item
            it.root = builder.close()

        def __next__(it):
            if not hasattr(it, "_gen"):
                it._gen = iter(it)
            return next(it._gen)
    return _IterParse()


class XMLPullParser:
    def __init__(self, events=None, *, _parser=None):
        self._wanted = tuple(events) if events else ("end",)
        self._buffer = []
        self._events = []

    def feed(self, data):
        if isinstance(data, (bytes, bytearray)):
            data = bytes(data).decode("utf-8")
        self._buffer.append(data)

    def close(self):
        found = _EventList()
        found.wanted = self._wanted
        _parse_document("".join(self._buffer), TreeBuilder(), found)
        self._events.extend(e for e in found if e[0] in self._wanted)

    def read_events(self):
        events, self._events = self._events, []
        return iter(events)


# -- writing -------------------------------------------------------------------------------

_namespace_map = {
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/1999/xhtml": "html",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://schemas.xmlsoap.org/wsdl/": "wsdl",
    "http://www.w3.org/2001/XMLSchema": "xs",
    "http://www.w3.org/2001/XMLSchema-instance": "xsi",
    "http://purl.org/dc/elements/1.1/": "dc",
}


def register_namespace(prefix, uri):
    if _re.match(r"ns\d+$", prefix):
        raise ValueError("Prefix format reserved for internal use")
    for k, v in list(_namespace_map.items()):
        if k == uri or v == prefix:
            del _namespace_map[k]
    _namespace_map[uri] = prefix


def _escape_cdata(text):
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _escape_attrib(text):
    text = _escape_cdata(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text


def _escape_attrib_html(text):
    text = text.replace("&", "&amp;").replace(">", "&gt;")
    return text.replace('"', "&quot;")


def _namespaces(elem, default_namespace=None):
    qnames = {None: None}
    namespaces = {}
    if default_namespace:
        namespaces[default_namespace] = ""

    def add_qname(qname):
        try:
            if qname[:1] == "{":
                uri, tag = qname[1:].rsplit("}", 1)
                prefix = namespaces.get(uri)
                if prefix is None:
                    prefix = _namespace_map.get(uri)
                    if prefix is None:
                        prefix = "ns%d" % len(namespaces)
                    if prefix != "xml":
                        namespaces[uri] = prefix
                if prefix:
                    qnames[qname] = "%s:%s" % (prefix, tag)
                else:
                    qnames[qname] = tag
            else:
                if default_namespace:
                    raise ValueError("cannot use non-qualified names with default_namespace "
                                     "option")
                qnames[qname] = qname
        except TypeError:
            raise TypeError("cannot serialize %r (type %s)" % (qname, type(qname).__name__))

    for e in elem.iter():
        tag = e.tag
        if isinstance(tag, QName):
            if tag.text not in qnames:
                add_qname(tag.text)
        elif isinstance(tag, str):
            if tag not in qnames:
                add_qname(tag)
        elif tag is not None and tag is not Comment and tag is not PI:
            raise TypeError("cannot serialize %r (type %s)" % (tag, type(tag).__name__))
        for key, value in e.items():
            if isinstance(key, QName):
                key = key.text
            if key not in qnames:
                add_qname(key)
            if isinstance(value, QName) and value.text not in qnames:
                add_qname(value.text)
        text = e.text
        if isinstance(text, QName) and text.text not in qnames:
            add_qname(text.text)
    return qnames, namespaces


def _serialize_xml(write, elem, qnames, namespaces, short_empty_elements):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % text)
    elif tag is ProcessingInstruction:
        write("<?%s?>" % text)
    else:
        tag = qnames[tag.text if isinstance(tag, QName) else tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for e in elem:
                _serialize_xml(write, e, qnames, None, short_empty_elements)
        else:
            write("<" + tag)
            items = list(elem.items())
            if items or namespaces:
                if namespaces:
                    for v, k in sorted(namespaces.items(), key=lambda x: x[1]):
                        if k:
                            k = ":" + k
                        write(' xmlns%s="%s"' % (k, _escape_attrib(v)))
                for k, v in items:
                    if isinstance(k, QName):
                        k = k.text
                    if isinstance(v, QName):
                        v = qnames[v.text]
                    else:
                        v = _escape_attrib(v)
                    write(' %s="%s"' % (qnames[k], v))
            if text or len(elem) or not short_empty_elements:
                write(">")
                if text:
                    write(_escape_cdata(text))
                for e in elem:
                    _serialize_xml(write, e, qnames, None, short_empty_elements)
                write("</" + tag + ">")
            else:
                write(" />")
    if elem.tail:
        write(_escape_cdata(elem.tail))


_HTML_EMPTY = {"area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input",
               "isindex", "link", "meta", "param", "source", "track", "wbr"}


def _serialize_html(write, elem, qnames, namespaces, **kwargs):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % _escape_cdata(text))
    elif tag is ProcessingInstruction:
        write("<?%s?>" % _escape_cdata(text))
    else:
        tag = qnames[tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for e in elem:
                _serialize_html(write, e, qnames, None)
        else:
            write("<" + tag)
            items = list(elem.items())
            if items or namespaces:
                if namespaces:
                    for v, k in sorted(namespaces.items(), key=lambda x: x[1]):
                        if k:
                            k = ":" + k
                        write(' xmlns%s="%s"' % (k, _escape_attrib(v)))
                for k, v in items:
                    write(' %s="%s"' % (qnames[k], _escape_attrib_html(v)))
            write(">")
            ltag = tag.lower()
            if text:
                if ltag == "script" or ltag == "style":
                    write(text)
                else:
                    write(_escape_cdata(text))
            for e in elem:
                _serialize_html(write, e, qnames, None)
            if ltag not in _HTML_EMPTY:
                write("</" + tag + ">")
    if elem.tail:
        write(_escape_cdata(elem.tail))


def _serialize_text(write, elem):
    for part in elem.itertext():
        write(part)
    if elem.tail:
        write(elem.tail)


class ElementTree:
    """A whole document: its root element, with parse and write."""

    def __init__(self, element=None, file=None):
        self._root = element
        if file:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        self._root = element

    def parse(self, source, parser=None):
        text = _read_source(source)
        if parser is None:
            parser = XMLParser(target=TreeBuilder())
        parser.feed(text)
        self._root = parser.close()
        return self._root

    def iter(self, tag=None):
        return self._root.iter(tag)

    def find(self, path, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.find(path, namespaces)

    def findtext(self, path, default=None, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.findtext(path, default, namespaces)

    def findall(self, path, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.findall(path, namespaces)

    def iterfind(self, path, namespaces=None):
        if path[:1] == "/":
            path = "." + path
        return self._root.iterfind(path, namespaces)

    def write(self, file_or_filename, encoding=None, xml_declaration=None,
              default_namespace=None, method=None, *, short_empty_elements=True):
        if not method:
            method = "xml"
        elif method not in ("text", "xml", "html"):
            raise ValueError("unknown method %r" % method)
        if not encoding:
            encoding = "utf-8" if method == "c14n" else "us-ascii"
        parts = []
        write = parts.append
        if method == "xml" and (xml_declaration or (xml_declaration is None and
                                                    encoding.lower() != "unicode" and
                                                    encoding.lower() not in ("utf-8",
                                                                             "us-ascii"))):
            declared = encoding if encoding.lower() != "unicode" else "utf-8"
            write("<?xml version='1.0' encoding='%s'?>\n" % (declared,))
        if method == "text":
            _serialize_text(write, self._root)
        else:
            qnames, namespaces = _namespaces(self._root, default_namespace)
            if method == "html":
                _serialize_html(write, self._root, qnames, namespaces)
            else:
                _serialize_xml(write, self._root, qnames, namespaces, short_empty_elements)
        text = "".join(parts)
        if encoding.lower() == "unicode":
            data = text
        elif encoding.lower() in ("us-ascii", "ascii"):
            data = text.encode("ascii", "xmlcharrefreplace")
        else:
            data = text.encode(encoding, "xmlcharrefreplace")
        if hasattr(file_or_filename, "write"):
            file_or_filename.write(data)
        else:
            mode = "w" if isinstance(data, str) else "wb"
            kwargs = {"encoding": "utf-8"} if mode == "w" else {}
            with open(file_or_filename, mode, **kwargs) as f:
                f.write(data)

    def write_c14n(self, file):
        return self.write(file, method="c14n")


def tostring(element, encoding=None, method=None, *, xml_declaration=None,
             default_namespace=None, short_empty_elements=True):
    """The element written as XML: bytes (ASCII with character references) unless
    `encoding` is "unicode"."""
    stream = _io.StringIO() if encoding == "unicode" else _io.BytesIO()
    ElementTree(element).write(stream, encoding, xml_declaration=xml_declaration,
                               default_namespace=default_namespace, method=method,
                               short_empty_elements=short_empty_elements)
    return stream.getvalue()


def tostringlist(element, encoding=None, method=None, *, xml_declaration=None,
                 default_namespace=None, short_empty_elements=True):
    return [tostring(element, encoding, method, xml_declaration=xml_declaration,
                     default_namespace=default_namespace,
                     short_empty_elements=short_empty_elements)]


def dump(elem):
    """Write the element (or tree) as XML to stdout."""
    if not isinstance(elem, ElementTree):
        elem = ElementTree(elem)
    elem.write(_sys.stdout, encoding="unicode")
    tail = elem.getroot().tail
    if not tail or tail[-1] != "\n":
        _sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    """Indent the tree in place: newlines and `space` per level in text and tails."""
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError(f"Initial indentation level must be >= 0, got {level}")
    if not len(tree):
        return
    indentations = ["\n" + level * space]

    def _indent_children(elem, level):
        child_level = level + 1
        try:
            child_indentation = indentations[child_level]
        except IndexError:
            child_indentation = indentations[level] + space
            indentations.append(child_indentation)
        if not elem.text or not elem.text.strip():
            elem.text = child_indentation
        for child in elem:
            if len(child):
                _indent_children(child, child_level)
            if not child.tail or not child.tail.strip():
                child.tail = child_indentation
        if not child.tail.strip():
            child.tail = indentations[level]

    _indent_children(tree, 0)


def canonicalize(xml_data=None, *, out=None, from_file=None, **options):
    raise NotImplementedError("canonicalize is not available in mtpy")
