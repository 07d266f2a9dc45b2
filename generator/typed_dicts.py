"""datamodel-code-generator 0.89.0 turning named schemas into TypedDicts (one module per call)."""

from __future__ import annotations

import ast
import copy
import json
import keyword
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from generator.errors import GenerationError
from generator.normalize.hoisting import plain_ref
from generator.normalize.schema_shapes import types_of
from generator.spec_walk import (
    SCHEMA_REF_PREFIX,
    Schema,
    iter_schema_tree,
    ref_target_name,
    transform_schemas,
)

FILE_INPUT = "FileInput"
FILE_INPUT_IMPORT = "portkey_generated._file_types.FileInput"

# Arrays and maps as `Sequence`/`Mapping`: covariant, so a caller's `list[UserMessage]` fits where
# `Sequence[Message]` is asked (a `list[Message]` would refuse it), and tuples fit too.
ABSTRACT_CONTAINERS = "--use-generic-container-types"
DMCG_OPTIONS = (
    "--input-file-type=openapi",
    "--output-model-type=typing.TypedDict",
    "--enum-field-as-literal=all",
    "--use-field-description",
    "--use-schema-description",
    "--disable-timestamp",
    "--target-python-version=3.10",
    "--use-standard-collections",
    "--use-union-operator",
    "--use-double-quotes",
    "--keep-model-order",
    "--formatters=builtin",
    "--no-use-closed-typed-dict",  # mypy does not read PEP 728 `extra_items` yet
)


def _for_typed_dicts(schema: Schema) -> None:
    """Rewrite one schema the way the TypedDict output wants it."""
    if schema.get("type") == "string" and schema.get("format") == "binary":
        description = schema.get("description")
        schema.clear()
        schema["$ref"] = SCHEMA_REF_PREFIX + FILE_INPUT
        if description:
            schema["description"] = description
        return
    target = plain_ref(schema)
    if target is not None and "allOf" in schema:
        # `{allOf: [{$ref}], description}` is opc's idiom; for TypedDicts a described `$ref` reads better.
        del schema["allOf"]
        schema["$ref"] = target
    schema.pop("discriminator", None)


def _is_free_form_object(schema: Schema) -> bool:
    """An object that names no keys and accepts any (a JSON Schema, free-form metadata): as a TypedDict
    it would be an empty class, which no dict literal with keys matches."""
    shaping = ("properties", "patternProperties", "allOf", "anyOf", "oneOf", "$ref")
    return (
        [kind for kind in types_of(schema) if kind != "null"] == ["object"]
        and not any(schema.get(keyword) for keyword in shaping)
        and schema.get("additionalProperties", True) is True
    )


def _object_parts(schema: Schema, schemas: dict[str, Schema], seen: frozenset[str]) -> list[Schema] | None:
    """The object schemas an `allOf` combines (references followed, nested `allOf`s opened), or None
    when one part is not a plain object (a union, a scalar...)."""
    parts: list[Schema] = []
    for member in schema.get("allOf") or []:
        target = ref_target_name(str(member.get("$ref", ""))) if isinstance(member, dict) else None
        if target is not None:
            if target in seen or target not in schemas:
                return None
            member, seen = schemas[target], seen | {target}
        if not isinstance(member, dict) or member.get("anyOf") or member.get("oneOf"):
            return None
        if types_of(member) not in ([], ["object"]):
            return None
        nested = _object_parts(member, schemas, seen) if "allOf" in member else []
        if nested is None:
            return None
        parts.extend([*nested, {key: value for key, value in member.items() if key != "allOf"}])
    return parts


