"""The README's pictures, made the same way every time.

`python -m tests.readme_screenshots` retakes every one into resources/screenshots/: the PNG,
and beside it NAME.txt, the words the picture shows (`imagine-calc --screenshot` writes both).
tests/test_readme_screenshots.py takes each again and fails when the words differ: the app no
longer says what the README shows, and the pictures are to be retaken.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "resources" / "screenshots"
SAMPLE = SCREENSHOTS / "spring-campaign.icalc.json"
#: The balance the estimate pictures show: 8,000 subscription and 3,000 top-up credits, a
#: renewal date given, and 0.012 EUR per credit (README, "Estimates and budgets").
BALANCE = (
    "[budget]\nsubscribed=true\nsubscription=8000\nrenewal=2026-12-20\ntop_up=3000\n"
    "[money]\nper_credit=0.012\ncurrency=EUR\n"
)


def _batch(scratch: Path) -> Path:
    """A mixed batch, as a designer drops it: photos of every common kind, a phone's HEIC, a
    huge scan, and two files that are not images."""
    from tests.images import png_header_only, write_image

    folder = scratch / "client-photos"
    write_image(folder / "hero-banner.png", 1920, 1080)
    write_image(folder / "product-shot.jpg", 4000, 3000)
    write_image(folder / "thumbnail.webp", 512, 512)
    write_image(folder / "portrait.tif", 2048, 3072)
    shutil.copy(ROOT / "tests" / "fixtures" / "heic" / "grid.heic", folder / "iphone-photo.heic")
    (folder / "archive-scan.png").write_bytes(png_header_only(12000, 9000))
    (folder / "notes.txt").write_text("shot list")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 cut off")
    return folder


def _page(scratch: Path) -> Path:
    """ImagineArt's page as saved a week after the catalog: one price changed, two new models."""
    from tests.credits_pages import PAGE, row, with_price

    page = with_price("Flux Dev", "7")
    line = row("Seedream v4")
    added = [line.replace("Seedream v4", "Seedream v5 Pro"), line.replace("Seedream v4", "Aurora 2")]
    page = page.replace(line, "\n".join([line, *added]), 1)
    assert page != PAGE
    path = scratch / "Image Credits - ImagineArt.md"
    path.write_text(page, encoding="utf-8")
    os.utime(path, (1_796_126_400, 1_796_126_400))  # saved 2026-12-01 at noon UTC: the review names the day
    return path


@dataclass(frozen=True)
class Shot:
    name: str
    scheme: str = "light"
    settings: str = ""
    opens: Callable[[Path], Path] | None = None


SHOTS = (
    Shot("main-window-light.png"),
    Shot("main-window-dark.png", "dark"),
    Shot("upscale-batch.png", opens=_batch),
    Shot("estimate-light.png", settings=BALANCE, opens=lambda _: SAMPLE),
    Shot("estimate-dark.png", "dark", BALANCE, lambda _: SAMPLE),
    Shot("price-update.png", opens=_page),
)


def take(shot: Shot, out: Path, scratch: Path) -> subprocess.CompletedProcess[str]:
    """Run `imagine-calc --screenshot` for `shot` into `out` (and out.txt), with its own empty
    config folder and a fixed locale, so the words come out the same on any machine."""
    config = scratch / "config"
    config.mkdir(parents=True, exist_ok=True)
    if shot.settings:
        (config / "settings.ini").write_text(shot.settings, encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "IMAGINE_CALC_CONFIG_DIR": str(config),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    env.pop("IMAGINE_CALC_OVERRIDE", None)
    argv = [sys.executable, "-m", "imagine_calc", "--screenshot", str(out), "--color-scheme", shot.scheme]
    if shot.opens is not None:
        argv.append(str(shot.opens(scratch)))
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)


def retake() -> int:
    for shot in SHOTS:
        with tempfile.TemporaryDirectory() as scratch:
            done = take(shot, SCREENSHOTS / shot.name, Path(scratch))
        print(f"{shot.name}: {'ok' if done.returncode == 0 else 'FAILED ' + done.stderr}")
        if done.returncode:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(retake())
