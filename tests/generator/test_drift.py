"""`python -m generator drift`: what it reports between two descriptions, and how allowances explain it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from generator import drift
from generator.errors import GenerationError


def _spec(body: dict[str, Any], response: dict[str, Any], parameters: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "paths": {
            "/widgets/{id}": {
                "post": {
                    "parameters": parameters,
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Body"}}}
                    },
                    "responses": {
                        "200": {
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Out"}}}
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Body": body, "Out": response}},
    }


BODY = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string"},
        "size": {"type": "integer"},
        "options": {"type": "object", "properties": {"colour": {"type": "string", "enum": ["red", "blue"]}}},
    },
}
OUT = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "items": {"type": "array", "items": {"type": "object", "properties": {"label": {"type": "string"}}}},
    },
}
PARAMETERS = [
    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
    {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
]


def test_identical_descriptions_have_no_difference() -> None:
    spec = _spec(BODY, OUT, PARAMETERS)
    assert drift.differences(spec, copy.deepcopy(spec)) == []


def test_parameters_are_matched_by_place_and_name_and_their_requiredness_compared() -> None:
    ours = _spec(BODY, OUT, PARAMETERS)
    theirs = _spec(BODY, OUT, [dict(PARAMETERS[0], name="widget_id"), dict(PARAMETERS[1], required=True)])
    theirs["paths"]["/widgets/{widget_id}"] = theirs["paths"].pop("/widgets/{id}")
    assert drift.differences(ours, theirs) == [
        "POST /widgets/{} parameter path.id: only here",
        "POST /widgets/{} parameter path.widget_id: only upstream",
        "POST /widgets/{} parameter query.verbose: optional here, required upstream",
    ]


def test_body_fields_two_levels_deep_enums_types_and_requiredness() -> None:
    theirs_body = copy.deepcopy(BODY)
    theirs_body["required"] = ["name", "size"]
    theirs_body["properties"]["size"] = {"type": "number"}
    theirs_body["properties"]["options"]["properties"]["colour"]["enum"] = ["red", "blue", "green"]
    theirs_body["properties"]["options"]["properties"]["shade"] = {"type": "string"}
    theirs_out = copy.deepcopy(OUT)
    theirs_out["properties"]["items"]["items"]["properties"]["weight"] = {"type": "number"}
    found = drift.differences(_spec(BODY, OUT, PARAMETERS), _spec(theirs_body, theirs_out, PARAMETERS))
    assert found == [
        "POST /widgets/{} request.options.colour: enum values only upstream [green]",
        "POST /widgets/{} request.options.shade: only upstream",
        "POST /widgets/{} request.size: optional here, required upstream",
        "POST /widgets/{} request.size: type [integer] here, [number] upstream",
        "POST /widgets/{} response.items.weight: only upstream",
    ]


def test_an_operation_missing_here_is_a_difference_one_only_here_is_not() -> None:
    ours = _spec(BODY, OUT, PARAMETERS)
    theirs = copy.deepcopy(ours)
    theirs["paths"]["/gadgets"] = {"get": {"responses": {"200": {"description": "ok"}}}}
    assert drift.differences(ours, theirs) == ["GET /gadgets: operation only upstream"]
    assert drift.differences(theirs, ours) == []


def test_union_members_and_discriminator_mappings_are_joined() -> None:
    union = {
        "oneOf": [
            {
                "type": "object",
                "required": ["kind"],
                "properties": {"kind": {"const": "a"}, "x": {"type": "string"}},
            },
            {
                "type": "object",
                "required": ["kind"],
                "properties": {"kind": {"const": "b"}, "y": {"type": "string"}},
            },
        ],
        "discriminator": {"propertyName": "kind", "mapping": {"a": "#/x", "b": "#/y", "c": "#/z"}},
    }
    flat = {
        "type": "object",
        "required": ["kind"],
        "properties": {
            "kind": {"type": "string", "enum": ["a", "b", "c"]},
            "x": {"type": "string"},
            "y": {"type": "string"},
        },
    }
    assert drift.differences(_spec(union, OUT, PARAMETERS), _spec(flat, OUT, PARAMETERS)) == []


def test_allowances_explain_by_pattern_and_stale_ones_are_reported(tmp_path: Path) -> None:
    file = tmp_path / "drift.yaml"
    file.write_text(
        "allowed:\n"
        "  - match: '* request.size: *'\n"
        "    reason: sizes are whole numbers here.\n"
        "  - match: 'GET /nothing: operation only upstream'\n"
        "    reason: no longer true.\n"
    )
    found = [
        "POST /widgets/{} request.size: optional here, required upstream",
        "POST /widgets/{} request.size: type [integer] here, [number] upstream",
        "POST /widgets/{} response.items.weight: only upstream",
    ]
    left, stale = drift.unexplained(found, drift.load_allowances(file))
    assert left == ["POST /widgets/{} response.items.weight: only upstream"]
    assert [allowance.pattern for allowance in stale] == ["GET /nothing: operation only upstream"]


@pytest.mark.parametrize(
    "text", ["allowed:\n  - match: 'x'\n", "allowed:\n  - match: 'x'\n    reason: '  '\n", "allowed: [\n"]
)
def test_an_allowance_without_a_reason_or_a_broken_file_stops_with_a_message(
    tmp_path: Path, text: str
) -> None:
    file = tmp_path / "drift.yaml"
    file.write_text(text)
    with pytest.raises(GenerationError, match=r"drift\.yaml"):
        drift.load_allowances(file)


def test_the_project_allowances_file_is_well_formed() -> None:
    allowances = drift.load_allowances(
        Path(__file__).resolve().parents[2] / "openapi" / drift.ALLOWANCES_FILE
    )
    assert allowances
    assert len({allowance.pattern for allowance in allowances}) == len(allowances)
