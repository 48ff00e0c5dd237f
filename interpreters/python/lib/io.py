"""The io module: streams of text and bytes (the classes of `_io`, under their public names)."""

from _io import (
    DEFAULT_BUFFER_SIZE, SEEK_SET, SEEK_CUR, SEEK_END, UnsupportedOperation, open, open_code,
    text_encoding, IOBase, RawIOBase, BufferedIOBase, TextIOBase, FileIO, BytesIO, StringIO,
    BufferedReader, BufferedWriter, BufferedRWPair, BufferedRandom, TextIOWrapper,
)

BlockingIOError = BlockingIOError

__all__ = [
    "BlockingIOError", "open", "open_code", "IOBase", "RawIOBase", "FileIO", "BytesIO", "StringIO",
    "BufferedIOBase", "BufferedReader", "BufferedWriter", "BufferedRWPair", "BufferedRandom",
    "TextIOBase", "TextIOWrapper", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
    "DEFAULT_BUFFER_SIZE", "text_encoding",
]
