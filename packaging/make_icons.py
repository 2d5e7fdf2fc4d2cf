"""Render resources/imagine-calc.svg into the icon files each platform wants.

Linux: PNGs for the hicolor theme; Windows: one .ico; macOS: one .icns (Pillow writes both).
Run with the build venv's Python: `python packaging/make_icons.py OUT_DIR`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = Path(__file__).resolve().parent.parent / "resources" / "imagine-calc.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int, path: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(path)):
        raise SystemExit(f"cannot write {path}")


def main(out: Path) -> None:
    app = QGuiApplication([sys.argv[0]])  # noqa: F841 - QPainter needs an application
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    for size in SIZES:
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        render(renderer, size, folder / "imagine-calc.png")
    largest = Image.open(out / "hicolor" / "512x512" / "apps" / "imagine-calc.png")
    largest.save(out / "imagine-calc.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    largest.save(out / "imagine-calc.icns")
    print(f"icons: {len(SIZES)} PNG sizes, .ico and .icns in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
