"""The models' decoding code (generator/model_decoding.py through templates/opc/model.py.jinja).

Golden files: `golden/models/<module>.py` are models of the small fixture as generated;
`UPDATE_GOLDEN=1 pytest tests/generator` rewrites them (read the diff before committing it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from small_fixture import run_python

from generator.accounting import Accounting

GOLDEN = Path(__file__).parent / "golden" / "models"
MODULES = ("pet", "owner", "cat")


@pytest.mark.parametrize("module", MODULES)
def test_model_matches_golden_output(small_build: tuple[Path, Accounting], module: str) -> None:
    out_dir, _ = small_build
    actual = (out_dir / "portkey_generated" / "models" / f"{module}.py").read_text(encoding="utf-8")
    expected = GOLDEN / f"{module}.py"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(actual, encoding="utf-8")
    assert actual == expected.read_text(encoding="utf-8")


def decode(out_dir: Path, source: str) -> str:
    """What `Pet.from_dict(<source>)` gives in a fresh interpreter: the class of its details, its additional
    properties and whether it round-trips, or the error."""
    return run_python(
        out_dir,
        "from portkey_generated.models import Pet\n"
        "from portkey_generated.types import DecodeError\n"
        "try:\n"
        f"    pet = Pet.from_dict({source})\n"
        "except DecodeError as error:\n"
        "    print('DecodeError:', error)\n"
        "else:\n"
        f"    print(type(pet.details).__name__, pet.additional_properties, pet.to_dict() == {source})\n",
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{'id': 1, 'name': 'Rex', 'kind': 'dog'}", "DecodeError: id: expected string, got integer"),
        ("{'id': '1', 'kind': 'dog'}", "DecodeError: name: missing, but the description requires it"),
        ("[]", "DecodeError: expected object, got array"),
        (
            "{'id': '1', 'name': 'Rex', 'kind': 'dog', 'owner': {'pets': [{'id': '2', 'name': 'A', 'kind': 'cat'},"
            " {'id': '3', 'name': 'B', 'kind': 'cat', 'details': {'type': 'cat', 'lives': 'nine'}}]}}",
            "DecodeError: owner.pets[1].details.lives: expected integer, got string",
        ),
        (
            "{'id': '1', 'name': 'Rex', 'kind': 'dog', 'tags': 'x'}",
            "DecodeError: tags: expected array, got string",
        ),
        (
            "{'id': '1', 'name': 'Rex', 'kind': 'dog', 'async': 1}",
            "DecodeError: async: expected boolean, got integer",
        ),
    ],
)
def test_a_value_of_the_wrong_type_names_its_path(
    small_build: tuple[Path, Accounting], source: str, expected: str
) -> None:
    assert decode(small_build[0], source) == expected


def test_a_union_is_dispatched_on_its_tag(small_build: tuple[Path, Accounting]) -> None:
    source = "{'id': '1', 'name': 'Rex', 'kind': 'dog', 'details': {'type': 'dog', 'good': True}}"

    assert decode(small_build[0], source) == "Dog {} True"


def test_new_values_fields_and_types_are_kept(small_build: tuple[Path, Accounting]) -> None:
    body = (
        "{'id': '1', 'name': 'Rex', 'kind': 'bird', 'wings': 2, 'details': {'type': 'fish', 'fins': 2}, "
        "'self-harm/intent': 1}"
    )

    assert decode(small_build[0], body) == "Cat {'wings': 2} True"
