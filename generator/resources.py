"""Emit the resource tree (`client.chat.completions.create(...)`) from the normalised description.

`prepare` runs before openapi-python-client: it adds the component schemas the resources need
(keyword-argument TypedDicts without the names the per-call options take, and envelopes for
responses that are not objects). `emit` runs after it and writes `resources/`: for every operation a
typed method on the resource named by its `x-sdk-resource` / `x-sdk-method`, sync and async, each
with a `with_raw_response` twin.

Rules the resource tree follows:
- Each field of an object request body is a keyword parameter of its own, named as the field
  (`_keyword_name` says what happens to names that cannot be Python parameters); required fields have
  no default, the others default to `NOT_GIVEN` and are left out of the body when not given.
- A keyword that names a body field is that body field. The per-call Portkey options (`HEADER_OPTIONS`)
  are keywords of data-plane methods only where no parameter of the operation has their name; every
  one of them is always available through `client.with_options(...)`. Control-plane operations
  (`x-portkey-plane: control`) take none: those options steer the gateway's routing, which a
  management call does not go through.
- A list operation is paged when its query has a cursor (`after`, `starting_after` or `before`) or an
  integer page number (`page`, `current_page`), plus a page size (`limit`, `page_size`, `per_page`), and its JSON answer
  is an object whose `data` property is an array (parameter names compared in snake_case, so `currentPage`
  counts). Next to it goes an iterator over the items of every page: `list_all` for `list`, else
  `<method>_all` (see `cursor_items` / `numbered_items` in `_base.py` for how pages are walked).
- An operation whose own server (`x-servers`, from a path's or operation's `servers`) has a shorter path
  than the description's first server (the API root instead of `/v1`) names the end of the base URL to
  leave out in `Operation.base_suffix_dropped`; a path its server adds goes in front of its own path.
"""

from __future__ import annotations

import copy
import keyword
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import jinja2
from openapi_python_client.strings import ClassName, PythonIdentifier

from . import api_reference
from .annotations import Names, model_type, request_type
from .params import form_bodies
from .spec_walk import iter_operations, ref_target_name, resolve

TEMPLATES = Path(__file__).parent / "templates" / "resources"

# Per-call options. The Portkey header options give way to an operation's own parameter of the same
# name (rule in the module docstring); the transport options are keywords of every method.
HEADER_OPTIONS: dict[str, str] = {
    "trace_id": "str | NotGiven = NOT_GIVEN",
    "metadata": "Mapping[str, str] | NotGiven = NOT_GIVEN",
    "config": "{config_type} | NotGiven = NOT_GIVEN",
    "cache_force_refresh": "bool | NotGiven = NOT_GIVEN",
    "cache_namespace": "str | NotGiven = NOT_GIVEN",
}
TRANSPORT_OPTIONS: dict[str, str] = {
    "extra_headers": "Headers | None = None",
    "extra_query": "Query | None = None",
    "extra_body": "Body | None = None",
    "timeout": "Timeout | NotGiven = NOT_GIVEN",
    "max_retries": "int | NotGiven = NOT_GIVEN",
}
ENVELOPE_SUFFIX = "Envelope"
CURSOR_PARAMETERS = ("after", "starting_after", "before")
PAGE_NUMBER_PARAMETERS = ("page", "current_page")
PAGE_SIZE_PARAMETERS = ("limit", "page_size", "per_page")
BINARY_TYPES = (
    "application/octet-stream",
    "audio/",
    "image/",
    "video/",
    "application/pdf",
    "application/zip",
)


