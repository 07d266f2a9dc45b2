"""The gateway config (`x-portkey-config`): checked against its JSON Schema before it is sent."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from ._encoding import check_value, header_json
from ._exceptions import PortkeyValidationError
from ._redaction import MASK, MIN_SECRET_LENGTH, is_secret_key, secret_strings

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
    config = cast("Mapping[str, Any]", value)
    validate_config(config, option)
    return header_json(config, option)


def validate_config(value: Mapping[str, Any], option: str = "config") -> None:
    """Raise `PortkeyValidationError` naming the first wrong place in the config, e.g. `config.targets[1].weight`."""
    from jsonschema.exceptions import best_match  # pyright: ignore[reportUnknownVariableType]

    errors: Iterator[ValidationError] = _validator().iter_errors(value)  # pyright: ignore[reportUnknownMemberType]
    error: ValidationError | None = best_match(errors)  # pyright: ignore[reportUnknownVariableType]
    if error is not None:
        problem = _problem(error, secret=_under_secret_key(error))
        for secret in secret_strings(value):
            if len(secret) >= MIN_SECRET_LENGTH:
                problem = problem.replace(secret, MASK)
        raise PortkeyValidationError(_path(option, error), problem) from None


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    from portkey_generated.gateway_config_schema import SCHEMA

    return Draft202012Validator(SCHEMA)


def _under_secret_key(error: Any) -> bool:
    return any(is_secret_key(str(part)) for part in error.absolute_path)


def _path(option: str, error: Any) -> str:
    text = option
    for part in error.absolute_path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _problem(error: Any, *, secret: bool) -> str:
    """What is wrong, in words; a value under a secret key (`api_key: 12345`) is never quoted."""
    keyword, expected, instance = error.validator, error.validator_value, error.instance
    if secret and keyword == "type":
        return f"must be of type {expected}, not {type(instance).__name__} (a secret: its value is not shown)"
    if secret:
        return f"fails the schema's {keyword!r} rule (a secret: its value is not shown)"
    message = str(error.message)
    if keyword == "additionalProperties" and isinstance(instance, Mapping):
        schema: Any = error.schema
        fields: Mapping[str, Any] = cast("Mapping[str, Any]", schema) if isinstance(schema, Mapping) else {}
        properties: Mapping[str, Any] = fields.get("properties") or {}
        known = {str(k) for k in properties}
        unknown = sorted(str(k) for k in cast("Mapping[str, Any]", instance) if k not in known)
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
        return message.replace("is a required property", "is required but missing")
    if keyword == "type":
        return f"must be of type {expected}, not {type(instance).__name__} ({instance!r})"
    return message
