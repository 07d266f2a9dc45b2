"""How generated models reach the other models they decode: bound once, on first use, by `_import_models`,
not imported on every call nor with the module. Cycles load and decode; casts cost nothing at run time."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from small_fixture import run_python

from generator.accounting import Accounting
from generator.errors import GenerationError
from generator.opc_client import generate_client

MODELS = Path("portkey_generated") / "models"
PRINT_LOADED_MODELS = (
    "import sys\n"
    "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('portkey_generated.models.')))"
)
OWNER_WITH_A_PET = (
    "{'name': 'Ann', 'pets': [{'id': 'p1', 'name': 'Rex', 'kind': 'dog', 'owner': {'name': 'Ann'},"
    " 'details': {'type': 'dog', 'good': True}}]}"
)


def model_sources(out_dir: Path) -> dict[str, str]:
    return {
        path.stem: path.read_text(encoding="utf-8")
        for path in sorted((out_dir / MODELS).glob("*.py"))
        if path.name != "__init__.py"
    }


def function_imports(source: str) -> dict[str, list[str]]:
    """Function name -> the modules its body imports from."""
    return {
        node.name: [inner.module or "" for inner in ast.walk(node) if isinstance(inner, ast.ImportFrom)]
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef)
    }


def test_only_import_models_imports_inside_a_function(small_build: tuple[Path, Accounting]) -> None:
    out_dir, _ = small_build
    pet = model_sources(out_dir)["pet"]
    assert function_imports(pet)["_import_models"] == [
        "models.cat",
        "models.dog",
        "models.owner",
    ]
    assert "        if not _models_imported:\n            _import_models()\n" in pet
    for name, source in model_sources(out_dir).items():
        importing = [function for function, modules in function_imports(source).items() if modules]
        assert importing in ([], ["_import_models"]), name


def test_importing_a_model_imports_no_other_model(small_build: tuple[Path, Accounting]) -> None:
    out_dir, _ = small_build
    loaded = run_python(out_dir, f"import portkey_generated.models.pet\n{PRINT_LOADED_MODELS}")
    assert loaded == str(["kind", "pet"])  # `kind` is a Literal alias with its check function


@pytest.mark.parametrize("first", ["owner", "pet"])
def test_a_cycle_of_models_decodes_and_encodes_from_either_side(
    small_build: tuple[Path, Accounting], first: str
) -> None:
    out_dir, _ = small_build
    decoded = run_python(
        out_dir,
        f"from portkey_generated.models.{first} import {first.title()}\n"
        "from portkey_generated.models.owner import Owner\n"
        f"owner = Owner.from_dict({OWNER_WITH_A_PET})\n"
        "pet = owner.pets[0]\n"
        "print(type(pet).__name__, type(pet.owner).__name__, type(pet.details).__name__)\n"
        f"print(owner.to_dict() == {OWNER_WITH_A_PET})",
    )
    assert decoded == "Pet Owner Dog\nTrue"


def test_models_call_no_cast(small_build: tuple[Path, Accounting]) -> None:
    """`cast` is a function call at run time; the decoding code narrows without it."""
    out_dir, _ = small_build
    casts = [
        line.strip()
        for source in model_sources(out_dir).values()
        for line in source.splitlines()
        if re.search(r"\bcast\(", line)
    ]
    assert casts == []


def test_a_property_that_would_hide_import_models_stops_the_build(tmp_path: Path) -> None:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Clash", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Job": {"type": "object", "properties": {"importModels": {"type": "array", "items": {}}}}
            }
        },
    }
    with pytest.raises(GenerationError, match=r"Job\.importModels; as Python names import_models or"):
        generate_client(spec, tmp_path / "portkey_generated", tmp_path / "clash.yaml")
