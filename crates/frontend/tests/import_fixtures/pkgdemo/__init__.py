"""A user package imported by uses_package.py."""

GREETING = "hi"
