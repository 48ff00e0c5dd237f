"""xml.dom.minidom: a small DOM (Document, Element, Text, Comment, attributes) parsed with
`parseString`/`parse` or built with `createElement`/`appendChild`, written with `toxml`
and `toprettyxml` as CPython writes them.
"""

import io as _io


class Node:
    """What every DOM node has: its type, children, parent and siblings."""

    ELEMENT_NODE = 1
    ATTRIBUTE_NODE = 2
    TEXT_NODE = 3
    CDATA_SECTION_NODE = 4
    ENTITY_REFERENCE_NODE = 5
    ENTITY_NODE = 6
    PROCESSING_INSTRUCTION_NODE = 7
    COMMENT_NODE = 8
    DOCUMENT_NODE = 9
    DOCUMENT_TYPE_NODE = 10
    DOCUMENT_FRAGMENT_NODE = 11
    NOTATION_NODE = 12

    parentNode = None
    ownerDocument = None
    nodeValue = None
    prefix = None
    namespaceURI = None

    def __init__(self):
        self.childNodes = NodeList()

    @property
    def firstChild(self):
        return self.childNodes[0] if self.childNodes else None

    @property
    def lastChild(self):
        return self.childNodes[-1] if self.childNodes else None

    def _sibling(self, step):
        parent = self.parentNode
        if parent is None:
            return None
        for i, node in enumerate(parent.childNodes):
            if node is self:
                j = i + step
                return parent.childNodes[j] if 0 <= j < len(parent.childNodes) else None
        return None

    @property
    def nextSibling(self):
        return self._sibling(1)

    @property
    def previousSibling(self):
        return self._sibling(-1)

    def hasChildNodes(self):
        return bool(self.childNodes)

    def appendChild(self, node):
        if node.parentNode is not None:
            node.parentNode.removeChild(node)
        self.childNodes.append(node)
        node.parentNode = self
        return node

    def insertBefore(self, newChild, refChild):
        if refChild is None:
            return self.appendChild(newChild)
        if newChild.parentNode is not None:
            newChild.parentNode.removeChild(newChild)
        for i, node in enumerate(self.childNodes):
            if node is refChild:
                self.childNodes.insert(i, newChild)
                newChild.parentNode = self
                return newChild
        raise NotFoundErr()

    def removeChild(self, oldChild):
        for i, node in enumerate(self.childNodes):
            if node is oldChild:
                del self.childNodes[i]
                oldChild.parentNode = None
                return oldChild
        raise NotFoundErr()

    def replaceChild(self, newChild, oldChild):
        self.insertBefore(newChild, oldChild)
        return self.removeChild(oldChild)

    def normalize(self):
        merged = NodeList()
        for child in self.childNodes:
            if child.nodeType == Node.TEXT_NODE:
                if not child.data:
                    continue
                if merged and merged[-1].nodeType == Node.TEXT_NODE:
                    merged[-1].data += child.data
                    continue
            merged.append(child)
            if child.nodeType == Node.ELEMENT_NODE:
                child.normalize()
        self.childNodes = merged

    def toxml(self, encoding=None, standalone=None):
        return self.toprettyxml("", "", encoding, standalone)

    def toprettyxml(self, indent="\t", newl="\n", encoding=None, standalone=None):
        writer = _io.StringIO()
        if self.nodeType == Node.DOCUMENT_NODE:
            self.writexml(writer, "", indent, newl, encoding, standalone)
        else:
            self.writexml(writer, "", indent, newl)
        text = writer.getvalue()
        return text if encoding is None else text.encode(encoding, "xmlcharrefreplace")

    def unlink(self):
        for child in self.childNodes:
            child.unlink()
        self.parentNode = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.unlink()

    def __bool__(self):
        return True


class NodeList(list):
    @property
    def length(self):
        return len(self)

    def item(self, index):
        return self[index] if 0 <= index < len(self) else None


class NotFoundErr(Exception):
    pass


