"""Every area of `openapi/paths/` has its table of cases here (`test_<area>.py`), and the table holds a
case for every HTTP operation of the area. Two areas are tested elsewhere: chat completions by
tests/unit (requests, streaming, options), and webhooks, which has no HTTP operation (signatures are checked
locally: tests/unit/test_webhooks.py). The realtime WebSocket is not plain HTTP and is not counted here."""

from __future__ import annotations

import importlib
from collections import defaultdict

from . import spec
from .cases import Case

TESTED_ELSEWHERE = {"chat": "tests/unit", "webhooks": "no HTTP operation"}


def operations_by_area() -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for op in spec.operations():
        if op.transport == "http":
            found[op.area].add(f"{op.resource}.{op.sdk_method}")
    return found


def test_every_area_has_a_case_for_each_of_its_operations() -> None:
    areas = {path.stem for path in (spec.REPO_ROOT / "openapi" / "paths").glob("*.yaml")}
    by_area = operations_by_area()
    covered = 0
    for area in sorted(areas - set(TESTED_ELSEWHERE)):
        module = importlib.import_module(f"{__package__}.test_{area}")
        assert area == module.AREA
        cases: list[Case] = module.CASES
        calls = {case.call for case in cases}
        assert by_area[area] - calls == set(), f"{area}: operations without a case"
        assert calls - by_area[area] == set(), f"{area}: cases of another area"
        covered += len(by_area[area])
    total = sum(len(calls) for calls in by_area.values())
    print(f"area cases cover {covered} of {total} HTTP operations (chat: tests/unit)")
    assert covered == total - len(by_area["chat"])