def templates() -> jinja2.Environment:
    """The Jinja environment of the templates in `templates/resources/` (strict about undefined names)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


class ResourceError(Exception):
    """The description asks for a resource tree that cannot be built (two methods with one name...)."""


# ----------------------------------------------------------------------------------------------
# prepare


def prepare(spec: dict[str, Any]) -> dict[str, Any]:
    """Mark each operation's body (`x-sdk-params`: an object whose fields become keyword parameters;
    `x-sdk-body`: anything else, passed as `body=`) and add envelopes for responses that are not
    objects; return the new spec."""
    spec = copy.deepcopy(spec)
    schemas: dict[str, Any] = spec.setdefault("components", {}).setdefault("schemas", {})
    for _path, _method, op in _operations(spec):
        body_ref = _body_ref(op)
        if body_ref is not None:
            op["x-sdk-params" if _is_model(spec, schemas.get(body_ref, {})) else "x-sdk-body"] = body_ref
        for name in (_success_ref(op), op.get("x-stream-chunk")):
            if name and not _is_model(spec, schemas.get(name, {})):
                envelope = f"{name}{ENVELOPE_SUFFIX}"
                schemas.setdefault(
                    envelope,
                    {
                        "type": "object",
                        "description": f"Carries one `{name}` value so that it can be decoded.",
                        "required": ["data"],
                        "properties": {"data": {"$ref": f"#/components/schemas/{name}"}},
                        "x-sdk-envelope": True,
                    },
                )
    return spec


# ----------------------------------------------------------------------------------------------
# emit


@dataclass
class Param:
    """A path or query parameter, or a body field, of a method."""

    wire: str
    name: str
    annotation: str
    required: bool
    description: str


@dataclass
class Paging:
    """How the iterator next to a paged list method walks its pages."""

    name: str
    style: Literal["cursor", "number"]
    param: str
    size_param: str
    first: int
    backwards: bool
    item: str


@dataclass
class Method:
    """One operation as a resource method."""

    name: str
    operation_id: str
    http_method: str
    path: str
    base_suffix_dropped: str
    plane: str
    body: str
    response: str
    path_params: list[Param]
    query_params: list[Param]
    body_fields: list[Param]
    body_schema: str | None
    """The component whose fields are `body_fields` (None: the body is not an object)."""
    body_type: str | None
    """The type of `body=`, for a body that is not an object (an array, a union...)."""
    path_expr: str
    returns: str
    decode: str
    chunk: str | None
    chunk_decode: str | None
    stream_only: bool
    header_options: list[tuple[str, str]]
    fixed_headers: dict[str, str]
    """Headers the operation always sends (`x-sdk-headers`), such as OpenAI's beta opt-in; a caller's
    `extra_headers` of the same name wins."""
    docstring: str
    paging: Paging | None


@dataclass
class Node:
    """A resource: its methods and its child resources."""

    path: tuple[str, ...]
    methods: dict[str, Method] = field(default_factory=dict)
    children: dict[str, Node] = field(default_factory=dict)

    @property
    def class_name(self) -> str:
        return "".join(_pascal(part) for part in self.path)

    def names(self) -> list[str]:
        """Every attribute name the resource class defines: methods, iterators, children."""
        iterators = [m.paging.name for m in self.methods.values() if m.paging]
        return [*self.methods, *iterators, *self.children]

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children.values():
            yield from child.walk()


def emit(spec: dict[str, Any], package_dir: Path) -> None:
    """Write `resources/` into the generated package."""
    out = package_dir / "resources"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    shutil.copyfile(TEMPLATES / "_base.py", out / "_base.py")
    has_config = (package_dir / "gateway_config.py").exists()  # written by this run's earlier stage
    root = Node(path=())
    imports: dict[str, _Imports] = {}
    for path, method, op in _operations(spec):
        if op.get("x-portkey-transport", "http") != "http":
            continue
        resource = tuple(op["x-sdk-resource"].split("."))
        node = root
        for depth in range(1, len(resource) + 1):
            node = node.children.setdefault(resource[depth - 1], Node(path=resource[:depth]))
        module_imports = imports.setdefault(resource[0], _Imports())
        built = _method(spec, path, method, op, module_imports)
        if built.name in node.methods:
            raise ResourceError(
                f"two operations are {op['x-sdk-resource']}.{built.name}: "
                f"{node.methods[built.name].operation_id} and {built.operation_id}"
            )
        node.methods[built.name] = built
    for node in root.walk():
        names = node.names()
        clash = sorted({name for name in names if names.count(name) > 1})
        if clash:
            raise ResourceError(
                f"{'.'.join(node.path) or 'client'}: {clash} named twice (methods, iterators, resources)"
            )

    env = templates()
    module = env.get_template("module.py.jinja")
    for top in sorted(root.children):
        node = root.children[top]
        text = module.render(
            top=node,
            nodes=list(node.walk()),
            imports=imports[top],
            header_options=HEADER_OPTIONS,
            transport_options=TRANSPORT_OPTIONS,
            has_config=has_config,
        )
        (out / f"{_module_name(top)}.py").write_text(text)
    init = env.get_template("init.py.jinja")
    tops = [(name, _module_name(name), root.children[name].class_name) for name in sorted(root.children)]
    (out / "__init__.py").write_text(init.render(tops=tops))
    api_reference.write(root, package_dir.parent)


@dataclass
class _Imports:
    models: set[str] = field(default_factory=set)
    type_only: set[tuple[str, str]] = field(default_factory=set)
    params: set[str] = field(default_factory=set)


def _method(
    spec: dict[str, Any],
    path: str,
    http_method: str,
    op: dict[str, Any],
    imports: _Imports,
) -> Method:
    params = _parameters(spec, spec["paths"][path], op)
    taken = set(TRANSPORT_OPTIONS) | {"self", "body"}
    streams = "x-stream-chunk" in op
    body_schema = op.get("x-sdk-params")
    body_fields = _body_fields(spec, body_schema, taken, imports, streams) if body_schema else []
    body_type = op.get("x-sdk-body")
    if body_type:
        imports.params.add(body_type)
    if streams:
        taken.add("stream")
    path_params = [_param(spec, p, taken) for p in params if p.get("in") == "path"]
    query_params = [_param(spec, p, taken) for p in params if p.get("in") == "query"]
    plane = op.get("x-portkey-plane", "data")
    header_options = [
        (option, HEADER_OPTIONS[option])
        for option in (HEADER_OPTIONS if plane == "data" else ())
        if option not in taken
    ]
    base_suffix_dropped, path_prefix = _server_paths(spec, op)
    full_path = path_prefix + path

    response, returns, decode = _success(spec, op, imports)
    chunk = op.get("x-stream-chunk")
    chunk_type = chunk_decode = None
    if chunk:
        chunk_type, chunk_decode = _decoder(spec, chunk, imports)
    body = _body_kind(op)
    return Method(
        name=op["x-sdk-method"],
        operation_id=op["operationId"],
        http_method=http_method.upper(),
        path=full_path,
        base_suffix_dropped=base_suffix_dropped,
        plane=plane,
        body=body,
        response=response,
        path_params=path_params,
        query_params=query_params,
        body_fields=body_fields,
        body_schema=body_schema,
        body_type=body_type,
        path_expr=_path_expr(full_path, path_params),
        returns=returns,
        decode=decode,
        chunk=chunk_type,
        chunk_decode=chunk_decode,
        stream_only=bool(chunk) and response == "none",
        header_options=header_options,
        fixed_headers=dict(op.get("x-sdk-headers", {})),
        docstring=_docstring(op, path_params + body_fields + query_params),
        paging=_paging(spec, op, params, query_params, imports) if response == "json" and not chunk else None,
    )


def _body_fields(
    spec: dict[str, Any], schema_name: str, taken: set[str], imports: _Imports, streams: bool
) -> list[Param]:
    """The keyword parameters of an object body: required fields first, then the others, each in the
    description's order. `stream` is left to the method's overloads when the operation streams."""
    schema = spec["components"]["schemas"][schema_name]
    required = set(_object_required(spec, schema))
    form = schema_name in form_bodies(spec)  # their top-level arrays are `list`s in params.py
    fields: list[Param] = []
    props = _object_properties(spec, schema)
    for wire in sorted(props, key=lambda name: name not in required):
        if streams and wire == "stream":
            continue
        names = Names()
        annotation = request_type(spec, props[wire], names, concrete=form)
        imports.params |= names.params
        imports.type_only |= names.imports
        field_schema = resolve(spec, props[wire])
        description = field_schema.get("description") if isinstance(field_schema, dict) else None
        fields.append(
            Param(
                wire=wire,
                name=_keyword_name(wire, taken),
                annotation=annotation,
                required=wire in required,
                description=" ".join(str(props[wire].get("description") or description or "").split()),
            )
        )
    return fields


def _keyword_name(wire: str, taken: set[str]) -> str:
    """The Python keyword of a body field: its own name when that can be one; otherwise every run of
    characters an identifier cannot hold becomes `_` (`timestamp_granularities[]` ->
    `timestamp_granularities`, `self-harm/intent` -> `self_harm_intent`), a leading digit gets `field_`
    in front and a Python keyword `_` behind (`from` -> `from_`). A name the method already uses (another
    field, a transport option such as `timeout`) gets `_` behind until it is free."""
    name = wire
    if not name.isidentifier():
        name = re.sub(r"[^0-9A-Za-z_]+", "_", name).strip("_") or "field"
        if name[0].isdigit():
            name = f"field_{name}"
    if keyword.iskeyword(name):
        name += "_"
    while name in taken:
        name += "_"
    taken.add(name)
    return name


def _server_paths(spec: dict[str, Any], op: dict[str, Any]) -> tuple[str, str]:
    """What the operation's own server changes in its URL: the end of the base URL's path to leave out,
    and the path to put in front of the operation's own (both empty without `x-servers`)."""
    servers = op.get("x-servers") or []
    if not servers:
        return "", ""
    root = _server_path((spec.get("servers") or [{}])[0])
    own = _server_path(servers[0])
    if root.startswith(own):
        return root[len(own) :], ""
    return root, own


