"""Text wrapping and filling: wrap, fill, shorten, dedent, indent, TextWrapper.

mtpy's own implementation with CPython's line breaking (words split after hyphens inside
hyphenated words, long words broken, sentence endings optionally fixed).
"""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "


def _is_space(ch):
    return ch in _whitespace


def _is_letter(ch):
    return ch.isalpha()


def _is_word_char(ch):
    return ch.isalnum() or ch == "_"


class TextWrapper:
    """Wraps paragraphs of text to lines of at most `width` characters."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = _expand_tabs(text, self.tabsize)
        if self.replace_whitespace:
            text = "".join(" " if _is_space(ch) else ch for ch in text)
        return text

    def _split(self, text):
        """The chunks of text: runs of whitespace, and words (split after their hyphens)."""
        chunks = []
        i = 0
        n = len(text)
        while i < n:
            j = i
            if _is_space(text[i]):
                while j < n and _is_space(text[j]):
                    j += 1
                chunks.append(text[i:j])
            else:
                while j < n and not _is_space(text[j]):
                    j += 1
                word = text[i:j]
                if self.break_on_hyphens:
                    chunks.extend(_split_hyphens(word))
                else:
                    chunks.append(word)
            i = j
        return chunks

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            chunk = chunks[i]
            if chunks[i + 1] == " " and _ends_sentence(chunk):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk[:space_left].rfind("-")
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width " + repr(self.width) + " (must be > 0)")
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(len(c) for c in cur_line)
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines
                        or (not chunks or self.drop_whitespace and len(chunks) == 1
                            and not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + "".join(cur_line))
                else:
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + "".join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The lines of text wrapped to the width (no final newlines)."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """text wrapped, as one string of lines joined with newlines."""
        return "\n".join(self.wrap(text))


def _ends_sentence(chunk):
    """Whether chunk ends a sentence: a lower-case letter, then . ! or ?, then maybe a quote."""
    k = len(chunk)
    if k and chunk[k - 1] in "\"'":
        k -= 1
    if k < 2 or chunk[k - 1] not in ".!?":
        return False
    return chunk[k - 2].islower()


def _split_hyphens(word):
    """A word split after each hyphen that joins two parts of letters (CPython's rule: the
    part before has two letters before the hyphen, or is letter-hyphen-letter; the part after
    starts with a letter and has another letter, maybe after one hyphen)."""
    pieces = []
    start = 0
    n = len(word)
    i = 0
    while i < n:
        if word[i] == "-" and i + 1 < n and word[i + 1] == "-":
            # An em-dash (two or more hyphens) between words is a chunk of its own.
            j = i
            while j < n and word[j] == "-":
                j += 1
            if i > 0 and (_is_word_char(word[i - 1]) or word[i - 1] in "!\"'&.,?") and j < n \
                    and _is_word_char(word[j]):
                if i > start:
                    pieces.append(word[start:i])
                pieces.append(word[i:j])
                start = j
            i = j
            continue
        if word[i] == "-" and i > start:
            before_ok = (i >= 2 and _is_letter(word[i - 1]) and _is_letter(word[i - 2])) or \
                (i >= 3 and _is_letter(word[i - 1]) and word[i - 2] == "-" and _is_letter(word[i - 3]))
            after = word[i + 1:i + 4]
            after_ok = len(after) >= 2 and _is_letter(after[0]) and (
                _is_letter(after[1]) or (after[1] == "-" and len(after) == 3 and _is_letter(after[2])))
            if before_ok and after_ok and any(_is_word_char(c) for c in word[start:i]):
                pieces.append(word[start:i + 1])
                start = i + 1
        i += 1
    pieces.append(word[start:])
    return pieces


_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _lines_keepends(text):
    """text.splitlines(keepends=True)."""
    lines = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        if text[i] in _LINE_BREAKS:
            end = i + 2 if text[i] == "\r" and i + 1 < n and text[i + 1] == "\n" else i + 1
            lines.append(text[start:end])
            start = i = end
        else:
            i += 1
    if start < n:
        lines.append(text[start:])
    return lines


def _expand_tabs(text, tabsize):
    out = []
    column = 0
    for ch in text:
        if ch == "\t":
            spaces = tabsize - column % tabsize if tabsize > 0 else 0
            out.append(" " * spaces)
            column += spaces
        elif ch in "\n\r":
            out.append(ch)
            column = 0
        else:
            out.append(ch)
            column += 1
    return "".join(out)


def wrap(text, width=70, **kwargs):
    """text wrapped to lines of at most width characters (a list of lines)."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """text wrapped to lines of at most width characters, joined with newlines."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """text with its whitespace collapsed, cut to fit width (ending with the placeholder)."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    """text without the whitespace prefix all its non-blank lines share."""
    lines = text.split("\n")
    margin = None
    for line in lines:
        stripped = line.lstrip(" \t")
        if not stripped:
            continue
        prefix = line[:len(line) - len(stripped)]
        if margin is None:
            margin = prefix
        elif prefix.startswith(margin):
            pass
        elif margin.startswith(prefix):
            margin = prefix
        else:
            k = 0
            while k < len(margin) and k < len(prefix) and margin[k] == prefix[k]:
                k += 1
            margin = margin[:k]
    out = []
    for line in lines:
        if not line.strip(" \t"):
            out.append("" if line.strip(" \t") == "" and line.lstrip(" \t") == "" else line)
        elif margin:
            out.append(line[len(margin):])
        else:
            out.append(line)
    return "\n".join(out)


def indent(text, prefix, predicate=None):
    """text with prefix added to the lines predicate accepts (by default the non-blank ones)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    out = []
    for line in _lines_keepends(text):
        out.append(prefix + line if predicate(line) else line)
    return "".join(out)
