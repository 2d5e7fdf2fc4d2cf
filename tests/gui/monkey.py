"""A seeded random walk of real user actions through every tab, checking after each one that
the window is alive and every total on screen is the core's figure for what is shown.

Used by tests/gui/test_monkey.py (short walks in the suite) and benchmarks/monkey.py (long
ones). A failure names the seed and the step, so `python benchmarks/monkey.py --seed N`
replays it exactly.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QSpinBox, QWidget

from imagine_calc.core.errors import QuoteError
from imagine_calc.core.estimates.estimate import Estimate, price_estimate
from imagine_calc.core.images.image_size import ImageSize
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.upscale import quote_upscale
from imagine_calc.gui.main_window import MainWindow
from imagine_calc.gui.shared import locale_numbers as numbers
from tests.credits_pages import with_price
from tests.gui.dialogs import Dialogs, answer_message_boxes
from tests.gui.restarts import BetweenStarts
from tests.images import png_header_only, write_image

ODD_TEXT = [
    "",
    "0",
    "-1",
    "99999999999999999999",
    "1e999999",
    "123456789012345678901234567890",
    "NaN",
    "73,5",
    "12.5",
    "banana",
    "ünïcødé ✓",
    "=HYPERLINK(1)",
    " ",
    "4",
    "100000",
]


@dataclass
class Fixtures:
    """Files a user drops or opens: good, broken and strange."""

    root: Path
    images: list[Path] = field(default_factory=list)
    bad: list[Path] = field(default_factory=list)
    folder: Path | None = None
    estimates: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)

    @classmethod
    def make(cls, root: Path) -> Fixtures:
        f = cls(root)
        for i, (w, h) in enumerate([(1920, 1080), (640, 480), (4000, 3000), (16, 16), (3000, 4000)]):
            f.images.append(write_image(root / f"img{i}.png", w, h))
        huge = root / "huge.png"
        huge.write_bytes(png_header_only(20000, 20000))
        liar = root / "liar.png"
        liar.write_bytes(png_header_only(4294967295, 4294967295)[:45])
        empty = root / "empty.jpg"
        empty.touch()
        text = root / "notes.png"
        text.write_text("not an image")
        svg = root / "drawing.svg"
        svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
        f.images.append(huge)
        f.bad += [liar, empty, text, svg, root / "missing.png"]
        f.folder = root / "folder"
        for i in range(12):
            write_image(f.folder / f"sub{i % 3}" / f"f{i}.jpg", 100 + i, 100)
        (f.folder / "readme.txt").write_text("hello")
        if os.name == "posix":  # names that are not UTF-8, and a pipe named like an image
            with open(os.path.join(os.fsencode(f.folder), b"caf\xe9 \xff.jpg"), "wb") as fh:
                fh.write(f.images[1].read_bytes())
            os.mkfifo(f.folder / "pipe.png")
            os.mkfifo(root / "pipe.jpg")
            f.bad.append(root / "pipe.jpg")
        good = root / "good.icalc.json"
        good.write_text(
            '{"format": "imagine-calc-estimate", "format_version": 1, "title": "Monkey", "items": ['
            '{"kind": "generation", "model": "nano-banana-pro", "resolution": "4K", "images": 2, "count": 3},'
            '{"kind": "upscale", "engine": "topaz", "scale": 4, "sizes": [[1024, 768], [50, 50]]},'
            '{"kind": "generation", "model": "midjourney-v7", "count": 2}]}'
        )
        broken = root / "broken.icalc.json"
        broken.write_text('{"format": "imagine-calc-estimate", "format_version": 1, "items": [')
        nested = root / "nested.icalc.json"
        nested.write_text("[" * 50_000)
        f.estimates += [good, broken, nested, root / "gone.icalc.json"]
        page = root / "page.md"
        page.write_text(with_price("Flux Dev", "7"))
        zero = root / "zero.md"
        zero.write_text(with_price("Flux Dev", "0"))
        f.pages += [page, zero]
        return f


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key (QTest.keyClicks asserts on characters beyond ASCII)."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


class Monkey:
    """Drives `window` with `seed`; `step()` does one action and checks the totals."""

    def __init__(
        self,
        window: MainWindow,
        fixtures: Fixtures,
        seed: int,
        start: Callable[[], MainWindow] | None = None,
    ) -> None:
        """With `start`, the walk also quits and starts again, changing the catalog and damaging
        saved state in between (tests/gui/restarts.py)."""
        self.window, self.fx, self.seed = window, fixtures, seed
        self.rng = random.Random(seed)
        self.start = start
        self.between_starts = BetweenStarts(
            self.rng, fixtures.pages, lambda: self.window.session.request.model_id
        )
        self.starts = 1
        self.steps = 0
        self.log: list[str] = []
        self.actions: list[tuple[float, Callable[[], None]]] = [
            (6, self.type_in_filter),
            (4, self.move_in_list),
            (4, self.change_resolution),
            (3, self.change_aspect),
            (4, self.type_images),
            (3, self.toggle_enhancer),
            (3, self.add_to_estimate),
            (3, self.switch_tab),
            (2, self.hover_a_model),
            (1, self.sort_list),
            (1, self.record_a_price),
            (3, self.drop_files),
            (1, self.drop_folder),
            (1, self.paste_image),
            (2, self.change_engine_or_scale),
            (1, self.remove_or_clear_rows),
            (1, self.cancel_scan),
            (1, self.add_upscale_to_estimate),
            (3, self.edit_estimate_line),
            (2, self.undo_or_redo),
            (2, self.type_balance),
            (2, self.type_money),
            (1, self.open_estimate_file),
            (1, self.new_estimate),
            (1, self.review_page),
        ]
        if start is not None:
            self.actions.append((1, self.restart))
        self._weights = [w for w, _ in self.actions]

    # --- the walk ----------------------------------------------------------------------------

    def run(self, steps: int) -> None:
        for _ in range(steps):
            self.step()

    def step(self) -> None:
        self.steps += 1
        _, action = self.rng.choices(self.actions, weights=self._weights)[0]
        self.log.append(action.__name__)
        try:
            action()
            QApplication.processEvents()
            self.check()
        except Exception as exc:
            recent = ", ".join(self.log[-8:])
            raise AssertionError(f"monkey seed {self.seed}, step {self.steps} ({recent}): {exc!r}") from exc

    # --- the Generate tab --------------------------------------------------------------------

    def type_in_filter(self) -> None:
        w = self.window
        w.generate.filter.setFocus()
        if self.rng.random() < 0.3:
            QTest.keyClick(w.generate.filter, Qt.Key.Key_Backspace)
        else:
            type_text(w.generate.filter, self.rng.choice(["a", "n", "ba", "pro", "x", "2", " ", "Ü", "flux"]))

    def move_in_list(self) -> None:
        w = self.window
        w.generate.view.setFocus()
        key = self.rng.choice(
            [Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End]
        )
        QTest.keyClick(w.generate.view, key)
        if self.rng.random() < 0.2:
            w.generate.filter.clear()

    def _combo(self, name: str) -> None:
        combo = self.window.findChild(QComboBox, name)
        if combo is not None and combo.isVisible() and combo.count():
            combo.setFocus()
            QTest.keyClick(combo, self.rng.choice([Qt.Key.Key_Down, Qt.Key.Key_Up]))

    def change_resolution(self) -> None:
        self._combo("resolutionCombo")

    def change_aspect(self) -> None:
        self._combo("aspectCombo")

    def type_images(self) -> None:
        spin = self.window.findChild(QSpinBox, "imagesSpin")
        if spin.isVisible():
            spin.setFocus()
            spin.selectAll()
            type_text(spin, self.rng.choice(ODD_TEXT))
            QTest.keyClick(spin, Qt.Key.Key_Return)

    def toggle_enhancer(self) -> None:
        check = self.window.generate.settings_panel.enhancer
        if check.isVisible():
            QTest.mouseClick(check, Qt.MouseButton.LeftButton)

    def add_to_estimate(self) -> None:
        self.window.add_to_estimate()

    def switch_tab(self) -> None:
        self.window.tabs.setCurrentIndex(self.rng.randrange(self.window.tabs.count()))

    def hover_a_model(self) -> None:
        proxy = self.window.generate.proxy
        if proxy.rowCount():
            self.window.generate.view.entered.emit(proxy.index(self.rng.randrange(proxy.rowCount()), 0))

    def sort_list(self) -> None:
        order = self.rng.choice([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
        self.window.generate.view.sortByColumn(self.rng.randrange(3), order)

    def record_a_price(self) -> None:
        dialog = self.window.generate.recordings.ask(self.window.session.request)
        dialog.findChild(QLineEdit, "recordCredits").setText(self.rng.choice(ODD_TEXT))
        if self.rng.random() < 0.6:
            dialog.accept()
        else:
            dialog.reject()
        dialog.deleteLater()

    # --- the Upscale tab ---------------------------------------------------------------------

    def _drop(self, paths: list[Path], urls: list[QUrl] = ()) -> None:  # type: ignore[assignment]
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths] + list(urls))
        drop = QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        self.window.dropEvent(drop)

    def drop_files(self) -> None:
        pool = self.fx.images + self.fx.bad
        paths = self.rng.sample(pool, self.rng.randint(1, 4))
        urls = [QUrl("https://example.com/cat.png")] if self.rng.random() < 0.15 else []
        self._drop(paths, urls)
        if self.rng.random() < 0.5:
            self.window.upscale_panel.wait_until_read(10_000)

    def drop_folder(self) -> None:
        assert self.fx.folder is not None
        self._drop([self.fx.folder])
        self.window.upscale_panel.wait_until_read(10_000)

    def paste_image(self) -> None:
        image = QImage(self.rng.randint(1, 3000), self.rng.randint(1, 3000), QImage.Format.Format_RGB32)
        self.window.show_upscale().add_image(image)

    def change_engine_or_scale(self) -> None:
        panel = self.window.show_upscale()
        combo = self.rng.choice([panel.engine, panel.scale])
        if combo.count():
            combo.setCurrentIndex(self.rng.randrange(combo.count()))

    def remove_or_clear_rows(self) -> None:
        panel = self.window.show_upscale()
        if self.rng.random() < 0.3:
            panel.clear()
        elif panel.model.rowCount():
            panel.table.selectRow(self.rng.randrange(panel.model.rowCount()))
            panel.remove_selected()

    def cancel_scan(self) -> None:
        if self.window.upscale_is_built:
            self.window.upscale_panel.cancel()

    def add_upscale_to_estimate(self) -> None:
        panel = self.window.show_upscale()
        panel.wait_until_read(10_000)
        panel.add_estimate.click()

    # --- the Estimate tab --------------------------------------------------------------------

    def edit_estimate_line(self) -> None:
        panel = self.window.estimates.show()
        model = panel.model
        if not model.rowCount():
            return
        row = self.rng.randrange(model.rowCount())
        choice = self.rng.random()
        if choice < 0.4:
            value: object = self.rng.choice([0, 1, 2, 7, 100_000, 100_001, -3, 10**30])
            model.setData(model.index(row, 2), value)
        elif choice < 0.6:
            model.setData(model.index(row, 0), self.rng.choice(ODD_TEXT))
        elif choice < 0.8:
            panel.table.selectRow(row)
            panel.move_selected(self.rng.choice([-1, 1]))
        else:
            panel.table.selectRow(row)
            panel.remove_selected()

    def undo_or_redo(self) -> None:
        stack = self.window.estimates.undo_stack
        (stack.undo if self.rng.random() < 0.6 else stack.redo)()

    def type_balance(self) -> None:
        box = self.window.estimates.show().budget_box
        if self.rng.random() < 0.2:
            box.subscribed.toggle()
        spin = self.rng.choice([box.subscription, box.top_up, box.free_daily])
        if spin.isEnabled():
            spin.setFocus()
            spin.selectAll()
            type_text(spin, self.rng.choice(ODD_TEXT))

    def type_money(self) -> None:
        box = self.window.estimates.show().budget_box
        edit = self.rng.choice([box.rate_edit, box.plan_price, box.plan_credits, box.currency])
        edit.setText(self.rng.choice(ODD_TEXT))

    def open_estimate_file(self) -> None:
        panel = self.window.estimates.show()
        panel.open(self.rng.choice(self.fx.estimates))

    def new_estimate(self) -> None:
        self.window.estimates.show().new()

    def review_page(self) -> None:
        result = self.window.prices.review(self.rng.choice(self.fx.pages))
        if not isinstance(result, bool):
            result.accept() if self.rng.random() < 0.5 else result.reject()
            result.deleteLater()

    # --- quitting and starting again ------------------------------------------------------

    def restart(self) -> None:
        """Quit as a user does, change what the next start finds, start: the window opens."""
        assert self.start is not None
        self.window.close()
        self.log += self.between_starts.apply()
        self.window = self.start()
        self.starts += 1

    # --- what must hold after every step ----------------------------------------------------

    def check(self) -> None:
        w = self.window
        assert w.isVisible(), "the window is gone"
        catalog = w.session.catalog
        shown = w.generate.total_panel.total.text()
        assert shown == numbers.total(quote_generation(catalog, w.session.request)), (
            f"Generate total {shown!r}"
        )
        if w.estimates.built:
            panel = w.estimates.panel
            priced = price_estimate(catalog, Estimate(tuple(panel.model.items)))
            expected = f"Estimate: {numbers.total(priced.total)}" if priced.items else "Estimate: empty"
            assert panel.total.text() == expected, f"Estimate total {panel.total.text()!r} != {expected!r}"
        if w.upscale_is_built:
            panel = w.upscale_panel
            known = 0
            for row in panel.model.rows:
                if isinstance(row.size, ImageSize):
                    try:
                        quote = quote_upscale(
                            catalog, panel.model.engine_id, panel.model.scale, row.size.width, row.size.height
                        )
                    except QuoteError:
                        continue
                    known += quote.known_total
            assert panel.model.totals().credits == known, "Upscale total differs from the core's"


def quiet_message_boxes() -> Callable[[], None]:
    """Modal message boxes would wait for a click: answer them at once, as a user might."""
    return answer_message_boxes(Dialogs())
