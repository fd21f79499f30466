"""``python -m tracker``: the headless command line."""

import sys

from tracker.cli import main

sys.exit(main())
