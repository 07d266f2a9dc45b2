"""Stage 1: bundling the split openapi/ folder, and validating it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.bundle import bundle_folder, load_folder, read_document
from generator.errors import GenerationError

ROOT = {
    "openapi": "3.1.0",
    "info": {"title": "Fixture", "version": "1"},
    "tags": [{"name": "Pets"}],
    "paths": {},
    "components": {"schemas": {"Error": {"type": "object"}}},
}


def operation(operation_id: str) -> dict[str, object]:
    return {"operationId": operation_id, "tags": ["Pets"], "responses": {"200": {"description": "ok"}}}


def write(folder: Path, files: dict[str, object]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(content), encoding="utf-8")
    return folder


def test_areas_merge_into_the_root(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "openapi",
        {
            "openapi.yaml": ROOT,
            "paths/pets.yaml": {
                "paths": {"/pets": {"get": operation("listPets")}},
                "components": {"schemas": {"Pet": {"type": "object"}}},
            },
            "paths/toys.yaml": {
                "tags": [{"name": "Toys"}],
                "paths": {"/toys": {"get": operation("listToys")}},
            },
        },
    )
    spec = bundle_folder(folder)
    assert list(spec["paths"]) == ["/pets", "/toys"]
    assert list(spec["components"]["schemas"]) == ["Error", "Pet"]
    assert [tag["name"] for tag in spec["tags"]] == ["Pets", "Toys"]


@pytest.mark.parametrize(
    ("area", "message"),
    [
        ({"paths": {"/pets": {"get": operation("again")}}}, "paths//pets is defined twice"),
        ({"components": {"schemas": {"Error": {}}}}, "components/schemas/Error is defined twice"),
        ({"tags": [{"name": "Pets"}]}, "tag 'Pets' is declared twice"),
    ],
)
def test_a_key_defined_twice_names_both_files(tmp_path: Path, area: dict[str, object], message: str) -> None:
    folder = write(
        tmp_path / "openapi",
        {
            "openapi.yaml": {**ROOT, "paths": {"/pets": {"get": operation("listPets")}}},
            "paths/zoo.yaml": area,
        },
    )
    with pytest.raises(GenerationError) as raised:
        bundle_folder(folder)
    assert message in str(raised.value)
    assert "openapi/openapi.yaml" in str(raised.value) and "openapi/paths/zoo.yaml" in str(raised.value)


def test_an_area_with_other_top_level_keys_is_refused(tmp_path: Path) -> None:
    folder = write(tmp_path / "openapi", {"openapi.yaml": ROOT, "paths/bad.yaml": {"info": {}}})
    with pytest.raises(GenerationError, match="unexpected top-level keys"):
        bundle_folder(folder)


def test_an_invalid_description_stops_with_the_validators_message(tmp_path: Path) -> None:
    broken = {**ROOT, "info": {"title": "Fixture"}}  # no version
    folder = write(tmp_path / "openapi", {"openapi.yaml": broken})
    with pytest.raises(GenerationError) as raised:
        load_folder(folder)
    assert "openapi/ is not a valid OpenAPI description" in str(raised.value)
    assert "'version' is a required property" in str(raised.value)


def test_the_gateway_config_schema_is_picked_up(tmp_path: Path) -> None:
    folder = write(tmp_path / "openapi", {"openapi.yaml": ROOT})
    assert load_folder(folder).config_schema is None
    (folder / "gateway-config.schema.json").write_text('{"$defs": {}}', encoding="utf-8")
    assert load_folder(folder).config_schema == {"$defs": {}}


def test_yaml_is_read_with_yaml_1_2_booleans(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text("enum: [OFF, AUTO, on, no, yes]\nflags: [true, False]\n", encoding="utf-8")
    assert read_document(spec) == {"enum": ["OFF", "AUTO", "on", "no", "yes"], "flags": [True, False]}