def _server_path(server: dict[str, Any]) -> str:
    return urlsplit(str(server.get("url", ""))).path.rstrip("/")


def _paging(
    spec: dict[str, Any],
    op: dict[str, Any],
    params: list[dict[str, Any]],
    query: list[Param],
    imports: _Imports,
) -> Paging | None:
    """How to walk the pages of a list operation, or None when it is not paged (rule in the module doc)."""
    by_rule = {_snake(p.wire): p for p in query}
    cursor = next((by_rule[n] for n in CURSOR_PARAMETERS if n in by_rule), None)
    number = next((by_rule[n] for n in PAGE_NUMBER_PARAMETERS if n in by_rule), None)
    size = next((by_rule[n] for n in PAGE_SIZE_PARAMETERS if n in by_rule), None)
    pager = cursor or number
    page_ref = _success_ref(op)
    if size is None or pager is None or pager.required or page_ref is None:
        return None
    if pager is number and pager.annotation != "int":
        return None  # a `number`-typed page is a description's slip; walking it would pass floats
    data = _object_properties(spec, spec["components"]["schemas"].get(page_ref, {})).get("data")
    if data is None or resolve(spec, data).get("type") != "array":
        return None
    item = _model_annotation(spec, resolve(spec, data).get("items"), imports)
    name = "list_all" if op["x-sdk-method"] == "list" else f"{op['x-sdk-method']}_all"
    if pager is cursor:
        backwards = _snake(pager.wire) == "before"
        return Paging(name, "cursor", pager.name, size.name, 0, backwards, item)
    schema: dict[str, Any] = next(
        (resolve(spec, p.get("schema") or {}) for p in params if p.get("name") == pager.wire), {}
    )
    first = int(schema.get("default", schema.get("minimum", 0)))
    return Paging(name, "number", pager.name, size.name, first, False, item)