def _flatten_all_of(schema: Schema, schemas: dict[str, Schema]) -> None:
    """Merge an `allOf` of objects into one object: a TypedDict cannot inherit from a base whose
    optional key it makes required, so each TypedDict lists all its keys itself."""
    if plain_ref(schema) is not None:
        return  # `{allOf: [{$ref}], description}` names a class; it is not a merge
    parts = _object_parts(schema, schemas, frozenset())
    if not parts:
        return
    own = {key: value for key, value in schema.items() if key != "allOf"}
    properties: dict[str, Any] = {}
    required: list[str] = []
    for part in [*parts, own]:
        properties.update(part.get("properties") or {})
        required.extend(name for name in part.get("required") or [] if name not in required)
    schema.clear()
    schema.update(own)
    schema["type"] = "object"
    schema["properties"] = properties
    if required:
        schema["required"] = required


def _free_forms_to_maps(document: dict[str, Any], keep: list[Schema]) -> None:
    """Free-form objects become `dict[str, Any]` (datamodel-code-generator's form for
    `additionalProperties: {}`), except the schemas in `keep`."""
    kept = {id(schema) for schema in keep}

    def to_map(schema: Schema) -> None:
        if id(schema) not in kept and _is_free_form_object(schema):
            schema["additionalProperties"] = {}

    transform_schemas(document, to_map)


def typed_dicts_input(
    schemas: dict[str, Schema], keyword_schemas: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """An OpenAPI document holding `schemas` (copied and rewritten), ready for datamodel-code-generator.
    `keyword_schemas` are unpacked as keyword arguments (`**params: Unpack[Name]`): they stay
    TypedDicts even when they name no key."""
    document_schemas = copy.deepcopy(schemas)
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "portkey-typed TypedDicts", "version": "0"},
        "paths": {},
        "components": {"schemas": document_schemas},
    }
    originals = copy.deepcopy(schemas)
    transform_schemas(document, lambda schema: _flatten_all_of(schema, originals))
    transform_schemas(document, _for_typed_dicts)
    _free_forms_to_maps(
        document, [document_schemas[name] for name in keyword_schemas if name in document_schemas]
    )
    uses_files = any(
        node.get("$ref") == SCHEMA_REF_PREFIX + FILE_INPUT
        for schema in document_schemas.values()
        for node in iter_schema_tree(schema)
    )
    if uses_files:
        document_schemas[FILE_INPUT] = {"type": "string", "format": "binary"}
    return document


def defined_names(module: Path) -> set[str]:
    """Top-level names a generated module defines (classes, assignments, type aliases)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def referenced_names(module: Path) -> dict[str, set[str]]:
    """For each top-level assignment (type aliases, functional TypedDicts), the names its value uses."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    references: dict[str, set[str]] = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        used = {child.id for child in ast.walk(value) if isinstance(child, ast.Name)} if value else set()
        for target in targets:
            if isinstance(target, ast.Name):
                references[target.id] = used
    return references


_CONCRETE = (("Sequence[", "list["), ("Mapping[", "dict["))


