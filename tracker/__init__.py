"""Giao ban tracker: domain, storage and services, with no Qt in it."""
