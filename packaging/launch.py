"""The frozen program's entry point: the same ``giaoban`` command as the wheel's."""

import sys

from ui.entry import main

if __name__ == "__main__":
    sys.exit(main())
