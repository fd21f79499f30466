"""The main window, in rooms: window.py (the window and its wiring), meeting_header.py,
operations.py (typed changes, no widgets), commands.py (menu commands that confirm and
open dialogs) and layout_state.py (what the window remembers between sessions)."""

from ui.main_window.tabs import TAB_ALL, TAB_CHASE, TAB_MEETING
from ui.main_window.window import MainWindow

__all__ = ["TAB_ALL", "TAB_CHASE", "TAB_MEETING", "MainWindow"]
