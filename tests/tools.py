"""A tool a test needs from the system (Xvfb, binutils, the freedesktop validators).

`.ci/run` installs every one of them, so under CI (`CI` set, as CI runs) a missing tool fails
the test instead of skipping it: a skip there would hide a check that never ran.
"""

from __future__ import annotations

import os
import shutil

import pytest


def require(name: str, why: str = "") -> str:
    """The path of `name`; skips the test without it, or fails it under CI."""
    path = shutil.which(name)
    if path is not None:
        return path
    message = f"{name} is not installed{f' ({why})' if why else ''}; .ci/run installs it"
    if os.environ.get("CI"):
        pytest.fail(f"{message}, yet it is missing under CI")
    pytest.skip(message)
