"""The urllib package (parse only)."""
