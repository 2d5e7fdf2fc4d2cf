"""Remembered settings: every setting declared once (`settings_keys.py`), read, checked and written
the same way.

The INI file lives in the user's config folder (redirected in tests). Nothing read from it is
trusted: a value out of bounds (`resolution=16K`, a balance of 1e999999, a 30-digit rate) is
replaced by its default and named in `problems`, and the file as it was is first copied aside
(`settings.ini.2026-11-27_16-30-05.set-aside`) so nothing the user had is lost. A file that is
not a regular file (a FIFO would block QSettings forever), too large or unparseable is renamed
aside and the app starts with defaults.

A file of an older format is upgraded step by step when it is opened (`settings_keys.UPGRADES`);
the result is kept in memory and written with the first setting the app writes, so a window that
writes nothing (a screenshot) leaves the file as it was. A file of a newer format is read as far
as this version knows its settings, said, and copied aside before anything is written over it.
A file that needed a copy aside which could not be made is never written: changes then last
until the window closes.
"""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QSettings

from imagine_calc.core.estimates.budget import Balances
from imagine_calc.core.files import read_bytes, stamp
from imagine_calc.core.frozen import Frozen, record
from imagine_calc.core.language import _
from imagine_calc.core.limits import MAX_SETTINGS_BYTES
from imagine_calc.core.numbers import whole
from imagine_calc.core.paths import config_dir
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.writes import copy_aside, set_aside
from imagine_calc.gui.shared import settings_keys as keys
from imagine_calc.gui.shared.settings_keys import FORMAT, SETTINGS, UPGRADES, Upgrade
from imagine_calc.gui.shared.settings_options import Option, Unfit

T = TypeVar("T")

#: A key an upgrade step removed, until the removal is written.
_REMOVED = object()


@record
class MoneyFields(Frozen):
    """What the user typed in the money fields, as text (core/money.py reads it)."""

    per_credit: str = ""
    plan_price: str = ""
    plan_credits: str = ""
    currency: str = ""