def concrete_fields(source: str, names: frozenset[str]) -> str:
    """The fields of the TypedDicts `names` (their functional `_<Name>Keys` bases too) typed with
    `list`/`dict` instead of `Sequence`/`Mapping`."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    spans: list[tuple[int, int]] = []
    bases = {f"_{name}Keys" for name in names}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in names:
            spans.extend(
                (item.lineno, item.end_lineno or item.lineno)
                for item in node.body
                if isinstance(item, ast.AnnAssign)
            )
        elif (
            isinstance(node, ast.Assign)
            and any(isinstance(target, ast.Name) and target.id in bases for target in node.targets)
            and isinstance(node.value, ast.Call)
            and len(node.value.args) == 2
            and isinstance(node.value.args[1], ast.Dict)
        ):
            spans.extend(
                (value.lineno, value.end_lineno or value.lineno) for value in node.value.args[1].values
            )
    for first, last in spans:
        for index in range(first - 1, last):
            for abstract, concrete in _CONCRETE:
                lines[index] = lines[index].replace(abstract, concrete)
    return "".join(lines)


def write_typed_dicts(
    schemas: dict[str, Schema],
    output: Path,
    keyword_schemas: frozenset[str] = frozenset(),
    abstract_containers: bool = False,
    concrete_roots: frozenset[str] = frozenset(),
) -> set[str]:
    """Write one TypedDict (or type alias) per schema into `output`; return the names it defines.
    See `typed_dicts_input` for `keyword_schemas`; `abstract_containers` types arrays and maps as
    `Sequence` and `Mapping` instead of `list` and `dict`, except in the own fields of
    `concrete_roots`."""
    document = typed_dicts_input(schemas, keyword_schemas)
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "schemas.json"
        source.write_text(json.dumps(document, indent=1), encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "datamodel_code_generator",
            f"--input={source}",
            f"--output={output}",
            *DMCG_OPTIONS,
        ]
        if abstract_containers:
            command.append(ABSTRACT_CONTAINERS)
        if FILE_INPUT in document["components"]["schemas"]:
            command.append("--type-overrides=" + json.dumps({FILE_INPUT: FILE_INPUT_IMPORT}))
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise GenerationError(f"datamodel-code-generator failed on {output.name}:\n{result.stderr.strip()}")
    _drop_tool_header(output)
    with_docs = keep_key_docstrings(output.read_text(encoding="utf-8"), document["components"]["schemas"])
    output.write_text(concrete_fields(with_docs, concrete_roots), encoding="utf-8")
    return defined_names(output) - {FILE_INPUT}


def _docstring(text: str, indent: str) -> str:
    escaped = text.strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    body = "\n".join(f"{indent}{line}".rstrip() for line in escaped.splitlines())
    return f'{indent}"""\n{body}\n{indent}"""\n'


def _class_form(name: str, keys: list[tuple[str, str]], schema: Schema) -> str:
    """A functional TypedDict split in two: a private functional base with the keys that cannot be
    class attributes, and a class with the others, each documented."""
    odd = [(key, value) for key, value in keys if not key.isidentifier() or keyword.iskeyword(key)]
    plain = [(key, value) for key, value in keys if (key, value) not in odd]
    base = f"_{name}Keys"
    entries = "".join(f"        {json.dumps(key)}: {value},\n" for key, value in odd)
    lines = [
        f'{base} = TypedDict(\n    "{base}",\n    {{\n{entries}    }},\n)\n\n\n',
        f"class {name}({base}):\n",
    ]
    if schema.get("description"):
        lines.append(_docstring(str(schema["description"]), "    ") + "\n")
    properties = schema.get("properties") or {}
    for key, value in plain:
        lines.append(f"    {key}: {value}\n")
        description = (properties.get(key) or {}).get("description")
        if description:
            lines.append(_docstring(str(description), "    "))
    if not plain and not schema.get("description"):
        lines.append("    pass\n")
    return "".join(lines)


def keep_key_docstrings(source: str, schemas: dict[str, Schema]) -> str:
    """datamodel-code-generator writes a TypedDict with a non-identifier key (`self-harm/intent`,
    `not`) in the functional syntax, which has no room for docstrings. Rewrite each one as a class
    (documented like the others) on top of a functional base that holds only those keys."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    for node in reversed(tree.body):
        call = node.value if isinstance(node, ast.Assign) else None
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "TypedDict"
            and len(call.args) == 2
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[1], ast.Dict)
            and not call.keywords
        ):
            continue
        name = str(call.args[0].value)
        keys = [
            (str(key.value), ast.get_source_segment(source, value) or "Any")
            for key, value in zip(call.args[1].keys, call.args[1].values, strict=True)
            if isinstance(key, ast.Constant)
        ]
        replacement = _class_form(name, keys, schemas.get(name, {}))
        assert node.end_lineno is not None
        lines[node.lineno - 1 : node.end_lineno] = [replacement]
    return "".join(lines)


def _drop_tool_header(module: Path) -> None:
    """Remove datamodel-code-generator's own comment header (it names a temporary file)."""
    lines = module.read_text(encoding="utf-8").splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    module.write_text("".join(lines), encoding="utf-8")
