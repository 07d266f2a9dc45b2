"""Golden tests: each normalisation pass, alone, on a fixture that shows what it handles.

Fixtures are `normalize_cases/<pass name>/input.yaml`, expected output `expected.yaml` beside it.
After a deliberate change, `UPDATE_GOLDEN=1 pytest tests/generator` rewrites the expected files:
read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from generator.normalize import PASSES

CASES = Path(__file__).parent / "normalize_cases"


def dump(spec: object) -> str:
    return yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=100)


def test_every_pass_has_a_case() -> None:
    assert sorted(path.name for path in CASES.iterdir() if path.is_dir()) == sorted(
        p.__name__ for p in PASSES
    )


@pytest.mark.parametrize("normalization_pass", PASSES, ids=lambda p: p.__name__)
def test_pass_matches_golden_output(normalization_pass) -> None:  # type: ignore[no-untyped-def]
    case = CASES / normalization_pass.__name__
    spec = yaml.safe_load((case / "input.yaml").read_text(encoding="utf-8"))
    normalization_pass(spec)
    actual = dump(spec)
    expected_path = case / "expected.yaml"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("normalization_pass", PASSES, ids=lambda p: p.__name__)
def test_pass_is_idempotent(normalization_pass) -> None:  # type: ignore[no-untyped-def]
    spec = yaml.safe_load((CASES / normalization_pass.__name__ / "expected.yaml").read_text(encoding="utf-8"))
    before = dump(spec)
    normalization_pass(spec)
    assert dump(spec) == before