def _model_annotation(spec: dict[str, Any], schema: Any, imports: _Imports) -> str:
    """The type openapi-python-client gives a value of this schema, written for a resource module."""
    names = Names()
    annotation = model_type(spec, schema, names)
    if names.models:
        imports.type_only.add(("..", "models as _models"))
    imports.type_only |= names.imports
    return annotation


def _success(spec: dict[str, Any], op: dict[str, Any], imports: _Imports) -> tuple[str, str, str]:
    """The response kind, the return annotation and the decoder of an operation's success."""
    for code, response in sorted(op.get("responses", {}).items()):
        if not str(code).startswith("2"):
            continue
        content = resolve(spec, response).get("content") or {}
        for media_type, media in content.items():
            if "json" in media_type:
                ref = _ref_name(media.get("schema", {}))
                if ref is None:
                    return "json", "Any", "as_json"
                annotation, decoder = _decoder(spec, ref, imports)
                return "json", annotation, decoder
            if media_type.startswith("text/") and media_type != "text/event-stream":
                return "text", "str", "as_text"
            if media_type.startswith(BINARY_TYPES) or (media.get("schema") or {}).get("format") == "binary":
                return "binary", "bytes", "as_bytes"
        if content:
            return "binary", "bytes", "as_bytes"
    return "none", "None", "as_none"


def _decoder(spec: dict[str, Any], name: str, imports: _Imports) -> tuple[str, str]:
    """The annotation and decoder of a named component: `Model.from_dict`, or its envelope module's
    `decode_value` (the value itself, no envelope object made)."""
    schema = spec["components"]["schemas"].get(name, {})
    if _is_model(spec, schema):
        cls = str(ClassName(name, ""))
        module = _model_module(cls)
        imports.models.add(module)
        return f"_m_{module}.{cls}", f"_m_{module}.{cls}.from_dict"
    module = _model_module(str(ClassName(f"{name}{ENVELOPE_SUFFIX}", "")))
    imports.models.add(module)
    annotation = _model_annotation(spec, {"$ref": f"#/components/schemas/{name}"}, imports)
    return annotation, f"_m_{module}.decode_value"


def _param(spec: dict[str, Any], param: dict[str, Any], taken: set[str]) -> Param:
    wire = param["name"]
    name = str(PythonIdentifier(wire, "param"))
    if keyword.iskeyword(name):
        name += "_"
    while name in taken:
        name += "_"
    taken.add(name)
    schema = param.get("schema", {})
    return Param(
        wire=wire,
        name=name,
        annotation=_py_type(spec, schema),
        required=bool(param.get("required")) or param.get("in") == "path",
        description=" ".join(str(param.get("description") or schema.get("description") or "").split()),
    )


