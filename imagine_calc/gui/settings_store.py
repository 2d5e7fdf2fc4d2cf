"""Remembered settings in one INI file under the user's config folder (redirected in tests)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from imagine_calc.core.budget import Balances
from imagine_calc.core.paths import config_dir
from imagine_calc.core.pricing import GenerationRequest


class SettingsStore:
    """Typed access to QSettings; the file lives beside the override catalog."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)

    def _get(self, key: str, default: Any, kind: type) -> Any:
        value = self.qsettings.value(key, default)
        try:
            return kind(value) if kind is not bool else value in (True, "true", "1", 1)
        except (TypeError, ValueError):
            return default

    def request(self, default_model: str) -> GenerationRequest:
        """The last settings, as the user left them (validated later against the catalog)."""
        return GenerationRequest(
            model_id=self._get("quote/model", default_model, str),
            resolution=self._get("quote/resolution", "1K", str),
            aspect_ratio=self._get("quote/aspect_ratio", "1:1", str),
            images=self._get("quote/images", 1, int),
            prompt_enhancer=self._get("quote/prompt_enhancer", False, bool),
        )

    def save_request(self, req: GenerationRequest) -> None:
        s = self.qsettings
        s.setValue("quote/model", req.model_id)
        s.setValue("quote/resolution", req.resolution)
        s.setValue("quote/aspect_ratio", req.aspect_ratio or "")
        s.setValue("quote/images", req.images)
        s.setValue("quote/prompt_enhancer", req.prompt_enhancer)

    def balances(self) -> Balances:
        """The balances the user typed last time; nothing is assumed for a new user."""

        def credits(key: str) -> Decimal:
            try:
                value = Decimal(str(self.qsettings.value(key, "0")))
            except InvalidOperation:
                return Decimal(0)
            return value if value.is_finite() and value >= 0 else Decimal(0)

        renewal = self._get("budget/renewal", "", str)
        try:
            renewal_date = dt.date.fromisoformat(renewal) if renewal else None
        except ValueError:
            renewal_date = None
        return Balances(
            subscribed=self._get("budget/subscribed", False, bool),
            subscription=credits("budget/subscription"),
            renewal=renewal_date,
            top_up=credits("budget/top_up"),
            free_daily=credits("budget/free_daily"),
        )

    def save_balances(self, b: Balances) -> None:
        s = self.qsettings
        s.setValue("budget/subscribed", b.subscribed)
        s.setValue("budget/subscription", str(b.subscription))
        s.setValue("budget/renewal", b.renewal.isoformat() if b.renewal else "")
        s.setValue("budget/top_up", str(b.top_up))
        s.setValue("budget/free_daily", str(b.free_daily))

    def text(self, key: str, default: str = "") -> str:
        return str(self._get(key, default, str))

    def set_text(self, key: str, value: str) -> None:
        self.qsettings.setValue(key, value)

    def bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        self.qsettings.sync()
