"""What a package carries besides code: its version, and the licence that ships in the wheel."""

from __future__ import annotations

import sys
from pathlib import Path

import portkey_typed

if sys.version_info >= (3, 11):
    import tomllib
else:  # pytest brings tomli on 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_the_project_s() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

    assert portkey_typed.__version__ == project["version"]
    assert "__version__" in portkey_typed.__all__


def test_the_mit_licence_is_in_the_repository_and_goes_into_the_wheel() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")
