"""Emit the resource tree (`client.chat.completions.create(...)`) from the normalised description.

`prepare` runs before openapi-python-client: it adds the component schemas the resources need
(keyword-argument TypedDicts without the names the per-call options take, and envelopes for
responses that are not objects). `emit` runs after it and writes `resources/`: for every operation a
typed method on the resource named by its `x-sdk-resource` / `x-sdk-method`, sync and async, each
with a `with_raw_response` twin.
"""

from __future__ import annotations

import ast
import copy
import keyword
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from openapi_python_client.strings import ClassName, PythonIdentifier

TEMPLATES = Path(__file__).parent / "templates" / "resources"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

# Per-call options every method takes. The Portkey header options give way to an operation's own
# field of the same name (which keeps its name; the option is then spelt `portkey_<name>`).
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
PARAMS_SUFFIX = "Params"
ENVELOPE_SUFFIX = "Envelope"
BINARY_TYPES = ("application/octet-stream", "audio/", "image/", "video/", "application/pdf", "application/zip")


class ResourceError(Exception):
    """The description asks for a resource tree that cannot be built (two methods with one name...)."""


# ----------------------------------------------------------------------------------------------
# prepare


def prepare(spec: dict[str, Any]) -> dict[str, Any]:
    """Add the keyword-argument and envelope schemas the resources use; return the new spec."""
    spec = copy.deepcopy(spec)
    schemas: dict[str, Any] = spec.setdefault("components", {}).setdefault("schemas", {})
    for _path, _method, op in _operations(spec):
        body_ref = _body_ref(op)
        if body_ref is not None and not _is_model(spec, schemas.get(body_ref, {})):
            op["x-sdk-body"] = body_ref
        elif body_ref is not None:
            props = _object_properties(spec, schemas.get(body_ref, {}))
            # On the data plane the per-call Portkey option keeps its name and the body field of the same
            # name travels in `extra_body`; on the control plane (configs.create's `config`...) the field wins.
            data_plane = op.get("x-portkey-plane", "data") == "data"
            clash = {name for name in props if name in HEADER_OPTIONS} if data_plane else set()
            if "x-stream-chunk" in op and "stream" in props:
                clash.add("stream")
            if clash:
                op["x-sdk-params"] = _add_params_schema(spec, schemas, body_ref, props, clash)
            else:
                op["x-sdk-params"] = body_ref
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


def _add_params_schema(
    spec: dict[str, Any], schemas: dict[str, Any], body_ref: str, props: dict[str, Any], drop: set[str]
) -> str:
    name = f"{body_ref}{PARAMS_SUFFIX}"
    while name in schemas and not schemas[name].get("x-sdk-params-only"):
        name += PARAMS_SUFFIX
    body = _resolve(spec, schemas[body_ref])
    required = [r for r in _object_required(spec, body) if r not in drop]
    derived: dict[str, Any] = {
        "type": "object",
        "description": f"The keyword arguments of `{body_ref}` that are not per-call options "
        f"(left out: {', '.join(sorted(drop))}).",
        "properties": {k: v for k, v in props.items() if k not in drop},
        "x-sdk-params-only": True,
    }
    if required:
        derived["required"] = required
    schemas[name] = derived
    return name


# ----------------------------------------------------------------------------------------------
# emit


@dataclass
class Param:
    """A path or query parameter of a method."""

    wire: str
    name: str
    annotation: str
    required: bool
    description: str


@dataclass
class Method:
    """One operation as a resource method."""

    name: str
    operation_id: str
    http_method: str
    path: str
    plane: str
    body: str
    response: str
    path_params: list[Param]
    query_params: list[Param]
    params_typed_dict: str | None
    body_type: str | None
    path_expr: str
    returns: str
    decode: str
    chunk: str | None
    chunk_decode: str | None
    stream_only: bool
    header_options: list[tuple[str, str, str]]
    docstring: str


