"""Nothing the app saved can stop it from starting: bad settings, a bad working estimate or a
bad override are set aside or reported, never deleted, and the window opens and quotes."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from imagine_calc.gui.main_window import MainWindow

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")


def banner(window: MainWindow) -> str:
    label = window.findChild(QLabel, "bannerText")
    return label.text() if window.banner.isVisible() else ""


def test_a_tampered_catalog_cache_is_set_aside_and_said(
    user_dirs: Path, make_window: Callable[[], MainWindow]
) -> None:
    from imagine_calc.core.catalog.loader import load_with_override

    load_with_override()  # writes the cache
    (cached,) = (user_dirs / "cache").glob("catalog-*.json")
    cached.write_text(cached.read_text().replace('"5"', '"NaN"', 1))
    window = make_window()
    assert f"The catalog cache {cached.name} was not used" in banner(window)
    window.session.select_model("flux-dev")
    assert window.findChild(QLabel, "totalLabel").text() == "5 credits"
    assert list((user_dirs / "cache").glob("catalog-*.set-aside"))


def test_settings_out_of_bounds_are_replaced_said_and_kept_aside(
    user_dirs: Path, make_window: Callable[[], MainWindow]
) -> None:
    ini = user_dirs / "settings.ini"
    ini.write_text(
        "[quote]\nresolution=16K\nimages=99999999999999999999\nmodel=flux-dev\n"
        "[budget]\nsubscribed=true\nsubscription=1e999999\ntop_up=-5\n"
        "[money]\nper_credit=99999999999999999999\n"
    )
    before = ini.read_text()
    window = make_window()
    assert window.session.request.model_id == "flux-dev" and window.session.request.resolution == "1K"
    assert window.findChild(QLabel, "totalLabel").text() == "5 credits"
    text = banner(window)
    for key in ("quote/resolution", "quote/images", "budget/subscription", "budget/top_up"):
        assert key in text
    (kept,) = user_dirs.glob("settings.ini.*.set-aside")
    assert kept.read_text() == before
    panel = window.estimates.show()  # the Estimate tab opens with the balance box
    assert panel.budget_box.subscription.value() == 0
    assert panel.budget_box.rate() is None  # a 20-digit rate is no rate


def test_one_bad_setting_reads_as_written_in_the_banner_not_as_entities(
    user_dirs: Path, make_window: Callable[[], MainWindow]
) -> None:
    """The banner is always rich text (RichLabel): a single message, with no tag for Qt to
    guess from, shows its quotes as quotes, not "&#x27;" (issue 25.4)."""
    (user_dirs / "settings.ini").write_text("[quote]\nresolution=16K\n")
    window = make_window()
    label = window.findChild(QLabel, "bannerText")
    assert label.textFormat() == Qt.TextFormat.RichText
    shown = QTextDocument()
    shown.setHtml(label.text())
    assert shown.toPlainText().startswith(
        "Setting quote/resolution was '16K' (not one of 1K, 2K, 3K, 4K); using '1K'."
    )


@posix_only
def test_a_fifo_where_the_settings_file_should_be_is_set_aside(
    user_dirs: Path, make_window: Callable[[], MainWindow]
) -> None:
    os.mkfifo(user_dirs / "settings.ini")
    window = make_window()  # QSettings would wait for a writer forever
    assert "set aside" in banner(window)
    assert list(user_dirs.glob("settings.ini.*.set-aside"))


@pytest.mark.parametrize(
    "working_copy",
    [
        '{"format": "imagine-calc-estimate", "format_version": 1, "items": ['
        + ",".join(
            [
                '{"kind": "upscale", "engine": "topaz", "scale": 4, "count": 100000,'
                ' "sizes": [[2147483647, 2147483647]]}'
            ]
            * 100
        )
        + "]}",
        "[" * 100_000,
        '{"format": "imagine-calc-estimate", "format_version": ' + "9" * 5000 + "}",
    ],
    ids=["huge-numbers", "deep-nesting", "5000-digits"],
)
def test_a_working_estimate_that_cannot_be_read_is_set_aside_and_the_tab_opens(
    user_dirs: Path, make_window: Callable[[], MainWindow], working_copy: str
) -> None:
    (user_dirs / "unsaved-estimate.icalc.json").write_text(working_copy)  # as earlier versions kept it
    window = make_window()
    panel = window.estimates.show()
    assert panel.model.rowCount() == 0
    assert "could not be read" in banner(window) and "set aside" in banner(window)
    (aside,) = (user_dirs / "working-estimates").glob("*.icalc.json.*.set-aside")
    assert aside.read_text() == working_copy  # nothing lost
    window.close()
    assert panel.document.session.exists() and aside.read_text() == working_copy


@posix_only
def test_a_fifo_as_the_working_estimate_is_set_aside(
    user_dirs: Path, make_window: Callable[[], MainWindow]
) -> None:
    os.mkfifo(user_dirs / "unsaved-estimate.icalc.json")
    window = make_window()
    window.estimates.show()
    assert "not a regular file" in banner(window)


def test_an_override_with_an_impossible_price_is_reported_and_the_window_quotes(
    override_file: Path, make_window: Callable[[], MainWindow]
) -> None:
    override_file.write_text("models:\n  - id: flux-dev\n    price: 9223372036854775808\n")
    window = make_window()
    assert "line 3" in banner(window) and "1,000,000" in banner(window)
    window.session.select_model("flux-dev")
    assert window.findChild(QLabel, "totalLabel").text() == "5 credits"


def test_typing_a_30_digit_rate_shows_no_money_and_is_kept_harmless(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    panel = window.estimates.show()
    window.add_to_estimate()
    rate = panel.findChild(QLineEdit, "ratePerCredit")
    qtbot.keyClicks(rate, "9" * 30)
    assert panel.budget_box.rate() is None
    note = panel.findChild(QLabel, "rateNote").text()
    assert "A price per credit must be a number from 0 to 1,000,000,000" in note
    assert "no money shown" in note
    window.close()
    again = make_window()
    again.estimates.show()  # the saved 30 digits do not stop the tab from opening


def test_an_estimate_at_every_bound_opens_and_shows_its_total(
    user_dirs: Path, make_window: Callable[[], MainWindow]
) -> None:
    """The largest numbers the limits allow reach the window's formatting (1e25 credits
    segfaulted Qt's 64-bit formatting before)."""
    line = (
        '{"kind": "upscale", "engine": "topaz", "scale": 4, "count": 100000, "sizes": '
        + json.dumps([[1_000_000, 1_000_000]] * 100)
        + "}"
    )
    (user_dirs / "unsaved-estimate.icalc.json").write_text(
        '{"format": "imagine-calc-estimate", "format_version": 1, "items": [' + ",".join([line] * 3) + "]}"
    )
    window = make_window()
    panel = window.estimates.show()
    assert panel.model.rowCount() == 3
    digits = "".join(c for c in panel.total.text() if c.isdigit())
    assert digits == str(
        20 * 1_000_000 * 3 * 100 * 100_000 * 3
    )  # base x MP x factor x images x count x lines
    window.add_to_estimate()  # and it keeps working
    assert panel.model.rowCount() == 4


