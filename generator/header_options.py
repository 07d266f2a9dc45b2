"""Emit the client's header options and the typed Portkey response headers from the description.

Every `x-portkey-*` header parameter in `components/parameters` that names its client keyword
(`x-sdk-option`) becomes a row of `header_options.HEADER_OPTIONS` and a key of the
`PortkeyHeaderOptions` TypedDict that types the client's keywords. Every `x-portkey-*` header in
`components/headers` becomes a field of `response_headers.PortkeyResponseHeaders`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def emit(spec: dict[str, Any], package_dir: Path) -> None:
    """Write `header_options.py` and `response_headers.py` into the generated package."""
    env = templates()
    components = spec.get("components", {})
    options = sorted(_options(components.get("parameters", {})), key=lambda o: o["name"])
    uses_config = any("GatewayConfig" in o["type"] for o in options)
    (package_dir / "header_options.py").write_text(
        env.get_template("header_options.py.jinja").render(options=options, uses_config=uses_config)
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
    names = [o["name"] for o in found]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"x-sdk-option names used by more than one header: {duplicates}")
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
