"""Render the SVG icon to the PNG sizes of the hicolor theme (build time only).

    python packaging/debian/icons.py SVG DEST_ROOT

writes DEST_ROOT/usr/share/icons/hicolor/{scalable,NxN}/apps/rit-desk.{svg,png}.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def main(svg: str, root: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(svg)
    if not renderer.isValid():
        print(f"icons: cannot read {svg}", file=sys.stderr)
        return 1
    base = Path(root) / "usr/share/icons/hicolor"
    (base / "scalable/apps").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, base / "scalable/apps/rit-desk.svg")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = base / f"{size}x{size}/apps/rit-desk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            print(f"icons: cannot write {target}", file=sys.stderr)
            return 1
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
