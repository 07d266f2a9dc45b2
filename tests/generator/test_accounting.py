"""How lost schemas are counted (generator/README.md, "Counting what is lost")."""

from __future__ import annotations

from generator.accounting import account
from generator.opc_client import ClientOutput
from generator.params import TypedDictOutput

SPEC = {
    "components": {
        "schemas": {
            "Pet": {"type": "object"},
            "Kind": {"type": "string", "enum": ["cat"]},
            "Name": {"type": "string"},
            "Either": {"oneOf": [{"$ref": "#/components/schemas/Pet"}]},
        }
    }
}


def test_nothing_lost() -> None:
    client = ClientOutput(
        class_names=frozenset({"Pet", "Kind", "ListPetsOrder"}), endpoint_count=2, problems=()
    )
    result = account(
        2, SPEC, client, {"params.py": TypedDictOutput(frozenset({"Pet"}), frozenset({"Pet", "Name"}))}
    )
    assert result.ok and result.summary() == "operations: 2, generated: 2, schemas lost: 0"


def test_missing_classes_unparsed_schemas_omitted_responses_and_typed_dicts_count() -> None:
    client = ClientOutput(
        class_names=frozenset({"Pet"}),
        endpoint_count=1,
        problems=(
            "Unable to parse schema /components/schemas/Either: Invalid property in union",
            "WARNING parsing GET /pets within pets.: Cannot parse response for status code 200",
        ),
    )
    result = account(2, SPEC, client, {"params.py": TypedDictOutput(frozenset({"Pet"}), frozenset())})
    assert result.lost == (
        "Either: openapi-python-client could not parse it",
        "GET /pets: openapi-python-client left a response out",
        "Kind: no model class",
        "Pet: not in params.py",
    )
    assert result.summary() == "operations: 2, generated: 1, schemas lost: 4"
    assert not result.ok
