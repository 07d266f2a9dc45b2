"""The whole pipeline on the small fixture: counts, layout, headers, determinism, typing."""

from __future__ import annotations

import json
from pathlib import Path

from small_fixture import SMALL_SPEC, build_small, run_python

from generator.accounting import Accounting
from generator.compare import differing_files
from generator.finalize import generated_files, header
from generator.typecheck import import_all, run_mypy, run_pyright

PACKAGE = "portkey_generated"


def test_every_operation_and_schema_is_generated(small_build: tuple[Path, Accounting]) -> None:
    _, result = small_build
    assert result.summary() == "operations: 8, generated: 8, schemas lost: 0"
    assert result.problems == ()
    assert result.ok


def test_two_runs_write_identical_files(small_build: tuple[Path, Accounting], tmp_path: Path) -> None:
    first, _ = small_build
    build_small(tmp_path)
    assert differing_files(first, tmp_path) == []


def test_every_generated_file_starts_with_the_header(small_build: tuple[Path, Accounting]) -> None:
    out_dir, _ = small_build
    line = header(SMALL_SPEC.name)
    files = generated_files(out_dir / PACKAGE)
    assert len(files) > 20
    for path in files:
        assert path.read_text(encoding="utf-8").startswith(line + "\n"), path


def test_stats_file_records_digest_tools_and_counts(small_build: tuple[Path, Accounting]) -> None:
    out_dir, _ = small_build
    stats = json.loads((out_dir / "generation-stats.json").read_text(encoding="utf-8"))
    assert stats["source"] == "api.yaml"
    assert len(stats["spec_sha256"]) == 64
    assert stats["tools"]["openapi-python-client"] == "0.29.1"
    assert stats["tools"]["datamodel-code-generator"] == "0.89.0"
    assert "ruff" in stats["tools"]
    assert (stats["operations"], stats["generated"], stats["schemas_lost"]) == (8, 8, 0)


def test_models_load_lazily(small_build: tuple[Path, Accounting]) -> None:
    out_dir, _ = small_build
    loaded = run_python(
        out_dir,
        "import sys; from portkey_generated.models import Pet\n"
        "print(sorted(m for m in sys.modules if m.startswith('portkey_generated.models.')))",
    )
    assert "portkey_generated.models.pet" in loaded
    assert "portkey_generated.models.pet_event" not in loaded
    assert run_python(out_dir, "from portkey_generated.models import Owner; print(Owner.__module__)") == (
        "portkey_generated.models.owner"
    )


def test_models_init_lists_every_class(small_build: tuple[Path, Accounting]) -> None:
    out_dir, _ = small_build
    names = run_python(out_dir, "import portkey_generated.models as m; print(len(m.__all__), len(dir(m)))")
    count = len([p for p in (out_dir / PACKAGE / "models").glob("*.py") if p.name != "__init__.py"])
    assert names == f"{count} {count}"


def test_request_bodies_become_typed_dicts(small_build: tuple[Path, Accounting]) -> None:
    out_dir, _ = small_build
    params = (out_dir / PACKAGE / "params.py").read_text(encoding="utf-8")
    assert "class UploadPhotoBody(TypedDict):" in params
    assert "    file: FileInput\n" in params
    assert '    """\n    The picture.\n    """' in params
    assert 'CreateFeedbackBodyLang: TypeAlias = Literal["C#", "C++", "C"]' in params
    assert '_NewPetKeys = TypedDict(\n    "_NewPetKeys",\n    {\n        "not": NotRequired[bool],' in params
    assert '"x-shop/channel": NotRequired[str],' in params
    assert "    nicknames: NotRequired[Sequence[str]]\n" in params  # a caller's tuple or list fits
    assert "    labels: NotRequired[list[str]]\n" in params  # multipart: a list is one part per item
    assert "NewPetTraits: TypeAlias = Mapping[str, Any]\n" in params  # free-form: not an empty TypedDict
    assert (
        'class NewPet(_NewPetKeys):\n    name: str\n    """\n    What it will answer to.\n    """' in params
    )
    file_types = (out_dir / PACKAGE / "_file_types.py").read_text(encoding="utf-8")
    assert "FileInput: TypeAlias" in file_types


def test_a_union_of_a_schema_and_its_extension_keeps_every_member(
    small_build: tuple[Path, Accounting],
) -> None:
    out_dir, _ = small_build
    params = (out_dir / PACKAGE / "params.py").read_text(encoding="utf-8")
    assert "AdoptPetBody: TypeAlias = Adoption | ShelterAdoption" in params
    assert "class ShelterAdoption(TypedDict):" in params
    record = (out_dir / PACKAGE / "models" / "adoption_record.py").read_text(encoding="utf-8")
    assert "class AdoptionRecord:" in record  # a "one of these keys" rule leaves the class whole


def test_gateway_config_beside_the_spec_is_generated(small_build: tuple[Path, Accounting]) -> None:
    out_dir, _ = small_build
    assert "class GatewayConfig(TypedDict):" in (out_dir / PACKAGE / "gateway_config.py").read_text(
        encoding="utf-8"
    )
    schema = run_python(
        out_dir,
        "from portkey_generated.gateway_config_schema import SCHEMA; import json; print(json.dumps(SCHEMA))",
    )
    expected = json.loads((SMALL_SPEC.parent / "gateway-config.schema.json").read_text(encoding="utf-8"))
    assert json.loads(schema) == expected


def test_attributes_carry_their_descriptions(small_build: tuple[Path, Accounting]) -> None:
    out_dir, _ = small_build
    pet = (out_dir / PACKAGE / "models" / "pet.py").read_text(encoding="utf-8")
    assert '    name: str\n    """ What it answers to. """' in pet


def test_output_imports_and_passes_mypy_and_pyright_strict(small_build: tuple[Path, Accounting]) -> None:
    out_dir, _ = small_build
    assert import_all(out_dir) > 20
    assert run_mypy(out_dir).startswith("Success")
    assert run_pyright(out_dir).endswith(" files, 0 errors")
