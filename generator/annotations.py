"""Python type annotations of schemas, computed from the normalised description (never read back from
generated files), in the two vocabularies of the generated package.

- `request_type`: the type a caller passes, in `params.py`'s names (its TypedDicts and aliases are
  named after the components, `Sequence`/`Mapping` for arrays and maps, `FileInput` for binary).
- `model_type`: the type of a decoded value, in openapi-python-client's names (its attrs classes and
  `Literal` enum aliases, `list`, `datetime.datetime`, `File`), qualified as `_models.Name`.

After normalisation every object and enum with a shape of its own is a component, so both walk only
references, scalars, arrays and unions. Each returns the annotation text and records the names it uses
in `Names`, so that the module that writes the annotation imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.normalize.hoisting import plain_ref
from generator.normalize.schema_shapes import is_class_shaped, types_of
from generator.spec_walk import Spec, ref_target_name, resolve

SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
MAX_DEPTH = 12


@dataclass
class Names:
    """Names an annotation needs: components of `params.py` / the models, and other imports."""

    params: set[str] = field(default_factory=set)
    models: bool = False
    imports: set[tuple[str, str]] = field(default_factory=set)
    """(module, name) pairs, such as ("datetime", "datetime") or ("..types", "File")."""


def _union(parts: list[str]) -> str:
    """`A | B`, duplicates dropped, `None` last, `Any` absorbing the rest."""
    unique = list(dict.fromkeys(parts))
    if "Any" in unique:
        return "Any"
    ordered = [p for p in unique if p != "None"] + (["None"] if "None" in unique else [])
    return " | ".join(ordered) or "Any"


def _literal(values: list[Any]) -> str | None:
    usable = [v for v in values if v is not None]
    if not usable or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in usable):
        return None
    text = f"Literal[{', '.join(repr(v) for v in usable)}]"
    return f"{text} | None" if None in values else text


def _members(schema: dict[str, Any]) -> list[Any] | None:
    members = schema.get("anyOf") or schema.get("oneOf")
    return members if isinstance(members, list) else None


def request_type(spec: Spec, schema: Any, names: Names, *, concrete: bool = False, depth: int = 0) -> str:
    """The annotation `params.py` gives a field of this schema; `concrete` for the top-level fields of
    multipart and form bodies (`list`, not `Sequence`)."""
    if not isinstance(schema, dict) or depth > MAX_DEPTH:
        return "Any"
    target = ref_target_name(plain_ref(schema) or "")
    if target is not None:
        names.params.add(target)
        return target
    if schema.get("type") == "string" and schema.get("format") == "binary":
        names.imports.add((".._file_types", "FileInput"))
        return "FileInput"
    if "const" in schema:
        return _literal([schema["const"]]) or "Any"
    if isinstance(schema.get("enum"), list):
        return _literal(schema["enum"]) or "Any"
    members = _members(schema)
    if members is not None:
        return _union([request_type(spec, m, names, concrete=concrete, depth=depth + 1) for m in members])
    kinds = types_of(schema)
    parts: list[str] = []
    for kind in kinds or ["any"]:
        if kind in SCALARS:
            parts.append(SCALARS[kind])
        elif kind == "array":
            item = request_type(spec, schema.get("items"), names, depth=depth + 1)
            parts.append(f"{'list' if concrete else 'Sequence'}[{item}]")
        elif kind == "object" and isinstance(schema.get("additionalProperties"), dict):
            value = request_type(spec, schema["additionalProperties"], names, depth=depth + 1)
            parts.append(f"Mapping[str, {value}]")
        elif kind == "object":
            parts.append("Mapping[str, Any]")
        else:
            parts.append("Any")
    return _union(parts)


def model_type(spec: Spec, schema: Any, names: Names, depth: int = 0) -> str:
    """The annotation openapi-python-client gives an attribute of this schema, model names written
    `_models.Name`."""
    if not isinstance(schema, dict) or depth > MAX_DEPTH:
        return "Any"
    target = ref_target_name(plain_ref(schema) or "")
    if target is not None:
        component = resolve(spec, {"$ref": f"#/components/schemas/{target}"})
        if is_class_shaped(component):
            names.models = True
            nullable = "null" in types_of(component) or None in (component.get("enum") or [])
            return f"_models.{target}" + (" | None" if nullable else "")
        return model_type(spec, component, names, depth + 1)
    if "allOf" in schema and len(schema["allOf"]) == 1:
        return model_type(spec, schema["allOf"][0], names, depth + 1)
    if isinstance(schema.get("enum"), list) or "const" in schema:
        return _literal(schema.get("enum", [schema.get("const")])) or "Any"
    members = _members(schema)
    if members is not None:
        return _union([model_type(spec, m, names, depth + 1) for m in members])
    parts: list[str] = []
    for kind in types_of(schema) or ["any"]:
        if kind == "string" and schema.get("format") == "binary":
            names.imports.add(("..types", "File"))
            parts.append("File")
        elif kind == "string" and schema.get("format") in ("date-time", "date"):
            name = "datetime" if schema["format"] == "date-time" else "date"
            names.imports.add(("datetime", name))
            parts.append(name)
        elif kind in SCALARS:
            parts.append(SCALARS[kind])
        elif kind == "array":
            parts.append(f"list[{model_type(spec, schema.get('items'), names, depth + 1)}]")
        else:
            parts.append("Any")
    return _union(parts)
