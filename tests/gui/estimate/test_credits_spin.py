"""A box of credits names its unit in the form its number takes, and keeps its width."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from imagine_calc.core import language
from imagine_calc.core.limits import MAX_BALANCE
from imagine_calc.gui.estimate.credits_spin import CreditsSpin


def spin(qtbot: QtBot, least: int = 0) -> CreditsSpin:
    box = CreditsSpin("balance", "Top-up credits", least=least)
    qtbot.addWidget(box)
    return box


def test_one_credit_is_singular_and_more_are_plural(qtbot: QtBot) -> None:
    box = spin(qtbot)
    box.setValue(1)
    assert box.text().endswith(" credit")
    box.setValue(2000)
    assert box.text().endswith(" credits") and "2" in box.text()
    box.setValue(0)
    assert box.text().endswith(" credits")


def test_the_language_decides_which_numbers_are_singular(qtbot: QtBot) -> None:
    language.set_language("fr")  # French: 0 and 1 take the singular (conftest restores English)
    box = spin(qtbot)
    assert box.text() == "0 crédit"
    box.setValue(2)
    assert box.text() == "2 crédits"


def test_the_box_keeps_its_width_while_the_unit_changes(qtbot: QtBot) -> None:
    box = spin(qtbot)
    box.setValue(2)
    wide, least = box.sizeHint(), box.minimumSizeHint()
    box.setValue(1)
    assert (box.sizeHint(), box.minimumSizeHint()) == (wide, least)


def test_its_range_and_name(qtbot: QtBot) -> None:
    box = spin(qtbot, least=1)
    assert (box.minimum(), box.maximum()) == (1, MAX_BALANCE)
    assert box.objectName() == "balance" and box.accessibleName() == "Top-up credits"
    assert box.isGroupSeparatorShown()
