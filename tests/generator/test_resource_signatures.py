"""The resource emitter's rules that need no generation run: keyword names and annotations from the
description."""

from __future__ import annotations

from typing import Any

import pytest

from generator.annotations import Names, model_type, request_type
from generator.resources import TRANSPORT_OPTIONS, _keyword_name

SPEC: dict[str, Any] = {
    "components": {
        "schemas": {
            "Message": {"type": "object", "properties": {"role": {"type": "string"}}},
            "Role": {"type": "string", "enum": ["user", "system"]},
            "Tags": {"type": "array", "items": {"type": "string"}},
        }
    }
}


@pytest.mark.parametrize(
    ("wire", "keyword"),
    [
        ("model", "model"),
        ("isDefault", "isDefault"),
        ("input", "input"),
        ("timestamp_granularities[]", "timestamp_granularities"),
        ("self-harm/intent", "self_harm_intent"),
        ("2fa", "field_2fa"),
        ("from", "from_"),
        ("timeout", "timeout_"),
    ],
)
def test_a_body_field_keeps_its_name_where_python_allows(wire: str, keyword: str) -> None:
    assert _keyword_name(wire, set(TRANSPORT_OPTIONS)) == keyword


def test_a_taken_name_gets_underscores_until_free() -> None:
    taken = {"user_id", "user_id_"}
    assert _keyword_name("user_id", taken) == "user_id__"
    assert "user_id__" in taken


def test_request_types_use_params_names_and_abstract_containers() -> None:
    names = Names()
    schema = {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/Message"}}
    assert request_type(SPEC, schema, names) == "Sequence[Message] | None"
    assert request_type(SPEC, schema, names, concrete=True) == "list[Message] | None"
    assert request_type(SPEC, {"type": "string", "format": "binary"}, names) == "FileInput"
    assert names.params == {"Message"}


def test_model_types_follow_references_to_classes_and_open_the_others() -> None:
    names = Names()
    assert model_type(SPEC, {"$ref": "#/components/schemas/Message"}, names) == "_models.Message"
    assert model_type(SPEC, {"$ref": "#/components/schemas/Role"}, names) == "_models.Role"
    assert model_type(SPEC, {"$ref": "#/components/schemas/Tags"}, names) == "list[str]"
    assert model_type(SPEC, {"type": "string", "format": "date-time"}, names) == "datetime"
    assert names.models
    assert ("datetime", "datetime") in names.imports
