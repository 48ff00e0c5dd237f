"""A package for import_packages.py: relative imports inside, submodules bound on import."""
from .shapes import Square
from . import util

VERSION = "1.0"
