"""`imagine-calc --selftest`: proves an install or a frozen bundle works, one line per check.

Each check exercises a part a bundler can silently leave out: the catalog's YAML files and
PyYAML's C loader, Pillow's PNG plugin, Qt's offscreen platform, fonts and SVG icon engine.
The user's override and settings are left alone: the test runs on the bundled catalog and a
throwaway settings folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from imagine_calc.core.catalog.loader import LoadedCatalog, load_catalog
from imagine_calc.core.catalog.records import Catalog
from imagine_calc.core.images.image_size import SizeError, read_size
from imagine_calc.core.paths import override_path
from imagine_calc.core.pricing.choices import fit_request
from imagine_calc.core.pricing.quotes import quote_generation
from imagine_calc.core.pricing.requests import GenerationRequest
from imagine_calc.core.pricing.upscale import quote_upscale

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from imagine_calc.gui.main_window import MainWindow

#: The sample image shipped in resources/ and the size its header must give.
SAMPLE = "sample.png"
SAMPLE_SIZE = (640, 360)


def _catalog(state: dict[str, object]) -> Catalog:
    """The catalog the first check loaded, for the checks after it."""
    catalog = state["catalog"]
    assert isinstance(catalog, Catalog)
    return catalog


def check_catalog(state: dict[str, object]) -> str:
    catalog = load_catalog()
    state["catalog"] = catalog
    return f"{len(catalog.models)} models, version {catalog.version}, as of {catalog.as_of.isoformat()}"


def check_quotes(state: dict[str, object]) -> str:
    catalog = _catalog(state)
    unknown = []
    for model in catalog.models:
        request, _ = fit_request(catalog, GenerationRequest(model.id))
        if not quote_generation(catalog, request).complete:
            unknown.append(model.name)
    exact = len(catalog.models) - len(unknown)
    return f"every model quoted: {exact} exact, {len(unknown)} unknown ({', '.join(unknown) or 'none'})"


def check_sample_image(state: dict[str, object]) -> str:
    from imagine_calc.gui.shared.resources import resource_path

    size = read_size(resource_path(SAMPLE))
    if isinstance(size, SizeError):
        raise RuntimeError(size.message)
    if (size.width, size.height) != SAMPLE_SIZE:
        raise RuntimeError(f"{SAMPLE} reads as {size.width} x {size.height}, expected {SAMPLE_SIZE}")
    catalog = _catalog(state)
    quote = quote_upscale(catalog, catalog.engines[0].id, 2, size.width, size.height)
    return f"{SAMPLE} is {size.width} x {size.height} from its header; 2x upscale {quote.known_total} credits"


def check_window(state: dict[str, object]) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from imagine_calc.qt_messages import handle_qt_messages

    handle_qt_messages(quiet=True)  # stderr holds only what went wrong

    from imagine_calc.gui.main_window import MainWindow
    from imagine_calc.gui.shared.resources import app_icon
    from imagine_calc.gui.shared.settings_store import SettingsStore

    app = QApplication.instance() or QApplication([sys.argv[0]])
    icon = app_icon()
    if icon.pixmap(64, 64).isNull():
        raise RuntimeError("the SVG icon did not render (is Qt's SVG icon engine bundled?)")
    catalog = _catalog(state)
    with tempfile.TemporaryDirectory() as settings_dir, _speaking(app, WINDOW_LANGUAGE) as spoken:
        os.environ["IMAGINE_CALC_CONFIG_DIR"] = settings_dir
        loaded = LoadedCatalog(catalog, override_path(), override_active=False, override_error=None)
        window = MainWindow(loaded, SettingsStore(), icon)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        total = window.generate.total_panel.total.text()
        spoken += [window.tabs.tabText(0), total]
        estimate = _estimate_round_trip(window, Path(settings_dir) / "selftest.icalc.json")
        window.shut_down()  # the working copy is written off the GUI thread: finish it here
        window.hide()
        window.deleteLater()
        app.processEvents()
    if image.isNull() or not total:
        raise RuntimeError("the window painted nothing")
    if spoken[:3] != list(WINDOW_SAYS):
        raise RuntimeError(f"the window does not speak {WINDOW_LANGUAGE}: {spoken} (catalog, Qt's, figures)")
    return (
        f"main window built in {WINDOW_LANGUAGE} and painted at {image.width()} x {image.height()}, "
        f"first tab {spoken[3]!r}, total {total!r}; {estimate}"
    )


#: The language the window starts in, and what it then says: a tab's title (our catalog), Qt's
#: own Cancel (its qtbase .qm, which the bundle must keep), and 73.5 (the locale's figures).
WINDOW_LANGUAGE = "de"
WINDOW_SAYS = ("&Generieren", "Abbrechen", "73,5")


@contextmanager
def _speaking(app: QCoreApplication, code: str) -> Iterator[list[str]]:
    """The window's start in `code` (gui/shared/languages.py), then English again, with the
    locale and Qt's translations as they were: the self-test's report is English."""
    from PySide6.QtCore import QLocale, QTranslator

    from imagine_calc.core import language
    from imagine_calc.gui.shared import languages, locale_numbers
    from imagine_calc.gui.shared.settings_store import SettingsStore

    before = QLocale()
    try:
        languages.start_language(app, SettingsStore(), code)
        said = [language._("&Generate"), app.translate("QPlatformTheme", "Cancel")]
        yield [*said, locale_numbers.credits(Decimal("73.5"))]
    finally:
        language.set_language(language.ENGLISH)
        QLocale.setDefault(before)
        locale_numbers.forget_default_style()
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.setParent(None)


def check_language(state: dict[str, object]) -> str:
    """The command line in German: its catalog (the .mo files) and CLDR's figures (figures.json)."""
    from imagine_calc.core import language
    from imagine_calc.core.numbers import locale_style, number
    from imagine_calc.core.text import quotes

    catalog = _catalog(state)
    quote = quote_generation(catalog, GenerationRequest("nano-banana-2", "2K"))
    try:
        language.set_language("de_DE")
        said = quotes.long(quote, locale_style(language.locale_name()))
    finally:
        language.set_language(language.ENGLISH)
    if said != "73,5 Credits":
        raise RuntimeError(f"Nano Banana 2 at 2K reads {said!r} in German, not '73,5 Credits'")
    english = number(Decimal("73.5"))
    return f"the command line in German: Nano Banana 2 at 2K costs {said!r} ({english} in English)"


