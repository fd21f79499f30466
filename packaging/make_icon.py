"""Write the Windows icon (.ico) from resources/icons/app.svg, each size drawn from the SVG.

    python packaging/make_icon.py [OUT.ico]     (default: packaging/windows/giaoban.ico)

Each size is rendered by Qt's SVG renderer and stored as a PNG entry, which Windows
Vista and later read; no image library beyond PySide6 is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (256, 64, 48, 40, 32, 24, 20, 16)


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: list[tuple[int, bytes]]) -> bytes:
    """An ICO file holding each (size, PNG data) as one image."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        blobs += png
    return header + entries + blobs


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    out = Path(argv[0]) if argv else ROOT / "packaging" / "windows" / "giaoban.ico"
    svg = ROOT / "resources" / "icons" / "app.svg"
    out.write_bytes(ico_bytes([(s, render_png(svg, s)) for s in SIZES]))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
