"""The gateway config (`x-portkey-config`): checked against its JSON Schema before it is sent."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from ._encoding import check_value, header_json
from ._exceptions import PortkeyValidationError

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


def encode_config(value: object, option: str = "config") -> str:
    """The header value of a config: a saved config's slug as it is, or a checked, compact JSON object."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise PortkeyValidationError(
                option, "must not be empty; give a config slug, a dict, or leave it out"
            )
        if not text.startswith("{"):
            return check_value(option, text)
        try:
            value = json.loads(text)
        except ValueError as exc:
            raise PortkeyValidationError(
                option, f"is not valid JSON ({exc}); pass a dict or a config slug"
            ) from None
    if not isinstance(value, Mapping):
        raise PortkeyValidationError(
            option, f"must be a config slug (str) or a config mapping, not {type(value).__name__}"
        )
    validate_config(value, option)
    return header_json(value)


def validate_config(value: Mapping[str, Any], option: str = "config") -> None:
    """Raise `PortkeyValidationError` naming the first wrong place in the config, e.g. `config.targets[1].weight`."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(value))
    if error is not None:
        raise PortkeyValidationError(_path(option, error), _problem(error)) from None


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator
    from portkey_generated.gateway_config_schema import SCHEMA

    return Draft202012Validator(SCHEMA)


def _path(option: str, error: ValidationError) -> str:
    text = option
    for part in error.absolute_path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _problem(error: ValidationError) -> str:
    keyword, expected, instance = error.validator, cast(Any, error.validator_value), error.instance
    if keyword == "additionalProperties" and isinstance(instance, Mapping):
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        known = {str(k) for k in schema.get("properties") or {}}
        unknown = sorted(str(k) for k in instance if k not in known)
        hint = f"; known keys: {', '.join(sorted(known))}" if known else ""
        return f"unknown key {', '.join(repr(k) for k in unknown)}{hint}"
    if keyword == "minimum":
        return f"must be >= {expected}, not {instance!r}"
    if keyword == "maximum":
        return f"must be <= {expected}, not {instance!r}"
    if keyword == "exclusiveMinimum":
        return f"must be > {expected}, not {instance!r}"
    if keyword == "enum":
        return f"must be one of {', '.join(repr(v) for v in expected)}, not {instance!r}"
    if keyword == "required":
        return error.message.replace("is a required property", "is required but missing")
    if keyword == "type":
        return f"must be of type {expected}, not {type(instance).__name__} ({instance!r})"
    return error.message