def _write_data(writer, data):
    if data:
        data = data.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        writer.write(data.replace(">", "&gt;"))


class Attr:
    nodeType = Node.ATTRIBUTE_NODE

    def __init__(self, name, value=""):
        self.name = self.nodeName = self.localName = name
        self.value = self.nodeValue = value

    def __repr__(self):
        return "<xml.dom.minidom.Attr object at %#x>" % id(self)


class NamedNodeMap:
    """An element's attributes by name (Attr objects)."""

    def __init__(self, element):
        self._element = element

    @property
    def length(self):
        return len(self._element._attrs)

    def __len__(self):
        return len(self._element._attrs)

    def item(self, index):
        names = list(self._element._attrs)
        return Attr(names[index], self._element._attrs[names[index]]) \
            if 0 <= index < len(names) else None

    def items(self):
        return list(self._element._attrs.items())

    def keys(self):
        return self._element._attrs.keys()

    def values(self):
        return [Attr(k, v) for k, v in self._element._attrs.items()]

    def get(self, name, value=None):
        if name in self._element._attrs:
            return Attr(name, self._element._attrs[name])
        return value

    def __getitem__(self, name):
        if isinstance(name, int):
            return self.item(name)
        return Attr(name, self._element._attrs[name])

    def __contains__(self, name):
        return name in self._element._attrs

    def __iter__(self):
        return iter(self._element._attrs)


class Element(Node):
    nodeType = Node.ELEMENT_NODE

    def __init__(self, tagName, ownerDocument=None):
        super().__init__()
        self.tagName = self.nodeName = self.localName = tagName
        self.ownerDocument = ownerDocument
        self._attrs = {}

    def __repr__(self):
        return "<DOM Element: %s at %#x>" % (self.tagName, id(self))

    @property
    def attributes(self):
        return NamedNodeMap(self)

    def getAttribute(self, name):
        return self._attrs.get(name, "")

    def setAttribute(self, name, value):
        self._attrs[name] = value

    def hasAttribute(self, name):
        return name in self._attrs

    def removeAttribute(self, name):
        try:
            del self._attrs[name]
        except KeyError:
            raise NotFoundErr() from None

    def hasAttributes(self):
        return bool(self._attrs)

    def getElementsByTagName(self, name):
        found = NodeList()
        _collect(self, name, found)
        return found

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write(indent + "<" + self.tagName)
        for name, value in self._attrs.items():
            writer.write(' %s="' % name)
            _write_data(writer, value)
            writer.write('"')
        if self.childNodes:
            writer.write(">")
            if (len(self.childNodes) == 1 and
                    self.childNodes[0].nodeType in (Node.TEXT_NODE, Node.CDATA_SECTION_NODE)):
                self.childNodes[0].writexml(writer, "", "", "")
            else:
                writer.write(newl)
                for node in self.childNodes:
                    node.writexml(writer, indent + addindent, addindent, newl)
                writer.write(indent)
            writer.write("</%s>%s" % (self.tagName, newl))
        else:
            writer.write("/>%s" % newl)


def _collect(parent, name, found):
    for node in parent.childNodes:
        if node.nodeType == Node.ELEMENT_NODE:
            if name == "*" or node.tagName == name:
                found.append(node)
            _collect(node, name, found)


class CharacterData(Node):
    def __init__(self, data=""):
        super().__init__()
        self.data = data

    @property
    def nodeValue(self):
        return self.data

    @property
    def length(self):
        return len(self.data)

    def __repr__(self):
        data = self.data
        dotdotdot = "..." if len(data) > 10 else ""
        return '<DOM %s node "%r%s">' % (self.__class__.__name__, data[0:10], dotdotdot)


class Text(CharacterData):
    nodeType = Node.TEXT_NODE
    nodeName = "#text"

    @property
    def wholeText(self):
        return self.data

    def writexml(self, writer, indent="", addindent="", newl=""):
        _write_data(writer, "%s%s%s" % (indent, self.data, newl))


