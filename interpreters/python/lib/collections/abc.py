"""Abstract base classes of containers (collections.abc)."""
