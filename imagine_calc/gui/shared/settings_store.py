"""Remembered settings: one typed method per setting, each value checked when it is read.

The INI file lives in the user's config folder (redirected in tests). Nothing read from it is
trusted: a value out of bounds (`resolution=16K`, a balance of 1e999999, a 30-digit rate) is
replaced by its default and named in `problems`, and the file as it was is first copied aside
(`settings.ini.2026-11-27_16-30-05.set-aside`) so nothing the user had is lost. A file that is
not a regular file (a FIFO would block QSettings forever), too large or unparseable is renamed
aside and the app starts with defaults.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from imagine_calc.core.catalog.records import TIERS
from imagine_calc.core.estimates.budget import Balances
from imagine_calc.core.files import read_bytes, stamp
from imagine_calc.core.limits import MAX_BALANCE, MAX_SETTINGS_BYTES
from imagine_calc.core.numbers import whole
from imagine_calc.core.paths import config_dir
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.writes import copy_aside, set_aside

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_RATIO = re.compile(r"^[1-9][0-9]{0,2}:[1-9][0-9]{0,2}$")
#: Typed money fields are kept as typed, up to this many characters.
MAX_TYPED = 40


@dataclass(frozen=True)
class MoneyFields:
    """What the user typed in the money fields, as text (core/money.py reads it)."""

    per_credit: str = ""
    plan_price: str = ""
    plan_credits: str = ""
    currency: str = ""


class SettingsStore:
    """Typed access to QSettings; `problems` lists what was read wrong and replaced."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.problems: list[str] = []
        self._copied: Path | None = None
        if settings is None:
            path = config_dir() / "settings.ini"
            self._check_file(path)
            settings = QSettings(str(path), QSettings.Format.IniFormat)
            if settings.status() != QSettings.Status.NoError:
                del settings
                self._set_aside(path, "it could not be read as settings")
                settings = QSettings(str(path), QSettings.Format.IniFormat)
        self.qsettings = settings
        self._bad_keys: set[str] = set()
        # Read every setting once now, so whatever is wrong is known (and said) at the start.
        self.request("")
        self.balances()
        self.money()
        self.estimate_session()

    # --- the file ---------------------------------------------------------------------------

    def _check_file(self, path: Path) -> None:
        try:
            st = path.stat()
        except OSError:
            return  # none yet (or unreachable: QSettings then works in memory)
        if not stat.S_ISREG(st.st_mode):
            self._set_aside(path, "it is not a regular file")
        elif st.st_size > MAX_SETTINGS_BYTES:
            self._set_aside(path, f"it is {whole(st.st_size)} bytes, far more than settings take")

    def _set_aside(self, path: Path, why: str) -> None:
        try:
            moved = set_aside(path, "set-aside", stamp())
        except OSError as exc:
            self.problems.append(
                f"Your settings file {path} is not usable ({why}) and could not be moved: {exc}"
            )
            return
        self.problems.append(f"Your settings file was set aside as {moved.name} ({why}); defaults are used.")

    def _bad(self, key: str, value: object, why: str, default: object) -> None:
        """Note a bad value, after keeping a copy of the file as it was."""
        if key in self._bad_keys:
            return
        self._bad_keys.add(key)
        kept = ""
        if self._copied is None:  # said once, with the first bad value
            source = Path(self.qsettings.fileName())
            try:
                data = read_bytes(source, MAX_SETTINGS_BYTES)
                self._copied = copy_aside(source, data, "set-aside", stamp())
            except OSError:
                self._copied = source
            kept = f" The settings as they were are kept in {self._copied.name}."
        shown = str(value)
        shown = shown if len(shown) <= 30 else shown[:27] + "..."
        self.problems.append(f"Setting {key} was {shown!r} ({why}); using {default!r}.{kept}")

    def _raw(self, key: str) -> Any:
        return self.qsettings.value(key)

    def _text(
        self, key: str, default: str, valid: re.Pattern[str] | None = None, limit: int = MAX_TYPED
    ) -> str:
        value = self._raw(key)
        if value is None:
            return default
        if not isinstance(value, str) or len(value) > limit or (valid is not None and not valid.match(value)):
            self._bad(key, value, "not a value this setting takes", default)
            return default
        return value

    def _flag(self, key: str, default: bool) -> bool:
        value = self._raw(key)
        if value is None:
            return default
        if value in (True, "true", "1", 1):
            return True
        if value in (False, "false", "0", 0):
            return False
        self._bad(key, value, "not true or false", default)
        return default

    def _whole(self, key: str, default: int, least: int, most: int) -> int:
        value = self._raw(key)
        if value is None:
            return default
        try:
            number = int(str(value)) if len(str(value)) <= 20 else None
        except ValueError:
            number = None
        if number is None or not least <= number <= most:
            self._bad(key, value, f"not a whole number from {whole(least)} to {whole(most)}", default)
            return default
        return number

    # --- the settings of a quote ---------------------------------------------------------------

    def request(self, default_model: str) -> GenerationRequest:
        """The last settings, as the user left them (fitted to the catalog later)."""
        resolution = self._text("quote/resolution", "1K")
        if resolution not in TIERS:
            self._bad("quote/resolution", resolution, f"not one of {', '.join(TIERS)}", "1K")
            resolution = "1K"
        return GenerationRequest(
            model_id=self._text("quote/model", default_model, _SLUG),
            resolution=resolution,
            aspect_ratio=self._text("quote/aspect_ratio", "1:1", _RATIO),
            images=self._whole("quote/images", 1, 1, 1000),
            prompt_enhancer=self._flag("quote/prompt_enhancer", False),
        )

    def save_request(self, req: GenerationRequest) -> None:
        s = self.qsettings
        s.setValue("quote/model", req.model_id)
        s.setValue("quote/resolution", req.resolution)
        s.setValue("quote/aspect_ratio", req.aspect_ratio or "1:1")
        s.setValue("quote/images", req.images)
        s.setValue("quote/prompt_enhancer", req.prompt_enhancer)

    # --- the balance and money ------------------------------------------------------------------

    def balances(self) -> Balances:
        """The balances the user typed last time; nothing is assumed for a new user."""

        def credits(key: str) -> int:
            return self._whole(key, 0, 0, MAX_BALANCE)

        renewal_text = self._text("budget/renewal", "", re.compile(r"^(\d{4}-\d\d-\d\d)?$"))
        renewal = None
        if renewal_text:
            try:
                renewal = dt.date.fromisoformat(renewal_text)
            except ValueError:
                self._bad("budget/renewal", renewal_text, "not a date", "")
        return Balances.of_whole(
            self._flag("budget/subscribed", False),
            credits("budget/subscription"),
            renewal,
            credits("budget/top_up"),
            credits("budget/free_daily"),
        )

    def save_balances(self, b: Balances) -> None:
        s = self.qsettings
        s.setValue("budget/subscribed", b.subscribed)
        s.setValue("budget/subscription", str(int(b.subscription)))
        s.setValue("budget/renewal", b.renewal.isoformat() if b.renewal else "")
        s.setValue("budget/top_up", str(int(b.top_up)))
        s.setValue("budget/free_daily", str(int(b.free_daily)))

    def money(self) -> MoneyFields:
        return MoneyFields(
            self._text("money/per_credit", ""),
            self._text("money/plan_price", ""),
            self._text("money/plan_credits", ""),
            self._text("money/currency", "", limit=8),
        )

    def save_money(self, fields: MoneyFields) -> None:
        for key, value in (
            ("money/per_credit", fields.per_credit),
            ("money/plan_price", fields.plan_price),
            ("money/plan_credits", fields.plan_credits),
            ("money/currency", fields.currency),
        ):
            self.qsettings.setValue(key, value[:MAX_TYPED])

    # --- the window and the working estimate ------------------------------------------------------

    def geometry(self, key: str) -> QByteArray | None:
        """`window/geometry` or `window/splitter` as Qt saved it (Qt checks it when restoring)."""
        value = self._raw(key)
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(key, value)

    def estimate_session(self) -> tuple[Path | None, bool]:
        """Where versions before one working estimate per window kept the file the working
        estimate was saved to, and whether it had unsaved work: read once, to adopt it."""
        path = self._text("estimate/path", "", limit=4096)
        return (Path(path) if path else None), self._flag("estimate/modified", False)

    def sync(self) -> None:
        self.qsettings.sync()