class CDATASection(Text):
    nodeType = Node.CDATA_SECTION_NODE
    nodeName = "#cdata-section"

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write("<![CDATA[%s]]>" % self.data)


class Comment(CharacterData):
    nodeType = Node.COMMENT_NODE
    nodeName = "#comment"

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write("%s<!--%s-->%s" % (indent, self.data, newl))


class ProcessingInstruction(Node):
    nodeType = Node.PROCESSING_INSTRUCTION_NODE

    def __init__(self, target, data):
        super().__init__()
        self.target = self.nodeName = target
        self.data = data

    def writexml(self, writer, indent="", addindent="", newl=""):
        writer.write("%s<?%s %s?>%s" % (indent, self.target, self.data, newl))


class Document(Node):
    nodeType = Node.DOCUMENT_NODE
    nodeName = "#document"
    doctype = None

    def __repr__(self):
        return "<xml.dom.minidom.Document object at %#x>" % id(self)

    @property
    def documentElement(self):
        for node in self.childNodes:
            if node.nodeType == Node.ELEMENT_NODE:
                return node
        return None

    def createElement(self, tagName):
        return Element(tagName, self)

    def createTextNode(self, data):
        if not isinstance(data, str):
            raise TypeError("node contents must be a string")
        t = Text(data)
        t.ownerDocument = self
        return t

    def createCDATASection(self, data):
        c = CDATASection(data)
        c.ownerDocument = self
        return c

    def createComment(self, data):
        c = Comment(data)
        c.ownerDocument = self
        return c

    def createProcessingInstruction(self, target, data):
        return ProcessingInstruction(target, data)

    def createAttribute(self, name):
        return Attr(name)

    def getElementsByTagName(self, name):
        found = NodeList()
        _collect(self, name, found)
        return found

    def writexml(self, writer, indent="", addindent="", newl="", encoding=None,
                 standalone=None):
        declaration = '<?xml version="1.0"'
        if encoding is not None:
            declaration += ' encoding="%s"' % encoding
        if standalone is not None:
            declaration += ' standalone="%s"' % ("yes" if standalone else "no")
        if encoding is None and standalone is None:
            declaration += " "
        writer.write(declaration + "?>" + newl)
        for node in self.childNodes:
            node.writexml(writer, indent, addindent, newl)


class _DomBuilder:
    """The parser's target: builds DOM nodes (whitespace text kept, as expat reports it)."""

    def __init__(self):
        self.doc = Document()
        self.stack = [self.doc]

    def start(self, tag, attrs):
        el = Element(tag, self.doc)
        el._attrs = dict(attrs)
        self.stack[-1].appendChild(el)
        self.stack.append(el)
        return el

    def end(self, tag):
        return self.stack.pop()

    def data(self, text):
        parent = self.stack[-1]
        if parent.childNodes and parent.childNodes[-1].nodeType == Node.TEXT_NODE:
            parent.childNodes[-1].data += text
        else:
            parent.appendChild(self.doc.createTextNode(text))

    def comment(self, text):
        self.stack[-1].appendChild(self.doc.createComment(text))

    def pi(self, target, text=None):
        self.stack[-1].appendChild(ProcessingInstruction(target, text or ""))

    def close(self):
        return self.doc


def parseString(string, parser=None):
    """The Document of the XML text `string` (str or bytes)."""
    from xml.etree.ElementTree import XMLParser
    p = XMLParser(target=_DomBuilder())
    p.feed(string)
    return p.close()


def parse(file, parser=None, bufsize=None):
    """The Document of the XML file `file` (a name or a file object)."""
    if hasattr(file, "read"):
        return parseString(file.read())
    with open(file, "rb") as f:
        return parseString(f.read())


def getDOMImplementation(features=None):
    return _Implementation()


class _Implementation:
    def createDocument(self, namespaceURI, qualifiedName, doctype):
        doc = Document()
        if qualifiedName:
            doc.appendChild(doc.createElement(qualifiedName))
        return doc
