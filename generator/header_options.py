"""Emit the client's header options and the typed Portkey response headers from the description.

Every `x-portkey-*` header parameter in `components/parameters` that names its client keyword
(`x-sdk-option`) becomes a row of `header_options.HEADER_OPTIONS` and a key of the
`PortkeyHeaderOptions` TypedDict that types the client's keywords, and a keyword of the explicit
constructor `ClientOptions.__init__` (with the client's own settings below), so that every editor, jedi
included, lists each keyword by name. Every `x-portkey-*` header in `components/headers` becomes a
field of `response_headers.PortkeyResponseHeaders`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from .resources import templates
from .spec_walk import resolve

PREFIX = "x-portkey-"
ENCODING_TYPES = {
    "string": "str",
    "boolean": "bool",
    "integer": "int",
    "json": "Mapping[str, Any]",
    "csv": "Sequence[str]",
}
RESPONSE_TYPES = {"integer": "int", "boolean": "bool"}


class Setting(NamedTuple):
    """A constructor keyword of the client that is not a header option."""

    name: str
    type: str
    default: str
    description: str


# The client's own keywords, around the header options in the constructor's signature. `HttpClientT`
# and `LLMOptionsT` are the generated class's type parameters (the facade binds them).
LEADING_SETTINGS = (
    Setting(
        "base_url",
        "str | None",
        "None",
        "The gateway's URL with its version path. Default: `PORTKEY_BASE_URL`, else "
        "https://api.portkey.ai/v1 when a Portkey API key is set, else http://localhost:8787/v1.",
    ),
    Setting(
        "authorization",
        "str | None",
        "None",
        "The provider's own key, sent as `Authorization: Bearer ...` (`Bearer ` is added when missing).",
    ),
    Setting(
        "Authorization", "str | None", "None", "The same as `authorization`, spelt as portkey-ai spells it."
    ),
)
TRAILING_SETTINGS = (
    Setting(
        "timeout",
        "Timeout | NotGiven",
        "NOT_GIVEN",
        "Seconds, an `httpx.Timeout`, or None for none. Default: 600 s, 5 s to connect.",
    ),
    Setting(
        "max_retries",
        "int | NotGiven",
        "NOT_GIVEN",
        "Retries of connection errors, timeouts, 408, 409, 429 and 5xx. Default: 2.",
    ),
    Setting("default_headers", "Mapping[str, str] | None", "None", "Headers sent with every request."),
    Setting(
        "http_client",
        "HttpClientT | None",
        "None",
        "An `httpx.Client` (`httpx.AsyncClient` for `AsyncPortkey`) you own; the client never closes it.",
    ),
    Setting(
        "websocket_base_url",
        "str | None",
        "None",
        "The realtime WebSocket base URL (`ws://` or `wss://`). Default: `base_url` with its scheme "
        "turned into `ws`/`wss`.",
    ),
    Setting(
        "webhook_secret",
        "str | None",
        "None",
        "The secret that webhook signatures are checked with (`client.webhooks`).",
    ),
    Setting(
        "instrumentation",
        "bool | None",
        "None",
        "Accepted for portkey-ai's sake: this client installs no OpenTelemetry instrumentation (True warns).",
    ),
    Setting(
        "calculate_audio_duration",
        "bool | None",
        "None",
        "Accepted for portkey-ai's sake: this client does not measure audio files (True warns).",
    ),
    Setting(
        "mode",
        'Literal["single", "fallback", "loadbalance"] | None',
        "None",
        "The older API: the strategy over `llms`, translated into a config.",
    ),
    Setting("llms", "Sequence[LLMOptionsT] | None", "None", "The older API: one `LLMOptions` per target."),
)


def emit(spec: dict[str, Any], package_dir: Path) -> None:
    """Write `header_options.py` and `response_headers.py` into the generated package."""
    env = templates()
    components = spec.get("components", {})
    in_spec_order = _options(components.get("parameters", {}))
    options = sorted(in_spec_order, key=lambda o: o["name"])
    uses_config = any("GatewayConfig" in o["type"] for o in options)
    (package_dir / "header_options.py").write_text(
        env.get_template("header_options.py.jinja").render(
            options=options,
            init_options=in_spec_order,
            leading=LEADING_SETTINGS,
            trailing=TRAILING_SETTINGS,
            uses_config=uses_config,
        )
    )
    fields = sorted(_response_fields(spec).values(), key=lambda f: f["name"])
    (package_dir / "response_headers.py").write_text(
        env.get_template("response_headers.py.jinja").render(fields=fields)
    )


def _options(parameters: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for param in parameters.values():
        name = param.get("x-sdk-option")
        header = str(param.get("name", ""))
        if param.get("in") != "header" or not name or not header.lower().startswith(PREFIX):
            continue
        encoding = param.get("x-sdk-encoding", "string")
        if encoding not in ENCODING_TYPES:
            raise ValueError(f"{header}: x-sdk-encoding {encoding!r} is not one of {sorted(ENCODING_TYPES)}")
        found.append(
            {
                "name": name,
                "header": header.lower(),
                "encoding": encoding,
                "secret": bool(param.get("x-sdk-secret")),
                "type": param.get("x-sdk-type") or ENCODING_TYPES[encoding],
                "description": _doc(
                    param.get("description") or (param.get("schema") or {}).get("description")
                ),
            }
        )
    names = [o["name"] for o in found] + [s.name for s in (*LEADING_SETTINGS, *TRAILING_SETTINGS)]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(
            f"x-sdk-option names used twice (by two headers, or a header and a setting): {duplicates}"
        )
    return found


def _response_fields(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every `x-portkey-*` header a response of the description declares, by header name."""
    components = spec.get("components", {})
    responses = list(components.get("responses", {}).values())
    for item in spec.get("paths", {}).values():
        for op in item.values():
            if isinstance(op, dict):
                responses += list((op.get("responses") or {}).values())
    fields: dict[str, dict[str, Any]] = {}
    for response in responses:
        for header, declared in ((response or {}).get("headers") or {}).items():
            header = header.lower()
            if not header.startswith(PREFIX) or header in fields:
                continue
            declared = resolve(spec, declared)
            schema = resolve(spec, declared.get("schema") or {})
            fields[header] = {
                "name": header[len(PREFIX) :].replace("-", "_"),
                "header": header,
                "type": RESPONSE_TYPES.get(schema.get("type"), "str"),
                "description": _doc(declared.get("description")),
            }
    return fields


def _doc(text: Any) -> str:
    return " ".join(str(text or "").split()).replace("\\", "\\\\").replace('"""', "'''")
