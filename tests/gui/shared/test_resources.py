"""The app's own files are found by package path, wherever the package is (a checkout here): the
icon every window shows, drawn from its SVG at any size the platform asks for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

import imagine_calc
from imagine_calc.gui.shared.resources import app_icon, resource_path

SHIPPED = Path(imagine_calc.__file__).resolve().parents[1] / "resources"


@pytest.mark.parametrize(
    "name", ["imagine-calc.svg", "sample.png", "io.github.imagine_calc.ImagineCalc.desktop"]
)
def test_a_resource_is_the_shipped_file_of_that_name(name: str) -> None:
    found = Path(resource_path(name))
    assert found.is_file()
    assert found.read_bytes() == (SHIPPED / name).read_bytes()


@pytest.mark.parametrize("side", [16, 64, 256])
def test_the_icon_is_drawn_from_its_svg_at_every_size_asked(qapp: object, side: int) -> None:
    image: QImage = app_icon().pixmap(side, side).toImage()
    assert (image.width(), image.height()) == (side, side)  # an SVG scales; a bitmap would stop at its size
    centre = image.pixelColor(side // 2, side // 2)
    assert centre.alpha() > 0  # something drawn, not an empty transparent square
