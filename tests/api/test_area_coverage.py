"""Every area of `openapi/paths/` has its table of cases here (`test_<area>.py`), and the table holds a
case for every HTTP operation of the area. Creating a chat completion is tested by tests/unit (requests,
streaming, options); webhooks has no HTTP operation (signatures are checked locally:
tests/unit/test_webhooks.py). The realtime WebSocket is not plain HTTP and is not counted here."""

from __future__ import annotations

import importlib
from collections import defaultdict

from . import spec
from .cases import Case

TESTED_ELSEWHERE = {"chat.completions.create": "tests/unit"}
NO_HTTP_OPERATION = {"webhooks"}


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
    for area in sorted(areas - NO_HTTP_OPERATION):
        module = importlib.import_module(f"{__package__}.test_{area}")
        assert area == module.AREA
        cases: list[Case] = module.CASES
        calls = {case.call for case in cases}
        wanted = by_area[area] - set(TESTED_ELSEWHERE)
        assert wanted - calls == set(), f"{area}: operations without a case"
        assert calls - wanted == set(), f"{area}: cases of another area"
        covered += len(wanted)
    total = sum(len(calls) for calls in by_area.values())
    print(f"area cases cover {covered} of {total} HTTP operations (chat.completions.create: tests/unit)")
    assert covered == total - len(TESTED_ELSEWHERE)
