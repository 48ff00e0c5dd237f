from .. import VERSION

LEVEL = "deep " + VERSION + " " + __name__
