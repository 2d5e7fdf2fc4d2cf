"""A setting is one declaration: with it alone a value is read, bounded, defaulted and written.
Each kind refuses what it does not take with the words the banner shows."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings

from imagine_calc.core.catalog.loader import load_with_override
from imagine_calc.core.limits import MAX_BALANCE, MAX_IMAGES
from imagine_calc.gui.shared import settings_keys as keys
from imagine_calc.gui.shared.settings_keys import FORMAT, SETTINGS, UPGRADES
from imagine_calc.gui.shared.settings_options import (
    BytesOption,
    ChoiceOption,
    DateOption,
    FlagOption,
    Option,
    TextOption,
    Unfit,
    WholeOption,
)
from imagine_calc.gui.shared.settings_store import SettingsStore

#: Throwaway settings no version of the app has: declared here, used nowhere else.
LUCKY = WholeOption("test/lucky_number", 7, least=1, most=99)
NICKNAME = TextOption("test/nickname", "anon", pattern=re.compile(r"^[a-z]+$"), limit=12)


def store_at(ini: Path, *options: Option[Any]) -> SettingsStore:
    return SettingsStore(QSettings(str(ini), QSettings.Format.IniFormat), options=options)


def test_one_declaration_is_enough_for_a_setting_to_be_read_bounded_defaulted_and_written(
    tmp_path: Path, qapp: object
) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text("[test]\nlucky_number=500\nnickname=zed\n")
    store = store_at(ini, LUCKY, NICKNAME)
    assert store.get(NICKNAME) == "zed"  # read
    assert store.get(LUCKY) == 7  # bounded: 500 is out of 1 to 99, so the default
    (said,) = store.problems  # said at the start, once, with the copy kept aside
    assert said.startswith("Setting test/lucky_number was '500' (not a whole number from 1 to 99); using 7.")
    (kept,) = tmp_path.glob("settings.ini.*.set-aside")
    assert kept.name in said
    store.set(LUCKY, 42)
    store.set(NICKNAME, "averyveryverylongname")  # longer than it may be read back: kept to its limit
    store.sync()
    again = store_at(ini, LUCKY, NICKNAME)
    assert again.problems == []
    assert (again.get(LUCKY), again.get(NICKNAME)) == (42, "averyveryver")
    fresh = store_at(tmp_path / "none.ini", LUCKY, NICKNAME)
    assert (fresh.get(LUCKY), fresh.get(NICKNAME), fresh.problems) == (7, "anon", [])  # defaulted


def test_every_declared_setting_writes_its_default_so_it_reads_back_unsaid(
    tmp_path: Path, qapp: object
) -> None:
    ini = tmp_path / "settings.ini"
    store = store_at(ini, *SETTINGS)
    for option in SETTINGS:
        store.set(option, option.default)
    store.sync()
    again = store_at(ini, *SETTINGS)
    assert again.problems == []
    assert [again.get(option) for option in SETTINGS] == [option.default for option in SETTINGS]


def test_each_key_is_declared_once_and_every_declaration_is_read_at_the_start() -> None:
    declared = [v for v in vars(keys).values() if isinstance(v, Option)]
    assert set(SETTINGS) == set(declared) - {FORMAT}
    names = [option.key for option in declared]
    assert len(names) == len(set(names))


def test_each_upgrade_step_ends_at_the_format_it_makes() -> None:
    for n, step in enumerate(UPGRADES):
        values: dict[str, object] = {"quote/model": "flux-dev"} if n == 0 else {FORMAT.key: n}
        step(values)
        assert values[FORMAT.key] == n + 1
    assert keys.FORMAT_VERSION == len(UPGRADES) >= 1


def test_bounds_come_from_the_limits() -> None:
    assert (keys.IMAGES.least, keys.IMAGES.most) == (1, MAX_IMAGES)
    for balance in (keys.SUBSCRIPTION, keys.TOP_UP, keys.FREE_DAILY):
        assert (balance.least, balance.most) == (0, MAX_BALANCE)


def test_every_model_id_tier_and_ratio_of_the_bundled_catalog_has_the_shape_the_store_checks() -> None:
    """The store checks shapes only (the window fits the rest): they must never refuse what the
    catalog offers, or a saved choice would be thrown away at every start."""
    catalog = load_with_override().catalog
    for model in catalog.models:
        assert keys.MODEL.parse(model.id) == model.id
        for ratio in model.aspect_ratios:
            assert keys.ASPECT_RATIO.parse(ratio) == ratio
    for tier in ("1K", "2K", "3K", "4K"):
        assert keys.RESOLUTION.parse(tier) == tier


WHOLE = WholeOption("k/whole", 1, least=1, most=1_000)
TEXT = TextOption("k/text", "", pattern=re.compile(r"^\d+:\d+$"), limit=8)


@pytest.mark.parametrize(
    ("option", "raw", "read"),
    [
        (WHOLE, "12", 12),
        (WHOLE, 12, 12),
        (FlagOption("k/flag", False), "true", True),
        (FlagOption("k/flag", True), "0", False),
        (FlagOption("k/flag", False), True, True),
        (DateOption("k/date", None), "2026-12-20", dt.date(2026, 12, 20)),
        (DateOption("k/date", dt.date(2026, 1, 1)), "", None),
        (TEXT, "16:9", "16:9"),
        (ChoiceOption("k/tier", "1K", choices=("1K", "2K")), "2K", "2K"),
    ],
)
def test_each_kind_reads_what_qt_hands_back(option: Option[Any], raw: object, read: object) -> None:
    assert option.parse(raw) == read


@pytest.mark.parametrize(
    ("option", "raw", "why"),
    [
        (WHOLE, "1e999999", "not a whole number from 1 to 1,000"),
        (WHOLE, "1001", "not a whole number from 1 to 1,000"),
        (WHOLE, "9" * 5000, "not a whole number from 1 to 1,000"),
        (WHOLE, True, "not a whole number from 1 to 1,000"),
        (WHOLE, ["1", "2"], "not a whole number from 1 to 1,000"),  # `images=1, 2`: a list to Qt
        (FlagOption("k/flag", False), "yes", "not true or false"),
        (DateOption("k/date", None), "2026-02-30", "not a date"),
        (DateOption("k/date", None), "next tuesday", "not a date as YYYY-MM-DD"),
        (TEXT, "16:9:1", "not a value this setting takes"),
        (TEXT, "1234567:1", "not a value this setting takes"),  # 9 characters, over its limit
        (TEXT, QByteArray(b"16:9"), "not a value this setting takes"),
        (ChoiceOption("k/tier", "1K", choices=("1K", "2K")), "16K", "not one of 1K, 2K"),
        (BytesOption("k/bytes", None), "hello", "not what Qt saves for it"),
    ],
)
def test_each_kind_refuses_what_it_does_not_take_saying_why(
    option: Option[Any], raw: object, why: str
) -> None:
    with pytest.raises(Unfit) as refused:
        option.parse(raw)
    assert str(refused.value) == why
