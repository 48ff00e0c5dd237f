"""HTML escaping: escape and unescape (the named references most text uses, and numeric
character references)."""

__all__ = ["escape", "unescape"]


def escape(s, quote=True):
    """`s` with &, < and > (and, with `quote`, both quote characters) made safe for HTML."""
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace("'", "&#x27;")
    return s


_NAMED = {
    "amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": "\xa0",
    "copy": "\xa9", "reg": "\xae", "trade": "\u2122", "hellip": "\u2026", "mdash": "\u2014",
    "ndash": "\u2013", "lsquo": "\u2018", "rsquo": "\u2019", "ldquo": "\u201c",
    "rdquo": "\u201d", "euro": "\u20ac", "pound": "\xa3", "yen": "\xa5", "cent": "\xa2",
    "sect": "\xa7", "deg": "\xb0", "plusmn": "\xb1", "times": "\xd7", "divide": "\xf7",
    "middot": "\xb7", "para": "\xb6", "laquo": "\xab", "raquo": "\xbb", "eacute": "\xe9",
    "egrave": "\xe8", "agrave": "\xe0", "aacute": "\xe1", "ccedil": "\xe7", "uuml": "\xfc",
    "ouml": "\xf6", "auml": "\xe4", "szlig": "\xdf", "ntilde": "\xf1", "bull": "\u2022",
    "larr": "\u2190", "rarr": "\u2192", "uarr": "\u2191", "darr": "\u2193", "hearts": "\u2665",
}

_INVALID_CODEPOINTS = {0x0D, 0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _replace(m):
    text = m.group(1)
    if text[0] == "#":
        if text[1] in "xX":
            num = int(text[2:].rstrip(";"), 16)
        else:
            num = int(text[1:].rstrip(";"))
        if num == 0 or 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return "\ufffd"
        return chr(num)
    name = text.rstrip(";")
    if name in _NAMED:
        return _NAMED[name]
    return "&" + text


def unescape(s):
    """`s` with its character references (`&amp;`, `&#39;`, `&#x27;`, ...) replaced."""
    if "&" not in s:
        return s
    import re
    return re.sub(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)", _replace, s)
