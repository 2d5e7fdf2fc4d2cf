"""Every tab and dialog at the sizes designers' screens have, light and dark, as pictures and
as a list of what is cut off.

`python -m tests.window_sizes OUT [--scale 1.5] [--lang de]` writes OUT/<size>-<scheme>-<what>.png for the
Generate, Upscale and Estimate tabs (a full estimate open, a balance typed, a batch dropped; the
Estimate tab's team mode with a studio of five), Help > Keyboard shortcuts, Help > About, File >
Shared prices folder, the recording dialog and the price review, at 1024 × 640 and 1366 × 768,
and prints one JSON object: each picture's name and the widgets in it whose text does not fit
(tests/gui/clipping.py). --lang speaks a language as `imagine-calc --lang` does (its figures and
Qt's own buttons too); without it, the system's. The scale is Qt's
(QT_SCALE_FACTOR), so it is set here, before Qt starts; tests/gui/test_window_sizes.py runs it
at 1 and 1.5.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

SIZES = ((1024, 640), (1366, 768))
SCHEMES = ("light", "dark")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", default="1")
    parser.add_argument("--lang", default=None)
    args = parser.parse_args(argv)
    os.environ["QT_SCALE_FACTOR"] = args.scale
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["IMAGINE_CALC_CONFIG_DIR"] = tempfile.mkdtemp(prefix="imagine-calc-sizes-")
    config = Path(os.environ["IMAGINE_CALC_CONFIG_DIR"])
    from tests.readme_screenshots import BALANCE, SAMPLE, _batch, _page

    (config / "settings.ini").write_text(BALANCE, encoding="utf-8")
    scratch = Path(tempfile.mkdtemp(prefix="imagine-calc-files-"))
    batch, page = _batch(scratch), _page(scratch)

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from imagine_calc.core.catalog.loader import load_with_override
    from imagine_calc.gui.main_window import MainWindow
    from imagine_calc.gui.prices.sharing_dialog import open_sharing
    from imagine_calc.gui.shared import languages, locale_numbers, theme
    from imagine_calc.gui.shared.settings_store import SettingsStore
    from tests.gui.clipping import clipped
    from tests.studio import write_studio

    app = QApplication(sys.argv[:1])
    locale_numbers.use_a_readable_default()
    if args.lang:
        languages.start_language(app, SettingsStore(), args.lang)
    args.out.mkdir(parents=True, exist_ok=True)
    found: dict[str, list[str]] = {}

    def shoot(name: str, widget: QWidget) -> None:
        app.processEvents()
        app.processEvents()
        widget.grab().save(str(args.out / f"{name}.png"))
        found[name] = clipped(widget)

    for scheme in SCHEMES:
        theme.apply(app, Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
        window = MainWindow(load_with_override(), SettingsStore())
        window.show()
        window.estimates.show().open(SAMPLE)
        upscale = window.show_upscale()
        upscale.add_paths([str(batch)])
        upscale.wait_until_read()
        for width, height in SIZES:
            window.resize(width, height)
            at = f"{width}x{height}-{scheme}"
            for tab, show in (
                ("generate", lambda w=window: w.tabs.setCurrentWidget(w.generate)),
                ("upscale", window.show_upscale),
                ("estimate", window.estimates.show),
            ):
                show()
                shoot(f"{at}-{tab}", window)
        # Team mode: a studio of five planned for a month (issue 27), at each size.
        team_panel = window.estimates.show()
        team_panel.open(write_studio(scratch))
        for width, height in SIZES:
            window.resize(width, height)
            shoot(f"{width}x{height}-{scheme}-estimate-team", window)
        team_panel.show_mode(False)
        at = f"dialogs-{scheme}"
        for name, open_dialog in (
            ("shortcuts", window.show_shortcuts),
            ("sharing", lambda w=window: open_sharing(w, w.session, w.shared_watch)),
            ("record", lambda w=window: w.generate.recordings.ask(w.session.request)),
            ("price-review", lambda w=window: w.update_prices_from(page)),
        ):
            dialog = open_dialog()
            assert isinstance(dialog, QWidget), name
            shoot(f"{at}-{name}", dialog)
            dialog.close()
        from imagine_calc.gui.about import show_about

        about = show_about(window, window.session.loaded)
        shoot(f"{at}-about", about)
        about.close()
        window.shut_down()
        window.close()
    print(json.dumps(found, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
