"""File > Update prices and Revert, without the window: which drop is a saved credits page, a
chosen file that is not one said in a message (a dropped one left to the upscale quotes), a page
applied to the user's override and handed to the session, and a revert with nothing to go back to.

Prices from ImagineArt's Image Credits page (tests/credits_pages.py): Flux Dev costs 5."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.session import Part, Session
from imagine_calc.gui.prices.price_updates import PriceUpdates, dropped_page
from imagine_calc.gui.prices.update_dialog import PriceUpdateDialog
from tests.credits_pages import PAGE, with_price
from tests.gui.dialogs import Dialogs


def mime(*urls: QUrl) -> QMimeData:
    data = QMimeData()
    data.setUrls(list(urls))
    return data


def saved(path: Path, text: str = PAGE) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_single_saved_page_dropped_is_taken_for_a_credits_page(tmp_path: Path) -> None:
    for name in ("image-credits.md", "Image Credits.HTML", "credits.htm", "page.markdown", "page.txt"):
        page = saved(tmp_path / name)
        assert dropped_page(mime(QUrl.fromLocalFile(str(page)))) == page


def test_anything_else_dropped_is_not(tmp_path: Path) -> None:
    page, other = saved(tmp_path / "image-credits.md"), saved(tmp_path / "notes.md")
    assert dropped_page(mime(QUrl.fromLocalFile(str(page)), QUrl.fromLocalFile(str(other)))) is None  # two
    assert dropped_page(mime(QUrl.fromLocalFile(str(saved(tmp_path / "photo.png"))))) is None
    assert dropped_page(mime(QUrl.fromLocalFile(str(tmp_path / "gone.md")))) is None  # no such file
    assert dropped_page(mime(QUrl("https://docs.imagine.art/image-credits.md"))) is None
    (tmp_path / "folder.md").mkdir()
    assert dropped_page(mime(QUrl.fromLocalFile(str(tmp_path / "folder.md")))) is None
    assert dropped_page(QMimeData()) is None


class Setup:
    def __init__(self, qtbot: QtBot, override_file: Path) -> None:
        self.window = QMainWindow()
        qtbot.addWidget(self.window)
        self.session = Session(load_with_override(override_file), GenerationRequest("flux-dev"))
        self.updates = PriceUpdates(self.window, self.session)
        self.told: list[frozenset[Part]] = []
        self.session.listen(self.told.append)

    def said(self) -> str:
        return self.window.statusBar().currentMessage()


@pytest.fixture
def setup(qtbot: QtBot, override_file: Path) -> Setup:
    return Setup(qtbot, override_file)


def test_a_chosen_file_that_is_no_credits_page_gets_one_message(
    setup: Setup, tmp_path: Path, dialogs: Dialogs
) -> None:
    notes = saved(tmp_path / "notes.md", "# Shopping\n\n- milk\n")
    assert setup.updates.review(notes) is False
    ((title, text),) = dialogs.warnings()
    assert title == "Not a credits page" and text.startswith("notes.md: ")
    assert setup.updates.review(notes, dropped=True) is False
    assert len(dialogs.shown) == 1  # dropped, it is left to the upscale quotes: no second message


def test_a_page_that_matches_the_prices_in_use_changes_nothing_and_says_so(
    setup: Setup, tmp_path: Path
) -> None:
    assert setup.updates.review(saved(tmp_path / "image-credits.md")) is True
    assert setup.said() == "image-credits.md: no changes, the prices in use match the page."
    assert setup.told == []


def test_an_applied_page_is_the_override_and_the_sessions_prices(
    qtbot: QtBot, setup: Setup, tmp_path: Path, override_file: Path
) -> None:
    dialog = setup.updates.review(saved(tmp_path / "image-credits.md", with_price("Flux Dev", "7")))
    assert isinstance(dialog, PriceUpdateDialog) and dialog.parent() is setup.window
    qtbot.addWidget(dialog)
    dialog.accept()  # Apply
    assert setup.session.view.quote.total == Decimal(7)  # was 5
    assert Part.CATALOG in setup.told[-1]
    assert load_with_override(override_file).catalog.model("flux-dev").tier_prices["1K"] == Decimal(7)
    assert setup.said().startswith("Prices updated from image-credits.md; ")
    assert setup.said().endswith("(File > Revert prices to before the last change).")


def test_a_cancelled_review_changes_nothing(
    qtbot: QtBot, setup: Setup, tmp_path: Path, override_file: Path
) -> None:
    dialog = setup.updates.review(saved(tmp_path / "image-credits.md", with_price("Flux Dev", "7")))
    assert isinstance(dialog, PriceUpdateDialog)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert setup.told == [] and not override_file.exists()


def test_revert_with_nothing_to_go_back_to_says_so(
    setup: Setup, dialogs: Dialogs, override_file: Path
) -> None:
    assert setup.updates.revert() is False
    (shown,) = dialogs.shown
    assert shown.title == "Nothing to revert" and str(override_file) in shown.text
    assert setup.told == []
