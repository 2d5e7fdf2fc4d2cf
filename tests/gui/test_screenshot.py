"""`imagine-calc --screenshot PATH` renders the window offscreen, light or dark, and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def screenshot(tmp_path: Path, *extra: str) -> QImage:
    tmp_path.mkdir(parents=True, exist_ok=True)
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "imagine_calc", "--screenshot", str(out), *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    image = QImage(str(out))
    assert not image.isNull()
    return image


def test_screenshot_writes_the_window_as_png(tmp_path: Path) -> None:
    image = screenshot(tmp_path)
    assert image.width() >= 800 and image.height() >= 500
    assert image.pixelColor(image.width() - 5, image.height() // 2).lightness() > 128


def test_dark_scheme_paints_a_dark_window(tmp_path: Path) -> None:
    image = screenshot(tmp_path, "--color-scheme", "dark")
    assert image.pixelColor(image.width() - 5, image.height() // 2).lightness() < 100


def test_screenshot_leaves_remembered_settings_alone(tmp_path: Path, user_dirs: Path) -> None:
    screenshot(tmp_path)
    assert not (user_dirs / "settings.ini").exists()


def test_an_estimate_given_on_the_command_line_opens_in_its_tab(tmp_path: Path, user_dirs: Path) -> None:
    sample = Path(__file__).parents[2] / "resources" / "screenshots" / "spring-campaign.icalc.json"
    plain = screenshot(tmp_path / "plain")
    with_estimate = screenshot(tmp_path / "estimate", str(sample))
    assert plain.size() == with_estimate.size() and plain != with_estimate
    assert not (user_dirs / "unsaved-estimate.icalc.json").exists()  # the user's session is untouched


def test_an_unreadable_estimate_fails_with_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    bad = tmp_path / "bad.icalc.json"
    bad.write_text("[]", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "imagine_calc", "--screenshot", str(tmp_path / "x.png"), str(bad)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert f"imagine-calc: {bad}: not an imagine-calc estimate" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_image_given_on_the_command_line_opens_the_upscale_tab(tmp_path: Path) -> None:
    from tests.images import write_image

    image = write_image(tmp_path / "photo.png", 64, 48)
    estimate_tab = screenshot(
        tmp_path / "estimate",
        str(Path(__file__).parents[2] / "resources" / "screenshots" / "spring-campaign.icalc.json"),
    )
    upscale_tab = screenshot(tmp_path / "upscale", str(image))
    plain = screenshot(tmp_path / "plain")
    assert upscale_tab != plain and upscale_tab != estimate_tab


def test_a_folder_is_read_before_the_picture_is_taken(tmp_path: Path) -> None:
    """It once grabbed the window before the scan ended and printed "Signal source has been
    deleted" as the reading thread outlived the window."""
    from tests.images import write_image

    folder = tmp_path / "shots"
    for i in range(40):
        write_image(folder / f"img{i:02}.png", 200 + i, 100)
    (tmp_path / "nothing-here").mkdir()
    empty = screenshot(tmp_path / "empty", str(tmp_path / "nothing-here"))
    full = screenshot(tmp_path / "full", str(folder))  # stderr must stay empty: asserted above
    assert full != empty

    # rows with their thumbnails: far more non-background pixels than the empty table
    def inked(image: QImage) -> int:
        return sum(
            image.pixelColor(x, y).lightness() < 200
            for x in range(0, image.width(), 7)
            for y in range(image.height() // 3, image.height() * 2 // 3, 7)
        )

    assert inked(full) > inked(empty) + 50
