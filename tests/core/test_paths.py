"""Where the user's files live on each platform, and the folders that move them all for tests,
scripts and portable installs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from imagine_calc.core.paths import (
    CONFIG_ENV,
    OVERRIDE_ENV,
    cache_dir,
    config_dir,
    override_path,
    package_dir,
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No folder set by the user: each platform's defaults, under a home of our own."""
    monkeypatch.delenv(CONFIG_ENV)
    for name in ("APPDATA", "LOCALAPPDATA", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def test_one_folder_set_holds_the_settings_the_cache_and_the_override(user_dirs: Path) -> None:
    assert config_dir() == user_dirs
    assert cache_dir() == user_dirs / "cache"
    assert override_path() == user_dirs / "override.yaml"


def test_an_override_file_set_by_itself_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(OVERRIDE_ENV, str(tmp_path / "mine.yaml"))
    assert override_path() == tmp_path / "mine.yaml"


def test_an_empty_setting_is_no_setting(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CONFIG_ENV, "")
    monkeypatch.setenv(OVERRIDE_ENV, "")
    monkeypatch.setattr(sys, "platform", "linux")
    assert config_dir() == home / ".config" / "imagine-calc"
    assert cache_dir() == home / ".cache" / "imagine-calc"
    assert override_path() == home / ".config" / "imagine-calc" / "override.yaml"


def test_linux_follows_the_xdg_folders(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "cfg"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cch"))
    assert config_dir() == home / "cfg" / "imagine-calc"
    assert cache_dir() == home / "cch" / "imagine-calc"


def test_macos_uses_application_support_and_caches(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "cfg"))  # not read on macOS
    assert config_dir() == home / "Library" / "Application Support" / "imagine-calc"
    assert cache_dir() == home / "Library" / "Caches" / "imagine-calc"


def test_windows_uses_roaming_for_settings_and_local_for_the_cache(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert config_dir() == home / "AppData" / "Roaming" / "imagine-calc"
    assert cache_dir() == home / "AppData" / "Local" / "imagine-calc"
    monkeypatch.setenv("APPDATA", str(home / "R"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "L"))
    assert config_dir() == home / "R" / "imagine-calc"
    assert cache_dir() == home / "L" / "imagine-calc"


def test_the_data_packages_are_folders_on_disk() -> None:
    catalog = package_dir("imagine_calc.catalog")
    assert (catalog / "10-models.yaml").is_file()
    assert (package_dir("imagine_calc.resources") / "imagine-calc.svg").is_file()


def test_a_module_is_not_a_data_folder() -> None:
    with pytest.raises(FileNotFoundError, match=r"^imagine_calc\.core\.paths is not a folder on disk$"):
        package_dir("imagine_calc.core.paths")


@pytest.fixture
def bare_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, with none of the variables that move the files set."""
    monkeypatch.setenv("HOME", str(tmp_path / "bare_home"))
    for name in (CONFIG_ENV, OVERRIDE_ENV, "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "APPDATA", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "bare_home"


def test_on_linux_the_files_follow_the_xdg_folders(bare_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert config_dir() == bare_home / ".config" / "imagine-calc"
    assert cache_dir() == bare_home / ".cache" / "imagine-calc"
    monkeypatch.setenv("XDG_CONFIG_HOME", "/elsewhere/config")
    monkeypatch.setenv("XDG_CACHE_HOME", "/elsewhere/cache")
    assert config_dir() == Path("/elsewhere/config/imagine-calc")
    assert cache_dir() == Path("/elsewhere/cache/imagine-calc")


def test_an_empty_xdg_variable_means_the_default_not_the_current_folder(
    bare_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CONFIG_HOME", "")
    assert config_dir() == bare_home / ".config" / "imagine-calc"


def test_on_windows_the_files_go_to_appdata(bare_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert config_dir() == bare_home / "AppData" / "Roaming" / "imagine-calc"
    assert cache_dir() == bare_home / "AppData" / "Local" / "imagine-calc"
    monkeypatch.setenv("APPDATA", "/roaming")
    monkeypatch.setenv("LOCALAPPDATA", "/local")
    assert config_dir() == Path("/roaming/imagine-calc") and cache_dir() == Path("/local/imagine-calc")


def test_on_macos_the_files_go_to_the_library(bare_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/not/on/a/mac")
    assert config_dir() == bare_home / "Library" / "Application Support" / "imagine-calc"
    assert cache_dir() == bare_home / "Library" / "Caches" / "imagine-calc"


def test_one_variable_keeps_every_user_file_in_one_folder(
    bare_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CONFIG_ENV, "/portable/imagine")
    monkeypatch.setenv("XDG_CONFIG_HOME", "/elsewhere")
    assert config_dir() == Path("/portable/imagine")
    assert cache_dir() == Path("/portable/imagine/cache")
    assert override_path() == Path("/portable/imagine/override.yaml")


def test_the_override_file_can_be_named_on_its_own(bare_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert override_path() == bare_home / ".config" / "imagine-calc" / "override.yaml"
    monkeypatch.setenv(OVERRIDE_ENV, "/dotfiles/imagine-calc.yaml")
    assert override_path() == Path("/dotfiles/imagine-calc.yaml")


def test_a_data_package_is_found_as_its_folder() -> None:
    catalog = package_dir("imagine_calc.catalog")
    assert catalog.is_dir()
    assert sorted(p.name for p in catalog.glob("*.yaml")) == [
        "00-meta.yaml",
        "10-models.yaml",
        "20-upscale.yaml",
    ]


def test_a_module_that_is_no_folder_is_said_to_be_none() -> None:
    with pytest.raises(FileNotFoundError, match=r"imagine_calc\.core\.paths is not a folder"):
        package_dir("imagine_calc.core.paths")
