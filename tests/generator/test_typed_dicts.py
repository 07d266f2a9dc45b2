"""Golden tests of the TypedDict stage: `golden/typed_dicts/<case>/input.yaml` (component schemas)
-> `expected.py` (the module written from them). `UPDATE_GOLDEN=1 pytest tests/generator` rewrites
the expected files: read the diff before committing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from generator.typed_dicts import concrete_fields, write_typed_dicts

CASES = Path(__file__).parent / "golden" / "typed_dicts"


@pytest.mark.parametrize("case", sorted(path.name for path in CASES.iterdir()))
def test_module_matches_golden_output(case: str, tmp_path: Path) -> None:
    schemas = yaml.safe_load((CASES / case / "input.yaml").read_text(encoding="utf-8"))
    output = tmp_path / "params.py"
    write_typed_dicts(schemas, output, keyword_schemas=frozenset({"ToolArguments"}))
    actual = output.read_text(encoding="utf-8")
    expected_path = CASES / case / "expected.py"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")


def test_concrete_fields_turn_abstract_containers_of_the_named_typed_dicts_concrete() -> None:
    source = (
        '_UploadKeys = TypedDict("_UploadKeys", {"parts[]": NotRequired[Sequence[str]]})\n'
        "class Upload(_UploadKeys):\n"
        "    labels: Sequence[Sequence[str]]\n"
        '    """Sequence[ stays in words."""\n'
        "    extra: Mapping[str, Any]\n"
        "class Other(TypedDict):\n"
        "    labels: Sequence[str]\n"
    )
    assert concrete_fields(source, frozenset({"Upload"})) == (
        '_UploadKeys = TypedDict("_UploadKeys", {"parts[]": NotRequired[list[str]]})\n'
        "class Upload(_UploadKeys):\n"
        "    labels: list[list[str]]\n"
        '    """Sequence[ stays in words."""\n'
        "    extra: dict[str, Any]\n"
        "class Other(TypedDict):\n"
        "    labels: Sequence[str]\n"
    )
