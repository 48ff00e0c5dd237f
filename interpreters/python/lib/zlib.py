"""zlib's checksums (CRC-32 and Adler-32) over mtpy's `_binascii`; compression is not here."""

from _binascii import adler32, crc32

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
Z_DEFAULT_COMPRESSION = -1
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_NO_COMPRESSION = 0


class error(Exception):
    pass
