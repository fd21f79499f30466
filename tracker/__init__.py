"""Giao ban tracker: domain, storage and services, with no Qt in it."""

from __future__ import annotations

import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

# The one place the version is written: the wheel's metadata (pyproject.toml reads it),
# `giaoban --version`, the About dialog and the Windows installer all take it from here.
__version__ = "0.1.0"


class _PeeweeWithoutPsycopg:  # a meta path finder (importlib.abc costs 9 ms to import)
    """peewee imports psycopg as soon as it is installed: 70 ms of every start, which
    only the server mode needs. While peewee's module runs, psycopg reads as absent;
    ``tracker.store.pg.give_peewee_psycopg`` hands it over when a server is opened."""

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name != "peewee":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            if "psycopg" in sys.modules:
                run(module)
                return
            sys.modules["psycopg"] = None  # type: ignore[assignment]  # "import psycopg" fails
            try:
                run(module)
            finally:
                del sys.modules["psycopg"]

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if "peewee" not in sys.modules:
    sys.meta_path.insert(0, _PeeweeWithoutPsycopg())
