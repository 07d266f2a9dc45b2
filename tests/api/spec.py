"""The project's description of the API (`openapi/`), read the way the generator reads it, as test data."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator import resources
from generator.bundle import load_folder
from generator.normalize import normalize

REPO_ROOT = Path(__file__).resolve().parents[2]
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

Schema = dict[str, Any]


@dataclass(frozen=True)
class SpecOperation:
    """One operation of the normalised description, with what a test needs to call and recognise it."""

    operation_id: str
    method: str
    path: str
    resource: str
    sdk_method: str
    plane: str
    transport: str
    area: str
    server_path: str | None
    path_params: tuple[str, ...]
    query_params: tuple[Schema, ...]
    body_params: str | None
    body_value: str | None
    body_kind: str

    def url_path(self, values: dict[str, str], base_path: str = "/v1") -> str:
        """The path of the request for these path parameter values: its own server's path, or `base_path`."""
        prefix = base_path if self.server_path is None else self.server_path
        return prefix + re.sub(r"\{([^}]+)\}", lambda m: values[m.group(1)], self.path)

    def matches(self, method: str, path: str) -> bool:
        """Whether a concrete request path (after the server's path) is an instance of this operation."""
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(self.path))
        return method == self.method and re.fullmatch(pattern, path) is not None


@functools.cache
def document() -> dict[str, Any]:
    """The bundled, normalised description with the generator's resource schemas added."""
    return resources.prepare(normalize(load_folder(REPO_ROOT / "openapi").spec))


@functools.cache
def operations() -> tuple[SpecOperation, ...]:
    spec = document()
    found: list[SpecOperation] = []
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = item[method]
            params = _parameters(item, op)
            servers = op.get("x-servers") or []
            found.append(
                SpecOperation(
                    operation_id=op["operationId"],
                    method=method.upper(),
                    path=path,
                    resource=op["x-sdk-resource"],
                    sdk_method=op["x-sdk-method"],
                    plane=op.get("x-portkey-plane", "data"),
                    transport=op.get("x-portkey-transport", "http"),
                    area=_area(path),
                    server_path=urlsplit(servers[0]["url"]).path.rstrip("/") if servers else None,
                    path_params=tuple(p["name"] for p in params if p["in"] == "path"),
                    query_params=tuple(p for p in params if p["in"] == "query"),
                    body_params=op.get("x-sdk-params"),
                    body_value=op.get("x-sdk-body"),
                    body_kind=_body_kind(op),
                )
            )
    return tuple(found)


def operation(operation_id: str) -> SpecOperation:
    return next(op for op in operations() if op.operation_id == operation_id)


def matching(method: str, path: str) -> SpecOperation:
    """The operation a request path (without the base URL's `/v1`) belongs to; literal segments win."""
    candidates = [op for op in operations() if op.matches(method, path)]
    if not candidates:
        raise LookupError(f"no operation is {method} {path}")
    return min(candidates, key=lambda op: op.path.count("{"))


def resolve(node: Schema) -> Schema:
    spec = document()
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def sample(schema: Schema, depth: int = 0) -> Any:
    """A small value of the schema's type: enough for the client to send, not meant to be meaningful."""
    schema = resolve(schema)
    if depth > 6:
        return None
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return next((v for v in schema["enum"] if v is not None), None)
    members = schema.get("oneOf") or schema.get("anyOf")
    if members:
        usable = [m for m in members if resolve(m).get("type") != "null"]
        return sample(usable[0] if usable else members[0], depth + 1)
    if "allOf" in schema:
        parts = [sample(part, depth + 1) for part in schema["allOf"]]
        if len(parts) == 1 or not all(isinstance(part, dict) for part in parts):
            return parts[0]
        return {key: value for part in parts for key, value in part.items()}
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "string":
        return b"file-bytes" if schema.get("format") == "binary" else "x"
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "array":
        return [sample(schema.get("items", {}), depth + 1)]
    if kind == "null":
        return None
    properties = schema.get("properties", {})
    return {
        name: sample(properties[name], depth + 1) for name in schema.get("required", []) if name in properties
    }


def required_body(op: SpecOperation) -> dict[str, Any]:
    """The body fields an operation cannot go without, as keyword arguments."""
    if op.body_params is None:
        return {}
    value = sample({"$ref": f"#/components/schemas/{op.body_params}"})
    return value if isinstance(value, dict) else {}


def _parameters(item: dict[str, Any], op: dict[str, Any]) -> list[Schema]:
    """The path item's parameters and the operation's, the operation's own winning, in declaration order."""
    merged: dict[tuple[str, str], Schema] = {}
    for param in [*item.get("parameters", []), *op.get("parameters", [])]:
        resolved = resolve(param)
        merged[(resolved["in"], resolved["name"])] = resolved
    return list(merged.values())


def _body_kind(op: dict[str, Any]) -> str:
    content = (op.get("requestBody") or {}).get("content") or {}
    if any("multipart" in media_type for media_type in content):
        return "multipart"
    return "json" if content else "none"


@functools.cache
def _area_paths() -> dict[str, str]:
    """Each path of the description and the `openapi/paths/<area>.yaml` file it is written in."""
    import yaml

    owners: dict[str, str] = {}
    for area_file in sorted((REPO_ROOT / "openapi" / "paths").glob("*.yaml")):
        for path in (yaml.safe_load(area_file.read_text()) or {}).get("paths", {}):
            owners[path] = area_file.stem
    return owners


def _area(path: str) -> str:
    return _area_paths()[path]
