"""One rule for turning client options into `x-portkey-*` header values, with the checks before sending."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence, Set
from typing import Any, cast

from portkey_generated.header_options import HeaderOption

from ._exceptions import PortkeyValidationError

_BAD_CHARS = re.compile(r"[\r\n\x00]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")


def check_value(option: str, value: object) -> str:
    """Refuse a header value HTTP cannot carry: not a string, a line break or other control character,
    non-ASCII text, or blanks at either end (h11 refuses the request; a server would trim them)."""
    if not isinstance(value, str):
        raise PortkeyValidationError(option, f"must be a string, not {type(value).__name__}")
    _refuse_line_breaks(option, value)
    if not value.isascii():
        raise PortkeyValidationError(
            option,
            "header values must be ASCII text; non-ASCII text fits only in JSON options such as metadata",
        )
    control = _CONTROL.search(value)
    if control:
        raise PortkeyValidationError(
            option,
            f"header values cannot contain control characters ({control.group()!r} at position "
            f"{control.start()}); remove it",
        )
    if value != value.strip(" "):
        raise PortkeyValidationError(option, "has blanks at the start or the end; strip them")
    return value


def check_name(option: str, name: object) -> str:
    """Refuse a header name that is not an HTTP token (letters, digits and `!#$%&'*+-.^_`|~`)."""
    if not isinstance(name, str) or not _TOKEN.match(name):
        raise PortkeyValidationError(
            option, "is not a valid header name: use letters, digits and '-', with no blanks or colons"
        )
    return name.lower()


def check_headers(option: str, headers: object) -> dict[str, str]:
    """A mapping of extra headers, each name and value checked; names lower-cased."""
    if not isinstance(headers, Mapping):
        raise PortkeyValidationError(
            option, f"must be a mapping of header names to strings, not {type(headers).__name__}"
        )
    pairs = cast("Mapping[object, object]", headers)
    return {
        check_name(f"{option}[{key!r}]", key): check_value(f"{option}[{key!r}]", value)
        for key, value in pairs.items()
    }


def _refuse_line_breaks(option: str, value: str) -> None:
    if _BAD_CHARS.search(value):
        raise PortkeyValidationError(
            option, "header values cannot contain CR, LF or NUL characters; remove the line breaks"
        )


def compact_json(value: object, option: str = "body") -> str:
    """Compact JSON, the form every JSON body goes out in; refuses what is not JSON (NaN, Infinity...)."""
    return _dumps(value, option, ascii_only=False)


def json_body(value: object, option: str = "") -> bytes:
    """`compact_json` encoded as UTF-8 (which refuses a lone surrogate), naming the faulty argument."""
    text = compact_json(value, option)
    try:
        return text.encode()
    except UnicodeEncodeError:
        place, problem = _json_fault(value, option, frozenset()) or (option, "is not UTF-8")
        raise PortkeyValidationError(place or "body", problem) from None


def header_json(value: object, option: str = "header") -> str:
    """Compact JSON with non-ASCII characters escaped, the form every JSON-valued header goes out in."""
    return _dumps(value, option, ascii_only=True)


def _dumps(value: object, option: str, *, ascii_only: bool) -> str:
    try:
        text = (_ASCII_ENCODER if ascii_only else _ENCODER).encode(value)
    except (TypeError, ValueError, RecursionError):
        place, problem = _json_fault(value, option, frozenset()) or (option, "is not JSON")
        place = place or "body"
        raise PortkeyValidationError(place, problem) from None
    return text


def _json_fault(value: object, place: str, seen: frozenset[int]) -> tuple[str, str] | None:
    """Where a value stops being JSON, and why (the first place found)."""
    if isinstance(value, float) and not math.isfinite(value):
        return place, f"{value} is not JSON (no NaN or Infinity); use a finite number or None"
    if isinstance(value, str):
        if any("\ud800" <= c <= "\udfff" for c in value):
            return place, "contains a lone surrogate character, which UTF-8 cannot encode; remove it"
        return None
    if value is None or isinstance(value, (int, float)):
        return None
    if id(value) in seen:
        return place, "contains itself (a circular reference); JSON needs a tree"
    seen = seen | {id(value)}
    if isinstance(value, Mapping):
        for key, item in cast("Mapping[object, object]", value).items():
            if key is not None and not isinstance(key, (str, int, float, bool)):
                return place, f"has a key of type {type(key).__name__}; JSON object keys are strings"
            inner = f"{place}[{key!r}]" if place else str(key)
            found = _json_fault(key, place, seen) or _json_fault(item, inner, seen)
            if found:
                return found
        return None
    if isinstance(value, (Sequence, Set)) and not isinstance(value, (bytes, bytearray)):
        for index, item in enumerate(cast("Sequence[object]", value)):
            found = _json_fault(item, f"{place}[{index}]", seen)
            if found:
                return found
        return None
    return place, (
        f"is a {type(value).__name__}, which is not JSON; pass dicts, lists, strings, numbers or bools"
    )


def _plain(value: object) -> object:
    """JSON for the containers the typed parameters accept beyond dict and list (any Mapping or Sequence)."""
    if isinstance(value, Mapping):
        return dict(cast("Mapping[object, object]", value))
    if isinstance(value, (Sequence, Set)) and not isinstance(value, (str, bytes, bytearray)):
        return list(cast("Sequence[object]", value))
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False, default=_plain)
_ASCII_ENCODER = json.JSONEncoder(separators=(",", ":"), allow_nan=False, default=_plain)
"""Made once: `json.dumps` with options builds an encoder on every call."""


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
            return header_json(checked, name)
        if isinstance(value, str):
            return check_value(name, value)
        return header_json(value, name)
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
    """An Authorization value, trimmed of surrounding spaces: `Bearer ` is added when it has no scheme."""
    if not isinstance(value, str):
        raise PortkeyValidationError(
            option, f"must be the provider's key as a string, not {type(value).__name__}"
        )
    text = check_value(option, value.strip(" "))
    if not text:
        raise PortkeyValidationError(option, "is blank; give the provider's key or leave it out")
    return text if " " in text else f"Bearer {text}"


def json_or_text(value: Any) -> Any:
    """Parse a JSON environment value, or keep it as text (a config slug, say)."""
    if isinstance(value, str) and value.lstrip().startswith(("{", "[")):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