class SettingsStore:
    """Typed access to QSettings; `problems` lists what was read wrong and replaced.

    `options` are the settings read (and so checked) at the start, `upgrades` the steps from one
    format to the next: this version writes format `len(upgrades)`, its `format_version`. Tests
    give their own."""

    def __init__(
        self,
        settings: QSettings | None = None,
        options: Sequence[Option[Any]] = SETTINGS,
        upgrades: Sequence[Upgrade] = UPGRADES,
    ) -> None:
        self.problems: list[str] = []
        self._copied: Path | None = None
        self._writable = True
        if settings is None:
            path = config_dir() / "settings.ini"
            self._check_file(path)
            settings = QSettings(str(path), QSettings.Format.IniFormat)
            if settings.status() != QSettings.Status.NoError:
                del settings
                self._set_aside(path, _("it could not be read as settings"))
                settings = QSettings(str(path), QSettings.Format.IniFormat)
        self.qsettings = settings
        self.format_version = len(upgrades)
        self._bad_keys: set[str] = set()
        #: Values not yet given to QSettings: an upgrade's, or every change to a file not written.
        self._pending: dict[str, object] = {}
        self._open(upgrades)
        for option in options:  # each read once now, so whatever is wrong is said at the start
            self.get(option)

    # --- the file ---------------------------------------------------------------------------

    def _check_file(self, path: Path) -> None:
        try:
            st = path.stat()
        except OSError:
            return  # none yet (or unreachable: QSettings then works in memory)
        if not stat.S_ISREG(st.st_mode):
            self._set_aside(path, _("it is not a regular file"))
        elif st.st_size > MAX_SETTINGS_BYTES:
            why = _("it is {n} bytes, far more than settings take").format(n=whole(st.st_size))
            self._set_aside(path, why)

    def _set_aside(self, path: Path, why: str) -> None:
        try:
            moved = set_aside(path, "set-aside", stamp())
        except OSError as exc:
            self.problems.append(
                _("Your settings file {path} is not usable ({why}) and could not be moved: {error}").format(
                    path=path, why=why, error=exc
                )
            )
            return
        self.problems.append(
            _("Your settings file was set aside as {name} ({why}); defaults are used.").format(
                name=moved.name, why=why
            )
        )

    def _keep_copy(self) -> str:
        """Copy the file as it was aside, once, before anything is written over it; the sentence
        that says where (empty once said). Without a copy the file is not written at all."""
        if self._copied is not None or not self._writable:
            return ""
        source = Path(self.qsettings.fileName())
        try:
            self._copied = copy_aside(source, read_bytes(source, MAX_SETTINGS_BYTES), "set-aside", stamp())
        except OSError as exc:
            self._writable = False
            said = _(
                "The settings as they were could not be copied aside ({error}), so changes are not saved."
            )
            return " " + said.format(error=exc)
        return " " + _("The settings as they were are kept in {name}.").format(name=self._copied.name)

    def _open(self, upgrades: Sequence[Upgrade]) -> None:
        """Read the file's format: upgrade an older one (in memory), say a newer one."""
        names = self.qsettings.allKeys()
        if not names:  # a new file: written in this format from its first setting
            self._pending[FORMAT.key] = self.format_version
            return
        version = self.get(FORMAT)
        if version > self.format_version:
            said = _(
                "Your settings were written by a newer version of imagine-calc (settings format "
                "{newer}; this version knows format {known}): what this version knows is read, the "
                "rest is left as it is."
            ).format(newer=whole(version), known=self.format_version)
            self.problems.append(said + self._keep_copy())
            return
        if version == self.format_version:
            return
        before = {name: self.qsettings.value(name) for name in names}
        after = dict(before)
        for step in upgrades[version:]:
            step(after)  # each step ends by stamping the format it makes
        self._pending = {name: value for name, value in after.items() if before.get(name) is not value}
        self._pending.update((name, _REMOVED) for name in before if name not in after)

    def _bad(self, option: Option[Any], value: object, why: str) -> None:
        """Note a bad value (once per key), after keeping a copy of the file as it was."""
        if option.key in self._bad_keys:
            return
        self._bad_keys.add(option.key)
        shown = str(value)
        shown = shown if len(shown) <= 30 else shown[:27] + "..."
        said = _("Setting {key} was {value} ({why}); using {default}.").format(
            key=option.key, value=repr(shown), why=why, default=option.shown(option.default)
        )
        self.problems.append(said + self._keep_copy())

    # --- any declared setting ---------------------------------------------------------------

    def get(self, option: Option[T]) -> T:
        """The setting as last written, else its default; an unfit value is said and replaced."""
        raw = self._pending[option.key] if option.key in self._pending else self.qsettings.value(option.key)
        if raw is None or raw is _REMOVED:
            return option.default
        try:
            return option.parse(raw)
        except Unfit as unfit:
            self._bad(option, raw, str(unfit))
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        """Keep `value`, with whatever the file's upgrade still has to write first."""
        stored = option.stored(value)
        if not self._writable:
            self._pending[option.key] = stored
            return
        for name, pending in self._pending.items():
            if pending is _REMOVED:
                self.qsettings.remove(name)
            else:
                self.qsettings.setValue(name, pending)
        self._pending.clear()
        self.qsettings.setValue(option.key, stored)

    def sync(self) -> None:
        self.qsettings.sync()

    # --- the settings as the window uses them -----------------------------------------------------

    def request(self) -> GenerationRequest:
        """The last settings, as the user left them (fitted to the catalog by the window)."""
        return GenerationRequest(
            model_id=self.get(keys.MODEL),
            resolution=self.get(keys.RESOLUTION),
            aspect_ratio=self.get(keys.ASPECT_RATIO),
            images=self.get(keys.IMAGES),
            prompt_enhancer=self.get(keys.PROMPT_ENHANCER),
        )

    def save_request(self, req: GenerationRequest) -> None:
        self.set(keys.MODEL, req.model_id)
        self.set(keys.RESOLUTION, req.resolution)
        self.set(keys.ASPECT_RATIO, req.aspect_ratio or keys.ASPECT_RATIO.default)
        self.set(keys.IMAGES, req.images)
        self.set(keys.PROMPT_ENHANCER, req.prompt_enhancer)

    def balances(self) -> Balances:
        """The balances the user typed last time; nothing is assumed for a new user."""
        return Balances.of_whole(
            self.get(keys.SUBSCRIBED),
            self.get(keys.SUBSCRIPTION),
            self.get(keys.RENEWAL),
            self.get(keys.TOP_UP),
            self.get(keys.FREE_DAILY),
        )

    def save_balances(self, b: Balances) -> None:
        self.set(keys.SUBSCRIBED, b.subscribed)
        self.set(keys.SUBSCRIPTION, int(b.subscription))
        self.set(keys.RENEWAL, b.renewal)
        self.set(keys.TOP_UP, int(b.top_up))
        self.set(keys.FREE_DAILY, int(b.free_daily))

    def money(self) -> MoneyFields:
        return MoneyFields(
            self.get(keys.PER_CREDIT),
            self.get(keys.PLAN_PRICE),
            self.get(keys.PLAN_CREDITS),
            self.get(keys.CURRENCY),
        )

    def save_money(self, fields: MoneyFields) -> None:
        self.set(keys.PER_CREDIT, fields.per_credit)
        self.set(keys.PLAN_PRICE, fields.plan_price)
        self.set(keys.PLAN_CREDITS, fields.plan_credits)
        self.set(keys.CURRENCY, fields.currency)

    def estimate_session(self) -> tuple[Path | None, bool]:
        """Where versions before one working estimate per window kept the file the working
        estimate was saved to, and whether it had unsaved work: read once, to adopt it."""
        path = self.get(keys.ESTIMATE_PATH)
        return (Path(path) if path else None), self.get(keys.ESTIMATE_MODIFIED)
