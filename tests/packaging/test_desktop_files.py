"""The files a Linux desktop reads: the desktop entry, the MIME type of saved estimates and the
AppStream metainfo validate with the freedesktop tools, agree on one id, and the MIME type
recognises what the app really writes."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from imagine_calc import APP_ID
from imagine_calc.core.catalog.loader import load_catalog
from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
from imagine_calc.core.estimates.estimate_file import dumps
from imagine_calc.core.pricing.requests import GenerationRequest
from tests.tools import require

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
MIME = RESOURCES / "imagine-calc-mime.xml"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
ESTIMATE_TYPE = "application/x-imagine-calc-estimate"


def tool(name: str) -> str:
    return require(name)


def packaging_constant(script: str) -> str:
    """APP_ID as a packaging script spells it (they run outside the package: no import)."""
    found = re.search(r'^APP_ID = "([^"]+)"$', (ROOT / "packaging" / script).read_text(), re.M)
    assert found, script
    return found.group(1)


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_validates_cleanly() -> None:
    done = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout


def test_the_metainfo_validates() -> None:
    done = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_one_id_everywhere_and_the_entry_opens_estimates() -> None:
    assert {packaging_constant("build.py"), packaging_constant("debian.py")} == {APP_ID}
    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == DESKTOP.name
    assert meta.findtext("icon") == entry()["Icon"]
    assert meta.findtext("provides/mediatype") == ESTIMATE_TYPE
    assert entry()["Exec"].endswith("%f")  # the file double-clicked is passed
    assert ESTIMATE_TYPE in entry()["MimeType"].split(";")
    mime_type = ET.parse(MIME).getroot().find("m:mime-type", MIME_NS)
    assert mime_type is not None and mime_type.get("type") == ESTIMATE_TYPE


def test_the_metainfo_shows_screenshots_the_repository_has() -> None:
    meta = ET.parse(METAINFO).getroot()
    images = [i.text or "" for i in meta.iter("image")]
    assert images
    for url in images:
        assert url.startswith("https://")
        assert (RESOURCES / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_the_mime_type_matches_a_saved_estimate_by_name_and_by_content(tmp_path: Path) -> None:
    catalog = load_catalog()
    item = GenerationItem(GenerationRequest("nano-banana-2", "1K", "1:1", 1, False), 1, "")
    saved = dumps(price_estimate(catalog, Estimate((item,), "Test")), catalog).encode("utf-8")
    mime_type = ET.parse(MIME).getroot().find("m:mime-type", MIME_NS)
    assert mime_type is not None
    globs = [g.get("pattern") for g in mime_type.findall("m:glob", MIME_NS)]
    assert globs == ["*.icalc.json"]
    matches = mime_type.findall("m:magic/m:match", MIME_NS)
    found = False
    for match in matches:
        value = (match.get("value") or "").encode()
        first, last = (int(n) for n in (match.get("offset") or "0:0").split(":"))
        at = saved.find(value)
        found |= first <= at <= last
    assert found, saved[:120]

    # shared-mime-info compiles it: the glob and the magic are in its database
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / f"{APP_ID}.xml")
    subprocess.run([tool("update-mime-database"), str(tmp_path / "mime")], check=True)
    assert re.search(
        rf"^\d+:{re.escape(ESTIMATE_TYPE)}:\*\.icalc\.json$", (tmp_path / "mime" / "globs2").read_text(), re.M
    )
    assert ESTIMATE_TYPE.encode() in (tmp_path / "mime" / "magic").read_bytes()


def test_the_entry_launches_the_app_with_its_icon() -> None:
    desktop = entry()
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    assert desktop["Exec"].split() == ["imagine-calc", "%f"]  # "Open with" passes an estimate or an image
    assert (RESOURCES / f"{desktop['Icon']}.svg").is_file()
    assert desktop["Categories"].endswith(";") and desktop["Name"]