@dataclass
class Node:
    """A resource: its methods and its child resources."""

    path: tuple[str, ...]
    methods: dict[str, Method] = field(default_factory=dict)
    children: dict[str, Node] = field(default_factory=dict)

    @property
    def class_name(self) -> str:
        return "".join(_pascal(part) for part in self.path)

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
    has_config = (package_dir / "gateway_config.py").exists()
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
        built = _method(spec, package_dir, path, method, op, module_imports, has_config)
        if built.name in node.methods:
            raise ResourceError(
                f"two operations are {op['x-sdk-resource']}.{built.name}: "
                f"{node.methods[built.name].operation_id} and {built.operation_id}"
            )
        node.methods[built.name] = built
    for node in root.walk():
        clash = set(node.methods) & set(node.children)
        if clash:
            raise ResourceError(f"{'.'.join(node.path) or 'client'}: {sorted(clash)} is both a method and a resource")

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
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


@dataclass
class _Imports:
    models: set[str] = field(default_factory=set)
    type_only: set[tuple[str, str]] = field(default_factory=set)
    params: set[str] = field(default_factory=set)
    decoders: dict[str, tuple[str, str]] = field(default_factory=dict)


def _method(
    spec: dict[str, Any],
    package_dir: Path,
    path: str,
    http_method: str,
    op: dict[str, Any],
    imports: _Imports,
    has_config: bool,
) -> Method:
    params = _parameters(spec, spec["paths"][path], op)
    body_props = set()
    params_typed_dict = op.get("x-sdk-params")
    if params_typed_dict:
        schemas = spec["components"]["schemas"]
        body_props = set(_object_properties(spec, schemas[params_typed_dict]))
        imports.params.add(params_typed_dict)
    body_type = op.get("x-sdk-body")
    if body_type:
        imports.params.add(body_type)
    taken = set(body_props) | set(TRANSPORT_OPTIONS) | {"self", "stream", "params", "body"}
    path_params = [_param(spec, p, taken) for p in params if p.get("in") == "path"]
    query_params = [_param(spec, p, taken) for p in params if p.get("in") == "query"]
    header_options = []
    names = {p.name for p in path_params + query_params} | body_props
    for option in HEADER_OPTIONS:
        arg = f"portkey_{option}" if option in names else option
        header_options.append((arg, option, HEADER_OPTIONS[option]))

    response, returns, decode = _success(spec, package_dir, op, imports)
    chunk = op.get("x-stream-chunk")
    chunk_type = chunk_decode = None
    if chunk:
        chunk_type, chunk_decode = _decoder(spec, package_dir, chunk, imports)
    body = _body_kind(op)
    return Method(
        name=op["x-sdk-method"],
        operation_id=op["operationId"],
        http_method=http_method.upper(),
        path=path,
        plane=op.get("x-portkey-plane", "data"),
        body=body,
        response=response,
        path_params=path_params,
        query_params=query_params,
        params_typed_dict=params_typed_dict,
        body_type=body_type,
        path_expr=_path_expr(path, path_params),
        returns=returns,
        decode=decode,
        chunk=chunk_type,
        chunk_decode=chunk_decode,
        stream_only=bool(chunk) and response == "none",
        header_options=header_options,
        docstring=_docstring(op, path_params + query_params),
    )


def _success(spec: dict[str, Any], package_dir: Path, op: dict[str, Any], imports: _Imports) -> tuple[str, str, str]:
    """The response kind, the return annotation and the decoder of an operation's success."""
    for code, response in sorted(op.get("responses", {}).items()):
        if not str(code).startswith("2"):
            continue
        content = _resolve(spec, response).get("content") or {}
        for media_type, media in content.items():
            if "json" in media_type:
                ref = _ref_name(media.get("schema", {}))
                if ref is None:
                    return "json", "Any", "as_json"
                annotation, decoder = _decoder(spec, package_dir, ref, imports)
                return "json", annotation, decoder
            if media_type.startswith("text/") and media_type != "text/event-stream":
                return "text", "str", "as_text"
            if media_type.startswith(BINARY_TYPES) or (media.get("schema") or {}).get("format") == "binary":
                return "binary", "bytes", "as_bytes"
        if content:
            return "binary", "bytes", "as_bytes"
    return "none", "None", "as_none"


