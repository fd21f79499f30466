"""When the program started, for ``--exit-when-shown``'s start-up time.

A leaf: the console command (ui/entry.py) imports it first, before anything slow, and
the window (ui/app.py) reads it, so neither imports the other. Run as
``python -m ui.entry``, the command is the module ``__main__``: the time still lives here,
in one module, not in a second copy of ui.entry imported later.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()
