"""The README starts as a newcomer needs it: one paragraph of what the app is, then the two
commands with the one apt-get line a bare Debian or Ubuntu needs beside them, then the features.
The apt-get line and the test command are the ones `.ci/run` uses, so the README cannot drift
from what CI does."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")

START = "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/imagine-calc"
TEST = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest"


def shell_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL)]


def ci_packages() -> set[str]:
    """Every Debian package `.ci/run` installs when it is missing."""
    from_pairs = re.findall(r"\.so[\w.]*:([a-z0-9][a-z0-9.+-]+)", CI_RUN)
    listed = re.findall(r"missing\+=\(([a-z0-9][^)$\"]*)\)", CI_RUN)
    return set(from_pairs) | {name for names in listed for name in names.split()}


def test_the_two_commands_come_right_after_a_one_paragraph_introduction() -> None:
    title, _, rest = README.partition("\n")
    assert title == "# imagine-calc"
    intro, _, after = rest.partition("\n## ")
    assert len([p for p in intro.split("\n\n") if p.strip()]) == 1, "one paragraph before the commands"
    assert after.startswith("Two commands\n")
    commands = after.split("\n## ", 1)[0]
    assert shell_blocks(commands)[1:] == [START, TEST]


def test_the_features_come_after_the_two_commands() -> None:
    commands = README.index("## Two commands")
    for feature in ("## What it does", "The **Upscale** tab", "## Estimates and budgets", "![imagine-calc"):
        assert README.index(feature) > README.index(TEST) > commands, feature


def test_the_apt_get_line_names_every_package_ci_installs() -> None:
    apt = shell_blocks(README.split("## Two commands", 1)[1])[0]
    assert apt.startswith("apt-get update && apt-get install -y ") and "\n" not in apt
    named = set(apt.split("apt-get install -y ", 1)[1].split())
    assert ci_packages() >= {"python3-venv", "libegl1", "libxkbcommon0", "fonts-dejavu-core", "xvfb"}
    assert named == ci_packages()


def test_ci_runs_the_readmes_test_command_verbatim() -> None:
    assert CI_RUN.rstrip().splitlines()[-1] == TEST


def test_the_readme_names_every_section_and_bound_of_the_csv_export() -> None:
    import csv
    import datetime as dt
    import io
    from decimal import Decimal

    from imagine_calc.core.catalog.loader import load_catalog
    from imagine_calc.core.estimates.budget import Balances, plan_budget
    from imagine_calc.core.estimates.estimate import Estimate, GenerationItem, price_estimate
    from imagine_calc.core.pricing.requests import GenerationRequest
    from imagine_calc.core.text.exports import to_csv

    catalog = load_catalog()
    items = (
        GenerationItem(GenerationRequest("nano-banana-2"), 2),
        GenerationItem(GenerationRequest("midjourney-v7")),
    )
    priced = price_estimate(catalog, Estimate(items))
    plan = plan_budget(Balances(True, Decimal(200), dt.date(2027, 1, 1)), priced)
    rows = list(csv.reader(io.StringIO(to_csv(priced, plan))))
    column = {name: i for i, name in enumerate(rows[0])}
    said = README.split("File > Export estimate", 1)[1]
    for name in ("section", "bound"):
        assert f"`{name}` column" in said
        for value in {row[column[name]] for row in rows[1:]}:
            assert f"`{value}`" in said, value
