"""Which packages and files the wheel holds; everything else is in pyproject.toml.

Packages are discovered, never listed: a new sub-package of ``tracker/`` or ``ui/``
is installed without anyone remembering to add it. ``seeds/`` and ``resources/``
sit at the top of the source tree but are installed inside the packages that read
them (``tracker.seeds``, ``ui.resources``), which a ``pyproject.toml`` table cannot
express together with discovery. Every file under a package is package data, so a
data file cannot be forgotten either; ``tests/test_installed.py`` checks the wheel
against the source tree.
"""

from setuptools import find_packages, setup

MOVED = {"tracker.seeds": "seeds", "ui.resources": "resources"}

setup(
    packages=[*find_packages(include=["tracker", "tracker.*", "ui", "ui.*"]), *MOVED],
    package_dir=MOVED,
    package_data={"": ["**/*"]},
    exclude_package_data={"": ["**/__pycache__/*", "**/*.py[cod]", "*.py[cod]"]},
)
