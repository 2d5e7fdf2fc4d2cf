"""Every remembered setting, declared once: key, kind, default and bounds (from core/limits).

Adding a setting is one line here; the store (`settings_store.py`) reads every declared setting
at the start, replaces an unfit value by its default and names it in the banner, and writes it
with `store.set`. Where the allowed values depend on the catalog (a model id, a resolution that
model offers) only the shape is checked here: the window fits the request to the catalog in use
and says so (GenerateTab's notices).

The file carries `format_version`, in the INI file's `[General]` section (Qt would write a
`general/` group as `[%General]`). A file without one was written before formats were numbered:
format 0, every file written until now. `UPGRADES[n]` turns format n into n + 1, as
Picard's `upgrade_to_v2_0_0dev3` hooks do: it gets every key of the file with its value and
changes them in place (translating, never dropping what it cannot translate), down to the format
key itself. The store runs the steps a file needs when it opens it and writes their result with
the first setting it writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from imagine_calc.core.catalog.records import TIERS
from imagine_calc.core.language import LANGUAGES, PSEUDO
from imagine_calc.core.limits import MAX_BALANCE, MAX_IMAGES
from imagine_calc.core.session import DEFAULT_MODEL
from imagine_calc.gui.shared.settings_options import (
    BytesOption,
    ChoiceOption,
    DateOption,
    FlagOption,
    Option,
    TextOption,
    WholeOption,
)

#: The shapes the catalog schema allows for a model id and an aspect ratio.
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
RATIO = re.compile(r"^[1-9][0-9]{0,2}:[1-9][0-9]{0,2}$")

# --- the settings of a quote: the window fits them to the catalog ------------------------------
MODEL = TextOption("quote/model", DEFAULT_MODEL, pattern=SLUG)
RESOLUTION = ChoiceOption("quote/resolution", "1K", choices=TIERS)
ASPECT_RATIO = TextOption("quote/aspect_ratio", "1:1", pattern=RATIO)
IMAGES = WholeOption("quote/images", 1, least=1, most=MAX_IMAGES)
PROMPT_ENHANCER = FlagOption("quote/prompt_enhancer", False)
#: The record dialog's "Share with the team" (shown when a shared folder is set).
SHARE_RECORDINGS = FlagOption("quote/share_recordings", False)

# --- the balance: nothing is assumed for a new user ----------------------------------------------
SUBSCRIBED = FlagOption("budget/subscribed", False)
SUBSCRIPTION = WholeOption("budget/subscription", 0, least=0, most=MAX_BALANCE)
RENEWAL = DateOption("budget/renewal", None)
TOP_UP = WholeOption("budget/top_up", 0, least=0, most=MAX_BALANCE)
FREE_DAILY = WholeOption("budget/free_daily", 0, least=0, most=MAX_BALANCE)

#: The Estimate tab's budget: "Your balance" or the team's (issue 27).
BUDGET_MODE = ChoiceOption("budget/mode", "balance", choices=("balance", "team"))

# --- money: kept as typed, read by core/estimates/money.py ---------------------------------------
PER_CREDIT = TextOption("money/per_credit", "")
PLAN_PRICE = TextOption("money/plan_price", "")
PLAN_CREDITS = TextOption("money/plan_credits", "")
CURRENCY = TextOption("money/currency", "", limit=8)

# --- the window: Qt checks the bytes when restoring them -------------------------------------------
#: View > Language: the system's, or one with a catalog (gui/shared/languages.py), from the next start.
SYSTEM_LANGUAGE = "system"
LANGUAGE = ChoiceOption("window/language", SYSTEM_LANGUAGE, choices=(SYSTEM_LANGUAGE, *LANGUAGES, PSEUDO))
WINDOW_GEOMETRY = BytesOption("window/geometry", None)
SPLITTER = BytesOption("window/splitter", None)

# --- written by versions before one working estimate per window: read once, to adopt it ----------
ESTIMATE_PATH = TextOption("estimate/path", "", limit=4096)
ESTIMATE_MODIFIED = FlagOption("estimate/modified", False)

#: Every setting declared above, in the order they are read at the start.
SETTINGS: tuple[Option[Any], ...] = tuple(v for v in list(globals().values()) if isinstance(v, Option))

# --- the file's format -------------------------------------------------------------------------

#: The file's format: missing (0) in every file written before formats were numbered.
FORMAT = WholeOption("format_version", 0, least=0, most=1_000_000)

#: A step from one format to the next, over every key of the file and its value as read.
Upgrade = Callable[[dict[str, object]], None]


def upgrade_to_1(values: dict[str, object]) -> None:
    """Format 0 to 1: the file says its format from now on, so a later version knows which steps
    it needs and this one knows a newer file when it sees one. Nothing else changed: every file
    written until now (the first window's quote and geometry, then balances, money and the
    working estimate's path) holds the same keys, each value written the same way."""
    values[FORMAT.key] = 1


#: UPGRADES[n] turns format n into n + 1; this version writes format len(UPGRADES).
UPGRADES: tuple[Upgrade, ...] = (upgrade_to_1,)
FORMAT_VERSION = len(UPGRADES)