def _estimate_round_trip(window: MainWindow, path: Path) -> str:
    """The Estimate tab (built on first use, so a bundler sees it late): add, save, read back."""
    from imagine_calc.core.estimates.estimate_file import read_estimate

    window.add_to_estimate()
    panel = window.estimates.show()
    panel.document.save(path)
    saved = read_estimate(path)
    if saved.estimate != panel.priced().estimate:
        raise RuntimeError("the estimate read back differs from the one saved")
    return f"estimate of {len(saved.estimate.items)} line saved atomically and read back"


CHECKS: tuple[tuple[str, Callable[[dict[str, object]], str]], ...] = (
    ("catalog", check_catalog),
    ("quotes", check_quotes),
    ("sample image", check_sample_image),
    ("language", check_language),
    ("window", check_window),
)


def run_selftest(out: TextIO = sys.stdout) -> int:
    """Run every check (later ones need the catalog), print one line each; 0 only if all pass."""
    state: dict[str, object] = {}
    failed = 0
    start = time.perf_counter()
    for name, check in CHECKS:
        try:
            detail = check(state)
        except Exception as exc:
            failed += 1
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", file=out)
            if "catalog" not in state:
                break  # nothing else can run without it
        else:
            print(f"ok   {name}: {detail}", file=out)
    elapsed = time.perf_counter() - start
    verdict = "FAILED" if failed else "passed"
    print(f"{verdict}: {len(CHECKS) - failed} of {len(CHECKS)} checks in {elapsed:.2f} s", file=out)
    return 1 if failed else 0