def _decoder(spec: dict[str, Any], package_dir: Path, name: str, imports: _Imports) -> tuple[str, str]:
    """The annotation and decoder of a named component: `Model.from_dict`, or via its envelope."""
    schema = spec["components"]["schemas"].get(name, {})
    if _is_model(spec, schema):
        cls = str(ClassName(name, ""))
        module = _model_module(cls)
        imports.models.add(module)
        return f"_m_{module}.{cls}", f"_m_{module}.{cls}.from_dict"
    envelope = str(ClassName(f"{name}{ENVELOPE_SUFFIX}", ""))
    module = _model_module(envelope)
    imports.models.add(module)
    annotation, names = _envelope_annotation(package_dir / "models" / f"{module}.py")
    imports.type_only |= names
    function = f"_decode_{PythonIdentifier(name, 'x')}"
    imports.decoders[function] = (f"_m_{module}.{envelope}", annotation)
    return annotation, function


def _envelope_annotation(module: Path) -> tuple[str, set[tuple[str, str]]]:
    """The type of an envelope's `data`, with model names qualified as `_models.Name`, and its imports."""
    tree = ast.parse(module.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "data":
            annotation = node.annotation
            if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
                annotation = ast.parse(annotation.value, mode="eval").body
            imports: set[tuple[str, str]] = set()
            qualified = _Qualify(imports).visit(annotation)
            return ast.unparse(qualified), imports
    raise ResourceError(f"{module}: no `data` attribute in the envelope model")


class _Qualify(ast.NodeTransformer):
    """Rewrites the names of an annotation so that they resolve in a resource module."""

    _TYPING = frozenset({"Union", "Any", "Literal", "Optional"})
    _BUILTIN = frozenset({"list", "dict", "str", "int", "float", "bool", "None", "bytes", "tuple", "set"})

    def __init__(self, imports: set[tuple[str, str]]) -> None:
        self.imports = imports

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str) and node.value.isidentifier():
            return self.visit_Name(ast.Name(id=node.value, ctx=ast.Load()))
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:
        name = node.id
        if name in self._TYPING:
            self.imports.add(("typing", name))
            return node
        if name in self._BUILTIN:
            return node
        if name in {"Unset", "File"}:
            self.imports.add(("..types", name))
            return node
        if name in {"datetime", "date"}:
            self.imports.add(("datetime", name))
            return node
        self.imports.add(("..", "models as _models"))
        return ast.Attribute(value=ast.Name(id="_models", ctx=ast.Load()), attr=name, ctx=ast.Load())


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
        resolved = _resolve(spec, param)
        merged[(resolved.get("in", ""), resolved.get("name", ""))] = resolved
    return list(merged.values())


def _py_type(spec: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> str:
    schema = _resolve(spec, schema)
    if depth > 4:
        return "Any"
    if "enum" in schema and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in schema["enum"]):
        return f"Literal[{', '.join(repr(v) for v in schema['enum'])}]"
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
    for path in sorted(spec.get("paths", {})):
        item = spec["paths"][path]
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
        seen += 1
    return node


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref", "") if isinstance(schema, dict) else ""
    prefix = "#/components/schemas/"
    return ref[len(prefix) :] if ref.startswith(prefix) else None


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
    schema = _resolve(spec, schema)
    if "enum" in schema or "oneOf" in schema or "anyOf" in schema:
        return False
    if "allOf" in schema:
        return True
    kind = schema.get("type")
    return kind == "object" or (kind is None and "properties" in schema)


def _object_properties(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    schema = _resolve(spec, schema)
    props: dict[str, Any] = {}
    for part in schema.get("allOf", []):
        props.update(_object_properties(spec, part))
    props.update(schema.get("properties", {}))
    return props


def _object_required(spec: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    schema = _resolve(spec, schema)
    required: list[str] = []
    for part in schema.get("allOf", []):
        required += _object_required(spec, part)
    return list(dict.fromkeys(required + list(schema.get("required", []))))


def _pascal(word: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", word) if part)


def _module_name(segment: str) -> str:
    name = str(PythonIdentifier(segment, "r"))
    return name + "_" if name in {"_base"} or keyword.iskeyword(name) else name


def _model_module(class_name: str) -> str:
    return str(PythonIdentifier(class_name, "field_"))
