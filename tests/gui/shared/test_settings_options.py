"""Each kind of setting writes a value so that it reads back the same from the file Qt keeps, and
names a value as the banner says it ("was '5000' ...; using 1")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings

from imagine_calc.gui.shared.settings_options import (
    BytesOption,
    ChoiceOption,
    DateOption,
    FlagOption,
    Option,
    TextOption,
    WholeOption,
)

RATIO = TextOption("quote/aspect_ratio", "1:1", pattern=re.compile(r"^\d+:\d+$"))
PATH = TextOption("estimate/path", "", limit=4096)
PRICE = TextOption("money/plan_price", "")
WHOLE = WholeOption("budget/top_up", 0, least=0, most=1_000_000_000)


def written_and_read(tmp_path: Path, option: Option[Any], value: object) -> object:
    """`value` written by `option` to an INI file as the app's store writes it, read by a new
    QSettings as at the next start, and parsed."""
    ini = str(tmp_path / "settings.ini")
    first = QSettings(ini, QSettings.Format.IniFormat)
    first.setValue(option.key, option.stored(value))
    first.sync()
    return option.parse(QSettings(ini, QSettings.Format.IniFormat).value(option.key))


@pytest.mark.parametrize(
    ("option", "value"),
    [
        (RATIO, "16:9"),
        (PATH, "/home/ann/plans, 2026/spring campaign.icalc.json"),  # a comma: Qt's list separator
        (PRICE, "1,000.50"),  # a price typed with the locale's separators
        (ChoiceOption("quote/resolution", "1K", choices=("1K", "2K", "4K")), "4K"),
        (FlagOption("budget/subscribed", False), True),
        (FlagOption("budget/subscribed", True), False),
        (WHOLE, 0),
        (WHOLE, 1_000_000_000),
        (DateOption("budget/renewal", None), dt.date(2027, 3, 4)),
        (DateOption("budget/renewal", dt.date(2027, 3, 4)), None),  # no date, not the default
        (BytesOption("window/geometry", None), QByteArray(b"\x01\xd9\xd0\xcb\x00,\x00=")),
    ],
)
def test_every_kind_reads_back_what_it_wrote(
    qapp: object, tmp_path: Path, option: Option[Any], value: object
) -> None:
    assert written_and_read(tmp_path, option, value) == value


def test_text_is_kept_to_its_limit_so_it_reads_back() -> None:
    currency = TextOption("money/currency", "", limit=8)
    assert currency.stored("Euros of the Union") == "Euros of"
    assert currency.parse(currency.stored("Euros of the Union")) == "Euros of"


@pytest.mark.parametrize(
    ("option", "value", "shown"),
    [
        (WHOLE, 1, "1"),
        (RATIO, "1:1", "'1:1'"),
        (FlagOption("budget/subscribed", False), False, "False"),
        (DateOption("budget/renewal", None), dt.date(2027, 3, 4), "'2027-03-04'"),
        (DateOption("budget/renewal", None), None, "''"),
        (BytesOption("window/geometry", None), None, "nothing"),
        (BytesOption("window/geometry", None), QByteArray(b"abc"), "3 bytes"),  # not the bytes themselves
    ],
)
def test_a_value_is_named_as_the_banner_says_it(option: Option[Any], value: object, shown: str) -> None:
    assert option.shown(value) == shown
