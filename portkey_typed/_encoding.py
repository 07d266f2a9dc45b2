"""One rule for turning client options into `x-portkey-*` header values, with the checks before sending."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence, Set
from typing import Any, cast

from portkey_generated.header_options import HeaderOption

from ._exceptions import PortkeyValidationError

_BAD_CHARS = re.compile(r"[\r\n\x00]")
_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")


def check_value(option: str, value: str) -> str:
    """Refuse a header value that would split the request (CR, LF or NUL) or that HTTP cannot carry (non-ASCII)."""
    _refuse_line_breaks(option, value)
    if not value.isascii():
        raise PortkeyValidationError(
            option,
            "header values must be ASCII text; non-ASCII text fits only in JSON options such as metadata",
        )
    return value


def _refuse_line_breaks(option: str, value: str) -> None:
    if _BAD_CHARS.search(value):
        raise PortkeyValidationError(
            option, "header values cannot contain CR, LF or NUL characters; remove the line breaks"
        )


def compact_json(value: object) -> str:
    """Compact JSON, the form every JSON body goes out in."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=_plain)


def header_json(value: object) -> str:
    """Compact JSON with non-ASCII characters escaped, the form every JSON-valued header goes out in."""
    return json.dumps(value, separators=(",", ":"), default=_plain)


def _plain(value: object) -> object:
    """JSON for the containers the typed parameters accept beyond dict and list (any Mapping or Sequence)."""
    if isinstance(value, Mapping):
        return dict(cast("Mapping[object, object]", value))
    if isinstance(value, (Sequence, Set)) and not isinstance(value, (str, bytes, bytearray)):
        return list(cast("Sequence[object]", value))
    raise TypeError(
        f"{type(value).__name__} is not JSON serializable; pass dicts, lists, strings, numbers or bools"
    )


def encode(option: HeaderOption, value: object) -> str:
    """The header value of an option, checked; raises `PortkeyValidationError` naming the option."""
    name = option.name
    if option.encoding == "boolean":
        if not isinstance(value, bool):
            raise PortkeyValidationError(name, f"must be True or False, not {type(value).__name__}")
        return "true" if value else "false"
    if option.encoding == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise PortkeyValidationError(name, f"must be an integer, not {type(value).__name__}")
        if value < 0:
            raise PortkeyValidationError(name, f"must be >= 0, not {value}")
        return str(value)
    if option.encoding == "csv":
        return ",".join(header_names(name, value))
    if option.encoding == "json":
        if name == "metadata":
            checked = metadata(value)
            if isinstance(value, str) and value.isascii() and not _BAD_CHARS.search(value):
                return value  # a JSON string is sent as given when a header can carry it
            return header_json(checked)
        if isinstance(value, str):
            return check_value(name, value)
        return check_value(name, header_json(value))
    if not isinstance(value, str):
        raise PortkeyValidationError(name, f"must be a string, not {type(value).__name__}")
    if not value:
        raise PortkeyValidationError(name, "must not be empty; leave the option out instead")
    return check_value(name, value)


def metadata(value: object, option: str = "metadata") -> dict[str, str]:
    """Check metadata: a mapping of string keys to string values, or a JSON object of them as a string
    (the gateway drops anything else)."""
    if isinstance(value, str):
        value = _json_object(option, value)
    if not isinstance(value, Mapping):
        raise PortkeyValidationError(
            option, f"must be a mapping of strings to strings, not {type(value).__name__}"
        )
    pairs = cast("Mapping[object, object]", value)
    for key, item in pairs.items():
        if not isinstance(key, str):
            raise PortkeyValidationError(option, f"keys must be strings; {key!r} is {type(key).__name__}")
        if not isinstance(item, str):
            raise PortkeyValidationError(
                f"{option}[{key!r}]",
                f"values must be strings, not {type(item).__name__}; convert it with str()",
            )
        _refuse_line_breaks(f"{option}[{key!r}]", item)
    return cast("dict[str, str]", dict(pairs))


def _json_object(option: str, text: str) -> object:
    try:
        parsed: object = json.loads(text)
    except ValueError as exc:
        raise PortkeyValidationError(
            option,
            f'a string must be a JSON object such as \'{{"_user": "u-1"}}\'; this one is not JSON ({exc})',
        ) from None
    if not isinstance(parsed, dict):
        raise PortkeyValidationError(
            option, f"a string must be a JSON object of string values, not a JSON {type(parsed).__name__}"
        )
    return cast(object, parsed)


def header_names(option: str, value: object) -> list[str]:
    """Check a list of header names (forward_headers); they go out lower-cased, as HTTP compares them."""
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise PortkeyValidationError(option, "must be a list of header names, e.g. ['x-custom-header']")
    names: list[str] = []
    for item in cast("Sequence[object]", value):
        if not isinstance(item, str) or not _TOKEN.match(item):
            raise PortkeyValidationError(option, f"{item!r} is not a valid header name")
        names.append(item.lower())
    return names


def bearer(value: object, option: str = "authorization") -> str:
    """An Authorization value: `Bearer ` is added when the value has no scheme."""
    if not isinstance(value, str):
        raise PortkeyValidationError(
            option, f"must be the provider's key as a string, not {type(value).__name__}"
        )
    check_value(option, value)
    return value if " " in value.strip() else f"Bearer {value.strip()}"


def json_or_text(value: Any) -> Any:
    """Parse a JSON environment value, or keep it as text (a config slug, say)."""
    if isinstance(value, str) and value.lstrip().startswith(("{", "[")):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
