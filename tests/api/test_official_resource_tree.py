"""Every resource and method of the official SDK (portkey-ai 2.3.4, listed in
data/official_resource_tree.json by scripts/official_resource_tree.py) exists on both our clients, unless
the file's `exclusions` leave it out with a reason."""

from __future__ import annotations

import inspect
import json
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

from portkey_typed import AsyncPortkey, Portkey

DATA = Path(__file__).with_name("data") / "official_resource_tree.json"
SKIPPED = {"with_raw_response", "chat_completions"}
"""Our own attributes that are not resources of the official tree (the raw view, an older alias)."""


def official() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text())
    return data


def is_resource(value: object) -> bool:
    module = type(value).__module__
    return module.startswith(("portkey_generated.resources", "portkey_typed._")) and not isinstance(
        value, (Portkey, AsyncPortkey)
    )


def our_tree(root: object) -> dict[str, set[str]]:
    """Dotted resource path -> public methods, walking the client's resource properties."""
    found: dict[str, set[str]] = {}

    def visit(resource: object, path: str) -> None:
        kind = type(resource)
        found[path] = {
            name
            for name in dir(kind)
            if not name.startswith("_") and inspect.isfunction(inspect.getattr_static(kind, name))
        }
        for name in dir(kind):
            if name.startswith("_") or name in SKIPPED:
                continue
            if isinstance(inspect.getattr_static(kind, name), (cached_property, property)):
                child = getattr(resource, name)
                if is_resource(child):
                    visit(child, f"{path}.{name}" if path else name)

    visit(root, "")
    del found[""]
    return found


def missing(ours: dict[str, set[str]]) -> set[str]:
    gaps = set()
    for path, methods in official()["resources"].items():
        if path not in ours:
            gaps.add(path)
        gaps |= {f"{path}.{method}" for method in methods if method not in ours.get(path, set())}
    return gaps


@pytest.mark.parametrize("flavor", [Portkey, AsyncPortkey], ids=["sync", "async"])
def test_nothing_the_official_sdk_has_is_missing(flavor: type[Portkey] | type[AsyncPortkey]) -> None:
    exclusions: dict[str, str] = official()["exclusions"]
    gaps = missing(our_tree(flavor(base_url="http://127.0.0.1:9/v1")))
    assert sorted(gaps - set(exclusions)) == [], (
        "official resources or methods we lack (add them, or exclude with a reason)"
    )


def test_every_exclusion_has_a_reason_and_is_still_needed() -> None:
    data = official()
    assert data["package"] == "portkey-ai"
    assert data["version"] == "2.3.4"
    gaps = missing(our_tree(Portkey(base_url="http://127.0.0.1:9/v1")))
    for name, reason in data["exclusions"].items():
        assert len(reason) > 20, f"{name}: the reason says too little"
        assert name in gaps, (
            f"{name} is excluded but we have it (or the official SDK does not): drop the exclusion"
        )
