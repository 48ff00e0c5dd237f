"""A simple HTML tokenizer: `HTMLParser` reads markup fed to it in pieces and calls a
method for each start tag, end tag, run of text, comment, declaration, processing
instruction and (with `convert_charrefs=False`) character reference it meets. Subclasses
override the `handle_*` methods."""

import re
from html import unescape

__all__ = ["HTMLParser"]

_TAG_START = re.compile(r"<([a-zA-Z][^\t\n\r\f />\x00]*)")
_ATTR = re.compile(r"""[\s/]*((?<=[\s/"'])[^\s/>][^\s/=>]*)(?:\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?""")
_TAG_END = re.compile(r"\s*(/?)>")
_END_TAG = re.compile(r"</\s*([a-zA-Z][^\t\n\r\f />\x00]*)[^>]*>")
_CHARREF = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]")
_ENTITYREF = re.compile(r"&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]")
_INCOMPLETE_REF = re.compile(r"&[#a-zA-Z]")


class HTMLParser:
    """Find tags and other markup and call handler functions (override them)."""

    CDATA_CONTENT_ELEMENTS = ("script", "style")

    def __init__(self, *, convert_charrefs=True):
        self.convert_charrefs = convert_charrefs
        self.reset()

    def reset(self):
        self.rawdata = ''
        self.lasttag = '???'
        self.interesting = None
        self.cdata_elem = None
        self.lineno = 1
        self.offset = 0
        self.__starttag_text = None

    def feed(self, data):
        self.rawdata = self.rawdata + data
        self.goahead(False)

    def close(self):
        self.goahead(True)

    def getpos(self):
        return self.lineno, self.offset

    def get_starttag_text(self):
        return self.__starttag_text

    def set_cdata_mode(self, elem):
        self.cdata_elem = elem.lower()

    def clear_cdata_mode(self):
        self.cdata_elem = None

    def _advance(self, i, j):
        # Line and column bookkeeping for rawdata[i:j].
        chunk = self.rawdata[i:j]
        nl = chunk.count("\n")
        if nl:
            self.lineno += nl
            self.offset = j - (self.rawdata.rindex("\n", i, j) + 1)
        else:
            self.offset += j - i
        return j

    def _text(self, text):
        if not text:
            return
        if self.convert_charrefs and not self.cdata_elem:
            self.handle_data(unescape(text))
        else:
            self.handle_data(text)

    def goahead(self, end):
        rawdata = self.rawdata
        i = 0
        n = len(rawdata)
        while i < n:
            if self.cdata_elem:
                m = re.compile(r"</\s*%s\s*>" % re.escape(self.cdata_elem), re.I).search(rawdata, i)
                if m is None:
                    if not end:
                        break
                    j = n
                else:
                    j = m.start()
            elif self.convert_charrefs:
                j = rawdata.find('<', i)
                if j < 0:
                    amp = rawdata.rfind('&', max(i, n - 34))
                    if amp >= 0 and not re.compile(r"[\s;]").search(rawdata, amp) and not end:
                        break
                    j = n
            else:
                m = re.compile(r"[&<]").search(rawdata, i)
                j = m.start() if m else n
            if i < j:
                self._text(rawdata[i:j])
            i = self._advance(i, j)
            if i == n:
                break
            if rawdata.startswith('<', i):
                if _TAG_START.match(rawdata, i):
                    k = self.parse_starttag(i)
                elif rawdata.startswith("</", i):
                    k = self.parse_endtag(i)
                elif rawdata.startswith("<!--", i):
                    k = self.parse_comment(i)
                elif rawdata.startswith("<?", i):
                    k = self.parse_pi(i)
                elif rawdata.startswith("<!", i):
                    k = self.parse_html_declaration(i)
                elif i + 1 < n:
                    self.handle_data("<")
                    k = i + 1
                elif end:
                    self.handle_data("<")
                    k = i + 1
                else:
                    break
                if k < 0:
                    if not end:
                        break
                    k = rawdata.find('>', i + 1)
                    if k < 0:
                        k = rawdata.find('<', i + 1)
                        if k < 0:
                            k = i + 1
                    else:
                        k += 1
                    self._text(rawdata[i:k])
                i = self._advance(i, k)
            elif rawdata.startswith("&#", i):
                m = _CHARREF.match(rawdata, i)
                if m:
                    name = m.group()[2:-1]
                    self.handle_charref(name)
                    k = m.end()
                    if not rawdata.startswith(';', k - 1):
                        k = k - 1
                    i = self._advance(i, k)
                    continue
                if ";" in rawdata[i:] or end:
                    self.handle_data(rawdata[i:i + 2])
                    i = self._advance(i, i + 2)
                break
            elif rawdata.startswith('&', i):
                m = _ENTITYREF.match(rawdata, i)
                if m:
                    self.handle_entityref(m.group(1))
                    k = m.end()
                    if not rawdata.startswith(';', k - 1):
                        k = k - 1
                    i = self._advance(i, k)
                    continue
                if _INCOMPLETE_REF.match(rawdata, i) and not end:
                    break
                self.handle_data("&")
                i = self._advance(i, i + 1)
            else:
                raise AssertionError("we should not get here!")
        if end and i < n and not self.cdata_elem:
            self._text(rawdata[i:n])
            i = self._advance(i, n)
        self.rawdata = rawdata[i:]

    def parse_starttag(self, i):
        rawdata = self.rawdata
        m = _TAG_START.match(rawdata, i)
        k = m.end()
        tag = m.group(1).lower()
        self.lasttag = tag
        attrs = []
        while True:
            am = _ATTR.match(rawdata, k)
            if not am or not am.group(1):
                break
            name, value = am.group(1), am.group(2)
            if value is None:
                pass
            else:
                if value[:1] in ("'", '"') and value[:1] == value[-1:] and len(value) > 1:
                    value = value[1:-1]
                value = unescape(value)
            attrs.append((name.lower(), value))
            k = am.end()
        em = _TAG_END.match(rawdata, k)
        if not em:
            j = rawdata.find('>', k)
            if j < 0:
                return -1
            end = j + 1
            selfclosing = rawdata[j - 1:j] == '/'
        else:
            end = em.end()
            selfclosing = em.group(1) == '/'
        self.__starttag_text = rawdata[i:end]
        if selfclosing:
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        return end

    def parse_endtag(self, i):
        rawdata = self.rawdata
        j = rawdata.find('>', i + 2)
        if j < 0:
            return -1
        m = _END_TAG.match(rawdata, i)
        if not m:
            if self.cdata_elem is not None:
                self.handle_data(rawdata[i:j + 1])
                return j + 1
            if rawdata.startswith("</>", i):
                return i + 3
            self.handle_comment(rawdata[i + 2:j])
            return j + 1
        tag = m.group(1).lower()
        if self.cdata_elem is not None and tag != self.cdata_elem:
            self.handle_data(rawdata[i:j + 1])
            return j + 1
        self.handle_endtag(tag)
        self.clear_cdata_mode()
        return j + 1

    def parse_comment(self, i, report=True):
        j = self.rawdata.find('-->', i + 4)
        if j < 0:
            return -1
        if report:
            self.handle_comment(self.rawdata[i + 4:j])
        return j + 3

    def parse_pi(self, i):
        j = self.rawdata.find('>', i + 2)
        if j < 0:
            return -1
        self.handle_pi(self.rawdata[i + 2:j])
        return j + 1

    def parse_html_declaration(self, i):
        rawdata = self.rawdata
        if rawdata.startswith("<![CDATA[", i):
            j = rawdata.find("]]>", i + 9)
            if j < 0:
                return -1
            self.unknown_decl(rawdata[i + 3:j])
            return j + 3
        j = rawdata.find('>', i + 2)
        if j < 0:
            return -1
        if rawdata[i + 2:i + 9].lower() == "doctype":
            self.handle_decl(rawdata[i + 2:j])
        else:
            self.handle_comment(rawdata[i + 2:j])
        return j + 1

    # Handlers: override these.

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_data(self, data):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass
