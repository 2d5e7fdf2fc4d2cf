"""The balance bar, read from its pixels: red only when short, the hatched cap only where a
price is a lower bound, balances as wide as they hold, crisp at a scale of 1.5, light and dark;
hovering a part says its sentence, and a screen reader hears all of them."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.budget import Balances, BudgetPlan, plan_budget
from imagine_calc.core.estimates.budget_bar import Part
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.text.budget import UNKNOWN_PART
from imagine_calc.gui.estimate.balance_bar import BalanceBar
from imagine_calc.gui.shared.bar_painting import BarColours
from imagine_calc.gui.shared.markup import TOOLTIP_START
from imagine_calc.gui.shared.theme import dark_palette, shortfall_red
from tests.gui.shown import visible

CATALOG = load_catalog()
FLUX_100 = ("flux-dev", "1K", 100)  # 500 credits
UNKNOWN = ("midjourney-v7", "1K", 1)


def plan(balances: Balances, *lines: tuple[str, str, int]) -> BudgetPlan:
    items = tuple(GenerationItem(GenerationRequest(m, r), n) for m, r, n in lines)
    return plan_budget(balances, price_estimate(CATALOG, Estimate(items)))


def palettes() -> dict[str, QPalette]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return {"light": app.style().standardPalette(), "dark": dark_palette()}


@pytest.fixture(params=["light", "dark"])
def bar(request: pytest.FixtureRequest, qtbot: QtBot) -> BalanceBar:
    widget = BalanceBar()
    widget.setPalette(palettes()[request.param])
    widget.setAutoFillBackground(True)
    qtbot.addWidget(widget)
    widget.resize(400, widget.sizeHint().height())
    return widget


def middle_row(image: QImage) -> list[QColor]:
    y = image.height() // 2
    return [image.pixelColor(x, y) for x in range(image.width())]


def runs(row: list[QColor]) -> list[tuple[str, int]]:
    """The row as (colour, length) runs, left to right."""
    out: list[tuple[str, int]] = []
    for colour in row:
        name = colour.name()
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + 1)
        else:
            out.append((name, 1))
    return out


def grab(bar: BalanceBar, ratio: float = 1.0) -> QImage:
    pixmap = QPixmap(bar.size() * ratio)
    pixmap.setDevicePixelRatio(ratio)
    bar.render(pixmap)
    return pixmap.toImage()


def count(image: QImage, colour: QColor) -> int:
    return sum(
        c == colour
        for y in range(image.height())
        for c in [image.pixelColor(x, y) for x in range(image.width())]
    )


def test_red_shows_only_when_the_balances_fall_short(bar: BalanceBar) -> None:
    red = shortfall_red(bar.palette())
    bar.show_plan(plan(Balances(True, D(300), None, D(100)), FLUX_100))  # 400 for 500: short by 100
    image = grab(bar)
    reds = [c == red for c in middle_row(image)]
    assert sum(reds) == pytest.approx(400 * 100 / 500, abs=2)
    assert reds.index(True) > 300 and reds[-1]  # after the balances, to the end
    bar.show_plan(plan(Balances(True, D(1000)), FLUX_100))
    assert count(grab(bar), red) == 0


def test_the_hatched_cap_shows_only_where_a_price_is_a_lower_bound(bar: BalanceBar) -> None:
    cap = BarColours.of(bar.palette()).cap
    bar.show_plan(plan(Balances(True, D(2000)), FLUX_100))
    assert count(grab(bar), cap) == 0
    bar.show_plan(plan(Balances(True, D(2000)), FLUX_100, UNKNOWN))
    image = grab(bar)
    columns = {
        x for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y) == cap
    }
    # Where the known part ends (500 of 2,000 used), twelve pixels wide, and nowhere else.
    assert min(columns) == 100 and max(columns) == 111
    x = 105  # hatched: the cap's colour in some rows of its middle, not all (no solid block)
    column = [image.pixelColor(x, y) == cap for y in range(3, image.height() - 3)]
    assert any(column[1:-1]) and not all(column[1:-1])


def test_balances_are_as_wide_as_they_hold_and_used_is_filled(bar: BalanceBar) -> None:
    colours = BarColours.of(bar.palette())
    bar.show_plan(plan(Balances(True, D(3000), None, D(1000)), ("flux-dev", "1K", 400)))  # 2,000 of 3,000
    row = middle_row(grab(bar))
    used = [c == colours.used[0] for c in row]
    left_sub = [c == colours.left[0] for c in row]
    top_up = [c in (colours.left[1], colours.used[1]) for c in row]
    assert sum(used) == pytest.approx(400 * 2000 / 4000, abs=2)  # framed: the frame is the same colour
    assert sum(left_sub) == pytest.approx(400 * 1000 / 4000, abs=3)
    assert sum(top_up) == pytest.approx(400 * 1000 / 4000, abs=2)
    assert colours.used[0] != colours.used[1] and colours.left[0] != colours.left[1]


def test_crisp_at_a_scale_of_one_and_a_half(bar: BalanceBar) -> None:
    """No edge is a blend: every pixel of the bar's middle row is one of its own colours."""
    colours = BarColours.of(bar.palette())
    bar.show_plan(plan(Balances(False, top_up=D(500), free_daily=D(100)), ("flux-dev", "1K", 90)))
    image = grab(bar, 1.5)
    assert image.width() == 600
    known = {c.name() for c in (*colours.used, *colours.left, bar.palette().color(QPalette.ColorRole.Window))}
    shown = runs(middle_row(image))
    assert {name for name, _ in shown} <= known, shown
    # 100 free credits used, 350 of the top-up used and 150 left, in 600 device pixels (give or
    # take the pixel where two meet); the top-up's frame a device pixel at its end.
    wide = [(name, n) for name, n in shown if n > 1]
    assert [name for name, _ in wide] == [
        c.name() for c in (colours.used[0], colours.used[1], colours.left[1])
    ]
    assert [n for _, n in wide] == pytest.approx([100, 350, 150], abs=1)


def test_hovering_a_part_says_its_sentence_and_the_description_says_them_all(
    bar: BalanceBar, qtbot: QtBot
) -> None:
    bar.show_plan(plan(Balances(True, D(100), None, D(300)), FLUX_100, UNKNOWN))  # short by 100, open
    spans = bar.spans()
    assert [s.part for s in spans] == [Part.USED, Part.USED, Part.SHORT, Part.OPEN]
    said = []
    for span in spans:
        x = int((span.x0 + span.x1) / 2)
        event = QHelpEvent(QEvent.Type.ToolTip, QPoint(x, bar.height() // 2), bar.mapToGlobal(QPoint(x, 5)))
        bar.event(event)
        assert bar.toolTip().startswith(TOOLTIP_START)
        said.append(visible(bar.toolTip()))
    assert said[0] == "Subscription credits: 100 of 100 used, 0 left"
    assert said[1] == "Top-up credits: 300 of 300 used, 0 left"
    assert said[2] == "Short by at least 100 credits: some prices are not known."
    assert said[3] == UNKNOWN_PART
    assert bar.accessibleDescription() == " ".join(
        ["Balances in the order they are spent.", f"{said[0]}.", f"{said[1]}.", said[2], said[3]]
    )
    bar.show_plan(plan(Balances(True, D(2000)), FLUX_100, UNKNOWN))  # the cap over what is left
    (cap,) = [s for s in bar.spans() if s.part is Part.OPEN]
    assert bar.words_at(cap.x0 + 1) == UNKNOWN_PART
    assert bar.words_at(cap.x1 + 1).startswith("Subscription credits: at least 500 of ")


def test_hidden_without_a_plan_or_anything_to_draw(bar: BalanceBar) -> None:
    bar.show()
    bar.show_plan(plan(Balances(True, D(500)), FLUX_100))
    assert bar.isVisible()
    bar.show_plan(None)
    assert not bar.isVisible() and bar.accessibleDescription() == ""
    bar.show_plan(plan(Balances(True, D(0)), ("flux-dev", "1K", 0)))
    assert not bar.isVisible()
