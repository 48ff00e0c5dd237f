NAME = "pkgdemo"
loaded = ["pkgdemo"]
from .helpers import double
from . import helpers as _h
