"""Unix shell-style wildcards: `*`, `?`, `[seq]` and `[!seq]` matched against file names."""

import os
import posixpath
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_compiled = {}


def _compile(pat):
    regex = _compiled.get(pat)
    if regex is None:
        if isinstance(pat, bytes):
            text = translate(str(pat, 'ISO-8859-1'))
            regex = re.compile(text.encode('ISO-8859-1'))
        else:
            regex = re.compile(translate(pat))
        if len(_compiled) > 256:
            _compiled.clear()
        _compiled[pat] = regex
    return regex.match


def fnmatch(name, pat):
    """Whether `name` matches `pat` (case-normalized as the OS does; POSIX keeps case)."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    """Whether `name` matches `pat`, case-sensitively."""
    return _compile(pat)(name) is not None


def filter(names, pat):
    """The names of `names` that match `pat`."""
    pat = os.path.normcase(pat)
    match = _compile(pat)
    if os.path is posixpath:
        return [name for name in names if match(name)]
    return [name for name in names if match(os.path.normcase(name))]


def translate(pat):
    """A regular expression matching what shell pattern `pat` matches."""
    out = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            # Consecutive stars mean one star.
            if not out or out[-1] != '.*':
                out.append('.*')
        elif c == '?':
            out.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                out.append('\\[')
                continue
            body = pat[i:j]
            i = j + 1
            negate = body.startswith('!')
            if negate:
                body = body[1:]
            if not body:
                # `[]` matches nothing, `[!]` anything.
                out.append('.' if negate else '(?!)')
                continue
            body = body.replace('\\', '\\\\')
            for special in '&~|':
                body = body.replace(special, '\\' + special)
            if body.startswith('^') or body.startswith('['):
                body = '\\' + body
            out.append('[' + ('^' if negate else '') + body + ']')
        else:
            out.append(re.escape(c))
    return '(?s:' + ''.join(out) + ')\\Z'