def _parameters(spec: dict[str, Any], item: dict[str, Any], op: dict[str, Any]) -> list[dict[str, Any]]:
    """The operation's parameters, with those declared on its path item (the operation's own win)."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for param in [*item.get("parameters", []), *op.get("parameters", [])]:
        resolved = resolve(spec, param)
        merged[(resolved.get("in", ""), resolved.get("name", ""))] = resolved
    return list(merged.values())


def _py_type(spec: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> str:
    schema = resolve(spec, schema)
    if depth > 4:
        return "Any"
    if "enum" in schema and all(
        isinstance(v, (str, int)) and not isinstance(v, bool) for v in schema["enum"]
    ):
        return f"Literal[{', '.join(repr(v) for v in schema['enum'])}]"
    if len(schema.get("allOf", [])) == 1:  # a described `$ref`, wrapped by normalisation
        return _py_type(spec, schema["allOf"][0], depth + 1)
    members = schema.get("anyOf") or schema.get("oneOf")
    if members:
        types = [_py_type(spec, m, depth + 1) for m in members]
        return " | ".join(dict.fromkeys(t for t in types if t != "None")) or "Any"
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        kind = kinds[0] if len(kinds) == 1 else None
    simple = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
    if kind in simple:
        return simple[kind]
    if kind == "array":
        return f"Sequence[{_py_type(spec, schema.get('items', {}), depth + 1)}]"
    if kind == "object":
        return "Mapping[str, Any]"
    return "Any"


def _path_expr(path: str, params: list[Param]) -> str:
    """An f-string that fills the path template with the quoted parameter values."""
    by_wire = {p.wire: p.name for p in params}
    text = path.replace("{", "{{").replace("}", "}}")
    for wire, name in by_wire.items():
        text = text.replace("{{" + wire + "}}", "{quote(str(" + name + '), safe="")}')
    return f'f"{text}"' if by_wire else f'"{path}"'


def _docstring(op: dict[str, Any], params: list[Param]) -> str:
    parts = [str(op.get("summary") or op["operationId"]).strip().rstrip(".") + "."]
    description = str(op.get("description") or "").strip()
    if description and description.rstrip(".") != parts[0].rstrip("."):
        parts.append(description)
    documented = [p for p in params if p.description]
    if documented:
        parts.append("Args:\n" + "\n".join(f"    {p.name}: {p.description}" for p in documented))
    text = "\n\n".join(parts).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return text


# ----------------------------------------------------------------------------------------------
# spec helpers


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every operation, paths in sorted order (the emitted modules do not depend on file order)."""
    return iter(sorted(iter_operations(spec), key=lambda found: found[0]))


def _ref_name(schema: Any) -> str | None:
    return ref_target_name(str(schema.get("$ref", ""))) if isinstance(schema, dict) else None


def _body_ref(op: dict[str, Any]) -> str | None:
    content = (op.get("requestBody") or {}).get("content") or {}
    for media in content.values():
        name = _ref_name(media.get("schema") or {})
        if name:
            return name
    return None


def _body_kind(op: dict[str, Any]) -> str:
    content = (op.get("requestBody") or {}).get("content") or {}
    if any("multipart" in t or "form-urlencoded" in t for t in content):
        return "multipart"
    return "json" if content else "none"


def _success_ref(op: dict[str, Any]) -> str | None:
    for code, response in sorted(op.get("responses", {}).items()):
        if str(code).startswith("2"):
            for media_type, media in (response.get("content") or {}).items():
                if "json" in media_type:
                    return _ref_name(media.get("schema") or {})
    return None


def _is_model(spec: dict[str, Any], schema: dict[str, Any]) -> bool:
    """Whether openapi-python-client makes an attrs class (with `from_dict`) of this schema."""
    schema = resolve(spec, schema)
    if "enum" in schema or "oneOf" in schema or "anyOf" in schema:
        return False
    if "allOf" in schema:
        return True
    kind = schema.get("type")
    return kind == "object" or (kind is None and "properties" in schema)


def _object_properties(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    schema = resolve(spec, schema)
    props: dict[str, Any] = {}
    for part in schema.get("allOf", []):
        props.update(_object_properties(spec, part))
    props.update(schema.get("properties", {}))
    return props


def _object_required(spec: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    schema = resolve(spec, schema)
    required: list[str] = []
    for part in schema.get("allOf", []):
        required += _object_required(spec, part)
    return list(dict.fromkeys(required + list(schema.get("required", []))))


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _pascal(word: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", word) if part)


def _module_name(segment: str) -> str:
    name = str(PythonIdentifier(segment, "r"))
    return name + "_" if name in {"_base"} or keyword.iskeyword(name) else name


def _model_module(class_name: str) -> str:
    return str(PythonIdentifier(class_name, "field_"))
