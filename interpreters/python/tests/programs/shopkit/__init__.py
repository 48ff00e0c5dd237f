"""shopkit: a package for the modules_packages test"""
from .core import Cart, PRICE
from . import util
__all__ = ["Cart", "helper"]
VERSION = "1.0"
def helper(): return "helped"
def __getattr__(name):
    if name == "lazy": return "lazy value"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
