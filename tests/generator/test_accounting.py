"""How lost schemas are counted (generator/README.md, "Counting what is lost")."""

from __future__ import annotations

from generator.accounting import account, missing_from_places
from generator.opc_client import ClientOutput
from generator.params import TypedDictOutput

SPEC = {
    "paths": {"/pets": {"get": {"operationId": "listPets"}, "post": {"operationId": "createPet"}}},
    "components": {
        "schemas": {
            "Pet": {"type": "object"},
            "Kind": {"type": "string", "enum": ["cat"]},
            "Name": {"type": "string"},
            "Either": {"oneOf": [{"$ref": "#/components/schemas/Pet"}]},
        }
    },
}


def test_nothing_lost() -> None:
    client = ClientOutput(
        class_names=frozenset({"Pet", "Kind", "ListPetsOrder"}),
        written_classes=frozenset({"Pet"}),
        endpoints=frozenset({("get", "/pets"), ("post", "/pets")}),
        problems=(),
        place_classes={},
    )
    result = account(
        2, SPEC, client, {"params.py": TypedDictOutput(frozenset({"Pet"}), frozenset({"Pet", "Name"}))}
    )
    assert result.ok and result.summary() == "operations: 2, generated: 2, schemas lost: 0"


def test_missing_classes_unparsed_schemas_omitted_responses_and_typed_dicts_count() -> None:
    client = ClientOutput(
        class_names=frozenset({"Pet"}),
        written_classes=frozenset({"Pet"}),
        endpoints=frozenset({("get", "/pets")}),
        problems=(
            "Unable to parse schema /components/schemas/Either: Invalid property in union",
            "WARNING parsing GET /pets within pets.: Cannot parse response for status code 200",
            "WARNING parsing POST /pets within pets. Endpoint will not be generated.",
        ),
        place_classes={},
    )
    params = TypedDictOutput(
        frozenset({"Pet"}), frozenset(), frozenset({"Pet: missing from the union Either in params.py"})
    )
    result = account(2, SPEC, client, {"params.py": params})
    assert result.lost == (
        "POST /pets (createPet): WARNING parsing POST /pets within pets. Endpoint will not be generated.",
        "Either: openapi-python-client could not parse it",
        "GET /pets: openapi-python-client left a response out",
        "Kind: no model class",
        "Pet: missing from the union Either in params.py",
        "Pet: not in params.py",
    )
    assert result.summary() == "operations: 2, generated: 1, schemas lost: 6"
    assert not result.ok


def test_union_members_missing_from_a_typed_place_count() -> None:
    expected = {
        ("POST /jobs", "body application/json"): frozenset({"Job", "CloudJob"}),
        ("POST /jobs", "response 200"): frozenset({"Job"}),
        ("Queue", "property jobs[]"): frozenset({"Job", "CloudJob"}),
        ("GET /gone", "response 200"): frozenset({"Job"}),  # an operation opc did not write
    }
    used = {
        ("POST /jobs", "body application/json"): frozenset({"Job"}),
        ("POST /jobs", "response 200"): frozenset({"Job"}),
        ("Queue", "property jobs[]"): frozenset(),
    }
    assert sorted(missing_from_places(expected, used)) == [
        "CloudJob: missing from the body application/json of POST /jobs (typed as Job)",
        "CloudJob: missing from the property jobs[] of Queue (typed as no class)",
        "Job: missing from the property jobs[] of Queue (typed as no class)",
    ]
