"""Every remembered setting, declared once: key, kind, default and bounds (from core/limits).

Adding a setting is one line here; the store (`settings_store.py`) reads every declared setting
at the start, replaces an unfit value by its default and names it in the banner, and writes it
with `store.set`. Where the allowed values depend on the catalog (a model id, a resolution that
model offers) only the shape is checked here: the window fits the request to the catalog in use
and says so (GenerateTab's notices).
"""

from __future__ import annotations

import re
from typing import Any

from imagine_calc.core.catalog.records import TIERS
from imagine_calc.core.limits import MAX_BALANCE, MAX_IMAGES
from imagine_calc.gui.shared.settings_options import (
    BytesOption,
    ChoiceOption,
    DateOption,
    FlagOption,
    Option,
    TextOption,
    WholeOption,
)

#: The model a new window starts on (GenerateTab falls back to the catalog's first if it is gone).
DEFAULT_MODEL = "nano-banana-2"
#: The shapes the catalog schema allows for a model id and an aspect ratio.
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
RATIO = re.compile(r"^[1-9][0-9]{0,2}:[1-9][0-9]{0,2}$")

# --- the settings of a quote: the window fits them to the catalog ------------------------------
MODEL = TextOption("quote/model", DEFAULT_MODEL, pattern=SLUG)
RESOLUTION = ChoiceOption("quote/resolution", "1K", choices=TIERS)
ASPECT_RATIO = TextOption("quote/aspect_ratio", "1:1", pattern=RATIO)
IMAGES = WholeOption("quote/images", 1, least=1, most=MAX_IMAGES)
PROMPT_ENHANCER = FlagOption("quote/prompt_enhancer", False)

# --- the balance: nothing is assumed for a new user ----------------------------------------------
SUBSCRIBED = FlagOption("budget/subscribed", False)
SUBSCRIPTION = WholeOption("budget/subscription", 0, least=0, most=MAX_BALANCE)
RENEWAL = DateOption("budget/renewal", None)
TOP_UP = WholeOption("budget/top_up", 0, least=0, most=MAX_BALANCE)
FREE_DAILY = WholeOption("budget/free_daily", 0, least=0, most=MAX_BALANCE)

# --- money: kept as typed, read by core/estimates/money.py ---------------------------------------
PER_CREDIT = TextOption("money/per_credit", "")
PLAN_PRICE = TextOption("money/plan_price", "")
PLAN_CREDITS = TextOption("money/plan_credits", "")
CURRENCY = TextOption("money/currency", "", limit=8)

# --- the window: Qt checks the bytes when restoring them -------------------------------------------
WINDOW_GEOMETRY = BytesOption("window/geometry", None)
SPLITTER = BytesOption("window/splitter", None)

# --- written by versions before one working estimate per window: read once, to adopt it ----------
ESTIMATE_PATH = TextOption("estimate/path", "", limit=4096)
ESTIMATE_MODIFIED = FlagOption("estimate/modified", False)

#: Every setting declared above, in the order they are read at the start.
SETTINGS: tuple[Option[Any], ...] = tuple(v for v in list(globals().values()) if isinstance(v, Option))
