"""Giao ban desktop application (PySide6)."""
