"""A package for import_reload.py."""
LOADS = []
