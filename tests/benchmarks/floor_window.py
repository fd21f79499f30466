"""The floor of this stack: a PySide6 program that only shows an empty QMainWindow.

Prints a line once the window has been painted, then exits 0 — the same
contract as ``giaoban --exit-when-shown``. The benchmark times both from the
parent process, from spawning to that line.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _PaintWatcher(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    watcher = _PaintWatcher()
    window.installEventFilter(watcher)
    window.resize(1200, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
