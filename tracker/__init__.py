"""Giao ban tracker: domain, storage and services, with no Qt in it."""

# The one place the version is written: the wheel's metadata (pyproject.toml reads it),
# `giaoban --version`, the About dialog and the Windows installer all take it from here.
__version__ = "0.1.0"