def test_a_file_where_the_working_estimates_folder_should_be_still_opens_the_window(
    user_dirs: Path, make_window: Callable[[], MainWindow]
) -> None:
    (user_dirs / "working-estimates").write_text("not a folder")
    window = make_window()
    panel = window.estimates.show()
    assert panel.model.rowCount() == 0
    assert "Working estimates cannot be kept" in banner(window)
    assert (user_dirs / "working-estimates").read_text() == "not a folder"  # left as it was


@pytest.mark.parametrize(
    ("saved", "model", "said"),
    [
        ("model=flux-dev\nresolution=4K", "flux-dev", "Flux Dev goes up to 1K"),
        ("model=nano-banana-2\naspect_ratio=99:1", "nano-banana-2", "has no 99:1 aspect ratio"),
        ("model=gone-model\nresolution=2K", "nano-banana-2", "(gone-model) is not in the prices in use"),
    ],
)
def test_saved_settings_an_older_catalog_allowed_are_fitted_and_said(
    user_dirs: Path, make_window: Callable[[], MainWindow], saved: str, model: str, said: str
) -> None:
    (user_dirs / "settings.ini").write_text(f"[quote]\n{saved}\n")
    window = make_window()
    assert window.session.request.model_id == model
    assert said in banner(window)
    assert window.findChild(QLabel, "totalLabel").text()  # quoted, as for any start


def test_a_setting_fitted_while_the_window_runs_is_said_in_the_status_bar(window: MainWindow) -> None:
    from imagine_calc.core.pricing.requests import GenerationRequest

    window.session.set_request(GenerationRequest("flux-dev", "4K"))
    assert "Flux Dev goes up to 1K" in window.statusBar().currentMessage()


@pytest.mark.parametrize("written_by", ["4c8b5b0", "c071a42", "d57bfed"])
def test_settings_every_earlier_version_wrote_start_the_window_as_they_were_saved(
    user_dirs: Path, make_window: Callable[[], MainWindow], written_by: str
) -> None:
    fixture = Path(__file__).parents[1] / "fixtures" / "settings" / f"written-by-{written_by}.ini"
    (user_dirs / "settings.ini").write_bytes(fixture.read_bytes())
    model = {"4c8b5b0": "chatgpt", "c071a42": "flux-dev", "d57bfed": "seedream-v4"}[written_by]
    window = make_window()
    assert banner(window) == ""
    assert window.session.request.model_id == model and window.generate.view.currentIndex().data()
    window.close()
    assert "format_version=1" in (user_dirs / "settings.ini").read_text()  # upgraded on the way out


def test_settings_a_newer_version_wrote_start_the_window_saying_so(
    user_dirs: Path, make_window: Callable[[], MainWindow]
) -> None:
    ini = user_dirs / "settings.ini"
    ini.write_text("[General]\nformat_version=2\n[quote]\nmodel=flux-dev\n[later]\nfeature=on\n")
    window = make_window()
    assert "written by a newer version of imagine-calc" in banner(window)
    assert window.session.request.model_id == "flux-dev"
    window.close()
    assert "format_version=2" in ini.read_text() and "feature=on" in ini.read_text()
    (kept,) = user_dirs.glob("settings.ini.*.set-aside")
    assert "[later]" in kept.read_text()
