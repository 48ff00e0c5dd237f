"""The concurrent package (futures)."""
