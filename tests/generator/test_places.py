"""The classes a description allows at each typed place (`generator/places.py`)."""

from __future__ import annotations

from generator.places import expected_classes

REF = "#/components/schemas/"

SPEC = {
    "paths": {
        "/jobs": {
            "post": {
                "requestBody": {"content": {"application/json": {"schema": {"$ref": REF + "AnyJob"}}}},
                "responses": {
                    "200": {"content": {"application/json": {"schema": {"$ref": REF + "JobList"}}}},
                    "400": {"$ref": "#/components/responses/Refused"},
                },
            }
        }
    },
    "components": {
        "responses": {"Refused": {"content": {"application/json": {"schema": {"$ref": REF + "Problem"}}}}},
        "schemas": {
            "Job": {"type": "object", "properties": {"input": {"type": "string"}}},
            "CloudJob": {"allOf": [{"$ref": REF + "Job"}], "properties": {"role": {"type": "string"}}},
            "Problem": {"type": "object", "properties": {"message": {"type": "string"}}},
            "Described": {"allOf": [{"$ref": REF + "Job"}], "description": "Only a described reference."},
            "AnyJob": {"anyOf": [{"$ref": REF + "Described"}, {"$ref": REF + "CloudJob"}, {"type": "null"}]},
            "JobList": {"type": "array", "items": {"$ref": REF + "AnyJob"}},
            "Queue": {
                "type": "object",
                "properties": {
                    "next": {"anyOf": [{"$ref": REF + "Job"}, {"type": "string"}]},
                    "size": {"type": "integer"},
                },
            },
        },
    },
}


def test_unions_references_and_list_items_are_opened() -> None:
    assert expected_classes(SPEC) == {
        ("POST /jobs", "body application/json"): frozenset({"Job", "CloudJob"}),
        ("POST /jobs", "response 200"): frozenset(),
        ("POST /jobs", "response 200[]"): frozenset({"Job", "CloudJob"}),
        ("POST /jobs", "response 400"): frozenset({"Problem"}),
        ("Job", "property input"): frozenset(),
        ("Problem", "property message"): frozenset(),
        ("Queue", "property next"): frozenset({"Job"}),
        ("Queue", "property size"): frozenset(),
    }
