"""The change report names what a change of the description does to the generated API, and flags
what breaks code written against the old one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import small_fixture
from small_fixture import SMALL_SPEC, build_small

from generator.accounting import Accounting
from generator.change_report import Change, add_to_changelog, compare, directory_sources, report

PET_ID = "        id: {type: string, description: Unique id.}\n"


def changed_build(tmp_path: Path, old: str, new: str) -> Path:
    """A build of the small fixture with one line of its description replaced."""
    spec_dir = tmp_path / "spec"
    shutil.copytree(SMALL_SPEC.parent, spec_dir)
    text = SMALL_SPEC.read_text()
    assert old in text
    (spec_dir / SMALL_SPEC.name).write_text(text.replace(old, new))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(small_fixture, "SMALL_SPEC", spec_dir / SMALL_SPEC.name)
        build_small(out)
    return out


def test_a_field_whose_type_changes_is_named_as_breaking(
    small_build: tuple[Path, Accounting], tmp_path: Path
) -> None:
    new = changed_build(tmp_path, PET_ID, PET_ID.replace("type: string", "type: integer"))

    changes = compare(
        directory_sources(small_build[0], "portkey_generated"), directory_sources(new, "portkey_generated")
    )

    print(report(changes))
    breaking = [c for c in changes if c.breaking]
    assert breaking and all(c.path.endswith(".id") for c in breaking), report(changes)
    assert any("`str` -> `int`" in c.what for c in breaking)


def test_the_same_sources_have_no_change(small_build: tuple[Path, Accounting]) -> None:
    sources = directory_sources(small_build[0], "portkey_generated")
    assert compare(sources, sources) == []
    assert report([]) == "No change to the public API."


FACADE_OLD = {
    "pkg/__init__.py": 'from pkg._client import Client\n__all__ = ["Client"]\n',
    "pkg/_client.py": (
        "class Core:\n"
        "    def __init__(self, *, base_url: str | None = None, retries: int = 2) -> None: ...\n"
        "class Client(Core):\n"
        "    timeout: float\n"
        "    def send(self, body: dict[str, str]) -> bytes: ...\n"
        "    def _private(self) -> None: ...\n"
        "class Hidden:\n"
        "    def gone(self) -> None: ...\n"
    ),
}


def test_exported_objects_of_private_modules_and_their_bases_count() -> None:
    new = {
        **FACADE_OLD,
        "pkg/_client.py": (
            "class Core:\n"
            "    def __init__(self, *, base_url: str | None = None, retries: int = 3, pool: int = 10) -> None: ...\n"
            "class Client(Core):\n"
            "    timeout: int\n"
            "    def send(self, body: dict[str, str], stream: bool) -> str: ...\n"
            "    def _private(self, x: int) -> None: ...\n"
        ),
    }

    lines = {f"{c.breaking} {c.path} {c.what}" for c in compare(FACADE_OLD, new)}

    assert lines == {
        "True pkg._client.Client.timeout type changed: `float` -> `int`",
        "True pkg._client.Client.send parameter `stream` was added as required",
        "True pkg._client.Client.send return type changed: `bytes` -> `str`",
        "True pkg._client.Core.__init__ parameter `retries` default was changed: 2 -> 3",
        "False pkg._client.Core.__init__ parameter `pool: int = 10` added",
    }


def test_the_changelog_gets_each_entry_once_under_unreleased(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## 0.1.0\n\n- First release.\n")
    changes = [Change(True, "pkg.Client.send", "parameter `stream` was added as required")]

    add_to_changelog(changelog, changes)
    add_to_changelog(changelog, changes)

    assert changelog.read_text() == (
        "# Changelog\n\n## Unreleased\n\n"
        "- **breaking** `pkg.Client.send`: parameter `stream` was added as required\n"
        "\n## 0.1.0\n\n- First release.\n"
    )
