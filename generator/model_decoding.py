"""The body of each generated model's `from_dict`, written from opc's parsed properties.

The decoding policy (generator/README.md, "Decoding"): a value whose JSON type contradicts the
description raises `DecodeError` naming its path; an unknown enum or const value is kept; keys the
description does not name go to `additional_properties`; an object whose tag (a required const or
single-purpose enum property such as `type`) names no known type is kept, as the union's catch-all
member or, failing one, as its first member with the fields it lacks set to `UNSET`.

The code is written for speed: fields are read by indexing (no copy of the dict, no `pop`), checked with
`value.__class__ is T` (the slow, lenient check in `types.checked` runs only when that fails), set on an
instance made with `cls.__new__` (no keyword `__init__`), unions are dispatched on the value's JSON type
and on their tag, and `additional_properties` is set only when the object has more keys than the
fields it matched (else its slot stays empty, and the first read makes an empty dict: types.py). Union
members that need more than a type check get a module-level `_decode_<name>` function, never a closure
made per call.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# The JSON kind of each scalar opc property class. The exact-type checks read `value.__class__`, which
# type checkers do not narrow on: `type(value) is str` would narrow a Literal field's value to `str`, and
# `type(value) is dict` an `Any` to `dict[Unknown, Unknown]`.
_SCALARS = {
    "StringProperty": "string",
    "IntProperty": "integer",
    "FloatProperty": "number",
    "BooleanProperty": "boolean",
    "NoneProperty": "null",
}
_ITEM_TYPES = {
    "string": "JSON_STRINGS",
    "integer": "JSON_INTEGERS",
    "number": "JSON_NUMBERS",
    "boolean": "JSON_BOOLEANS",
}
_FORMATS = {
    "UuidProperty": ("UUID({v})", "a UUID"),
    "DateTimeProperty": ("datetime.datetime.fromisoformat({v})", "an ISO 8601 date-time"),
    "DateProperty": ("datetime.date.fromisoformat({v})", "an ISO 8601 date"),
}
_KIND_ORDER = ("object", "array", "string", "integer", "number", "boolean", "null")


def _kind_of(prop: Any) -> str:
    """The JSON kind a member accepts ("any" for no check)."""
    name = type(prop).__name__
    if name in _SCALARS:
        return _SCALARS[name]
    if name in _FORMATS:
        return "string"
    if name in ("ConstProperty", "LiteralEnumProperty"):
        first = _values(prop)[0]
        return "integer" if isinstance(first, int) and not isinstance(first, bool) else "string"
    if name == "ModelProperty":
        return "object"
    if name == "ListProperty":
        return "array"
    return "any"


def _values(prop: Any) -> list[Any]:
    if type(prop).__name__ == "ConstProperty":
        return [prop.value.raw_value]
    return sorted(prop.values, key=repr)


def _check_expr(kind: str, var: str) -> str:
    return {
        "object": f"{var}.__class__ is dict",
        "array": f"{var}.__class__ is list",
        "string": f"{var}.__class__ is str",
        "integer": f"{var}.__class__ is int",
        "number": f"{var}.__class__ in JSON_NUMBERS",
        "boolean": f"{var}.__class__ is bool",
        "null": f"{var} is None",
    }[kind]


def _describe(kinds: set[str]) -> str:
    ordered = [kind for kind in _KIND_ORDER if kind in kinds]
    if len(ordered) == 1:
        return ordered[0]
    return ", ".join(ordered[:-1]) + " or " + ordered[-1]


def _members(prop: Any) -> list[Any]:
    """A union's members, nested unions opened; any other property is its own single member."""
    if type(prop).__name__ != "UnionProperty":
        return [prop]
    return [member for inner in prop.inner_properties for member in _members(inner)]


def _wire_name(prop: Any) -> str:
    return str(prop.name.get_untrusted_value())


def _tags(model: Any, models: Mapping[str, Any], *, optional: bool = False) -> dict[str, Any]:
    """Wire key -> value of a model's required (or, with `optional`, optional) properties that can hold one
    value only (a const, an enum of one value): what says which type an object is. `models` has the parsed
    models by class name (a model property inside a union carries no properties of its own)."""
    parsed = models.get(str(model.class_info.name), model)
    tags: dict[str, Any] = {}
    for prop in (parsed.optional_properties if optional else parsed.required_properties) or ():
        if type(prop).__name__ in ("ConstProperty", "LiteralEnumProperty") and len(_values(prop)) == 1:
            tags[_wire_name(prop)] = _values(prop)[0]
    return tags


@dataclass
class _Writer:
    """Lines of code with indentation, plus the module-level functions the lines call."""

    models: Mapping[str, Any]
    functions: list[str] = field(default_factory=list)
    names: set[str] = field(default_factory=set)

    def function_name(self, base: str) -> str:
        name = f"_decode_{base}"
        while name in self.names:
            name += "_"
        self.names.add(name)
        return name


def _indent(lines: list[str], depth: int = 1) -> list[str]:
    return [("    " * depth + line) if line else line for line in lines]


def _decode(prop: Any, var: str, key: str | None, writer: _Writer, base: str) -> list[str]:
    """Statements that check `var` against `prop` and replace it with the decoded value. `key` is the
    Python expression naming the field in error paths (None inside unions and lists: the caller names it)."""
    members = _members(prop)
    key_arg = f", {key}" if key else ""
    if len(members) == 1 and type(members[0]).__name__ == "FileProperty":
        return [f"{var} = File(payload=BytesIO({var}))"]
    if any(_kind_of(member) == "any" for member in members):
        return []
    by_kind: dict[str, list[Any]] = {}
    for member in members:
        by_kind.setdefault(_kind_of(member), []).append(member)
    description = _describe(set(by_kind))
    plain = [
        kind for kind, group in by_kind.items() if kind not in ("object", "array") and not _converts(group)
    ]
    branches: list[tuple[str, list[str]]] = []
    for kind in ("object", "array"):
        if kind in by_kind:
            if kind == "object":
                body = _wrap_path(_decode_objects(by_kind[kind], var, writer, base), key)
            else:
                body = _decode_arrays(by_kind[kind], var, writer, base, key)
            if body:
                branches.append((_check_expr(kind, var), body))
            else:
                plain.insert(0, kind)
    for kind, group in by_kind.items():
        if kind not in ("object", "array") and _converts(group):
            branches.append((_check_expr(kind, var), _convert(group[0], var, key_arg)))
    lines: list[str] = []
    if plain and not branches:
        check = " or ".join(_check_expr(kind, var) for kind in plain)
        negated = f"not ({check})" if len(plain) > 1 else _negate(check)
        return [f"if {negated}:", f"    {var} = checked({var}, {description!r}{key_arg})"]
    for index, (condition, body) in enumerate(branches):
        lines.append(f"{'if' if index == 0 else 'elif'} {condition}:")
        lines.extend(_indent(body))
    if len(plain) == 1:
        lines.append(f"elif {_negate(_check_expr(plain[0], var))}:")
        lines.append(f"    {var} = checked({var}, {description!r}{key_arg})")
    elif plain:
        lines.append(f"elif not ({' or '.join(_check_expr(kind, var) for kind in plain)}):")
        lines.append(f"    {var} = checked({var}, {description!r}{key_arg})")
    else:
        lines.append("else:")
        lines.append(f"    {var} = checked({var}, {description!r}{key_arg})")
    return lines


def _negate(check: str) -> str:
    if " is None" in check:
        return check.replace(" is None", " is not None")
    if " is " in check:
        return check.replace(" is ", " is not ")
    return check.replace(" in ", " not in ")


def _converts(group: list[Any]) -> bool:
    """A string group converts only when no member keeps the string as it is."""
    return all(type(member).__name__ in _FORMATS for member in group)


def _convert(member: Any, var: str, key_arg: str) -> list[str]:
    expression, expected = _FORMATS[type(member).__name__]
    return [
        "try:",
        f"    {var} = {expression.format(v=var)}",
        "except ValueError:",
        f"    {var} = malformed({var}, {expected!r}{key_arg})",
    ]


def _wrap_path(body: list[str], key: str | None) -> list[str]:
    if key is None:
        return body
    return [
        "try:",
        *_indent(body),
        "except DecodeError as _error:",
        f"    raise _error.within({key}) from None",
    ]


def _decode_objects(models: list[Any], var: str, writer: _Writer, base: str) -> list[str]:
    """Statements for a JSON object given the union's object members."""
    if len(models) == 1:
        return [f"{var} = {_class(models[0])}.from_dict({var})"]
    name = writer.function_name(base)
    type_string = " | ".join(_class(model) for model in models)
    body = _dispatch(models, "data", writer)
    writer.functions.append(
        "\n".join([f"def {name}(data: dict[str, Any]) -> {type_string}:", *_indent(body)])
    )
    return [f"{var} = {name}({var})"]


def _dispatch(models: list[Any], var: str, writer: _Writer) -> list[str]:
    """Pick a member by its tag; without a tag common to the tagged members, the first member that decodes.
    An unknown tag value goes to the first untagged member (a catch-all), else to the first member."""
    tag_sets = [_tags(model, writer.models) for model in models]
    tagged = [tags for tags in tag_sets if tags]
    common = set.intersection(*(set(tags) for tags in tagged)) if tagged else set()
    if not common:
        lines: list[str] = []
        for model in models[:-1]:
            lines += [
                "try:",
                f"    return {_class(model)}.from_dict({var})",
                "except DecodeError:",
                "    pass",
            ]
        return [*lines, f"return {_class(models[-1])}.from_dict({var})"]
    key = sorted(common)[0]
    groups: dict[Any, list[tuple[Any, dict[str, Any]]]] = {}
    untagged, tag_optional = [], []
    for model, tags in zip(models, tag_sets, strict=True):
        maybe = _tags(model, writer.models, optional=True)  # a member whose tag may be left out
        if key in tags or key in maybe:
            groups.setdefault(tags.get(key, maybe.get(key)), []).append((model, tags))
            if key not in tags:
                tag_optional.append((model, tags))
        else:
            untagged.append(model)
    lines = [f"_tag = {var}.get({key!r})"]
    if tag_optional:
        lines += ["if _tag is None:", *_indent(_same_tag(tag_optional, key, var))]
    for value, members in groups.items():
        lines += [f"if _tag == {value!r}:", *_indent(_same_tag(members, key, var))]
    fallback = (untagged or models)[0]
    return [*lines, f"return {_class(fallback)}.from_dict({var})"]


def _same_tag(members: list[tuple[Any, dict[str, Any]]], key: str, var: str) -> list[str]:
    """Members that share a tag value: first those whose other tags all match (`role: assistant`), then
    the rest in order, the first that decodes."""
    lines: list[str] = []
    rest = []
    for model, tags in members:
        others = sorted((name, value) for name, value in tags.items() if name != key)
        if others and len(members) > 1:
            condition = " and ".join(f"{var}.get({name!r}) == {value!r}" for name, value in others)
            lines += [f"if {condition}:", f"    return {_class(model)}.from_dict({var})"]
        else:
            rest.append(model)
    rest = rest or [members[0][0]]
    for model in rest[:-1]:
        lines += ["try:", f"    return {_class(model)}.from_dict({var})", "except DecodeError:", "    pass"]
    return [*lines, f"return {_class(rest[-1])}.from_dict({var})"]


def _decode_arrays(lists: list[Any], var: str, writer: _Writer, base: str, key: str | None) -> list[str]:
    """Statements for a JSON array given the union's array members (the first whose items fit)."""
    if len(lists) > 1:
        name = writer.function_name(base)
        type_string = " | ".join(_type(member) for member in lists)
        body: list[str] = []
        for index, member in enumerate(lists[:-1]):
            items = _list_items(member, "data", writer, f"{base}_item")
            body += ["try:", *_indent([*items, *_typed_return(_type(member), f"_result{index}")])]
            body += ["except DecodeError:", "    pass"]
        body += [*_list_items(lists[-1], "data", writer, f"{base}_item"), *_typed_return(_type(lists[-1]))]
        writer.functions.append("\n".join([f"def {name}(data: Any) -> {type_string}:", *_indent(body)]))
        return _wrap_path([f"{var} = {name}({var})"], key)
    return _list_items(lists[0], var, writer, f"{base}_item", key)


def _list_items(member: Any, var: str, writer: _Writer, base: str, key: str | None = None) -> list[str]:
    """Statements that decode the items of list `var` (known to be a list) in place."""
    inner = member.inner_property
    inner_members = _members(inner)
    kinds = {_kind_of(item) for item in inner_members}
    if "any" in kinds:
        return []
    simple = not any(_converts([item]) for item in inner_members) and not kinds & {"object", "array"}
    if simple:
        description = _describe(kinds)
        if len(kinds) == 1:
            test = (
                f"{_ITEM_TYPES[next(iter(kinds))]}.issuperset(map(type, {var}))"
                if "null" not in kinds
                else None
            )
        else:
            test = None
        if test is None:
            checks = " or ".join(_check_expr(kind, "_i") for kind in sorted(kinds))
            test = f"all({checks} for _i in {var})"
        return _wrap_path([f"if not {test}:", f"    {var} = checked_items({var}, {description!r})"], key)
    bind: list[str] = []
    if len(inner_members) == 1 and type(inner_members[0]).__name__ == "ModelProperty":
        # One lookup of the bound classmethod for the whole list, not one per item.
        decode = f"{var}_item"
        bind = [f"{decode} = {_class(inner_members[0])}.from_dict"]
    else:
        decode = writer.function_name(base)
        body = _decode(inner, "data", None, writer, base + "_")
        writer.functions.append(
            "\n".join(
                [
                    f"def {decode}(data: Any) -> {_type(inner)}:",
                    *_indent([*body, *_typed_return(_type(inner))]),
                ]
            )
        )
    return [
        *bind,
        "try:",
        f"    {var} = [{decode}(_i) for _i in {var}]",
        "except DecodeError as _error:",
        f"    raise _error.at_item({var}, {decode}){f'.within({key})' if key else ''} from None",
    ]


def _decode_value(model: Any, required: list[Any], writer: _Writer) -> str:
    (prop,) = required
    body = ['"""The value this envelope carries, decoded from JSON; a `DecodeError` path starts at it."""']
    if model.lazy_imports:
        body += ["if not _models_imported:", "    _import_models()"]
    body += [*_decode(prop, "data", None, writer, "data"), *_typed_return(_type(prop), "_value")]
    return "\n".join([f"def decode_value(data: Any) -> {_type(prop)}:", *_indent(body)])


def _typed_return(type_string: str, name: str = "_result") -> list[str]:
    """Return `data` as `type_string` (`data` is Any to a type checker, which may not be returned as is)."""
    return [f"{name}: {type_string} = data", f"return {name}"]


def _type(prop: Any) -> str:
    """The Python type of a decoded value of `prop` (without Unset)."""
    return str(prop.get_type_string(no_optional=True).as_unembedded_code())


def _class(model: Any) -> str:
    return str(model.class_info.name)


@dataclass(frozen=True)
class ModelDecoding:
    """What the model template writes: `from_dict`'s statements after `_import_models()`, and the
    module-level functions they call."""

    body: str
    functions: str


def decode_model(
    model: Any, models: Mapping[str, Any], envelopes: frozenset[str] = frozenset()
) -> ModelDecoding:
    """The decoding code of one opc model (the template calls this once per model); `models` has every
    parsed model by class name. An envelope (a class in `envelopes`: one required `data` property, made by
    generator/resources.py for a response or stream chunk that is not an object) also gets a module-level
    `decode_value`, which the resources call: it decodes the value itself, with no envelope object and no
    `data` at the start of error paths."""
    writer = _Writer(models)
    required = list(model.required_properties or ())
    optional = list(model.optional_properties or ())
    extra = model.additional_properties
    envelope = str(model.class_info.name) in envelopes
    if envelope:
        writer.functions.append(_decode_value(model, required, writer))
    lines = [
        "_d = src_dict if src_dict.__class__ is dict else as_object(src_dict)",
        "_self = cls.__new__(cls)",
    ]
    body: list[str] = []
    if extra:
        body.append(f"_n = {len(required)}")
    # One local per field: pyright strict gives up (Unknown) on one variable assigned in many branches.
    for prop in required:
        key, var = repr(_wire_name(prop)), f"_v_{prop.python_name}"
        body.append(f"{var} = _d[{key}]")
        if envelope:
            body += _wrap_path([f"{var} = decode_value({var})"], key)
        else:
            body.extend(_decode(prop, var, key, writer, str(prop.python_name)))
        body.append(f"_self.{prop.python_name} = {var}")
    for prop in optional:
        key, var = repr(_wire_name(prop)), f"_v_{prop.python_name}"
        decode = _decode(prop, var, key, writer, str(prop.python_name))
        body.append(f"if {key} in _d:")
        body.append(f"    {var} = _d[{key}]")
        body.extend(_indent(decode))
        body.append(f"    _self.{prop.python_name} = {var}")
        if extra:
            body.append("    _n += 1")
        body.append("else:")
        body.append(f"    _self.{prop.python_name} = UNSET")
    tags = _tags(model, models)
    if body:
        lines += ["try:", *_indent(body)]
        lines.append("except KeyError as _error:")
        if tags:
            mismatch = " or ".join(
                f"_d.get({key!r}, {value!r}) != {value!r}" for key, value in sorted(tags.items())
            )
            lines += [f"    if {mismatch}:", "        return cls.from_dict(MissingAsUnset(_d))"]
        lines.append("    raise DecodeError.missing(_error) from None")
    if extra:
        known = sorted(_wire_name(prop) for prop in required + optional)
        known_set = "{" + ", ".join(repr(name) for name in known) + "}" if known else None
        condition = f"if _k not in {known_set}" if known_set else ""
        decode = _decode(extra, "_x", "_k", writer, "additional_property")
        count = "_n" if required or optional else "0"
        if not decode:
            lines += [
                f"if len(_d) != {count}:",
                f"    _self.additional_properties = {{_k: _x for _k, _x in _d.items() {condition}}}",
            ]
        else:
            type_string = _type(extra)
            lines += [f"_extra: dict[str, {type_string}] = {{}}", "for _k, _x in _d.items():"]
            inner = [*decode, "_extra[_k] = _x"]
            if known_set:
                lines += [f"    if _k not in {known_set}:", *_indent(inner, 2)]
            else:
                lines += _indent(inner)
            lines.append("_self.additional_properties = _extra")
    lines.append("return _self")
    return ModelDecoding(body="\n".join(lines), functions="\n\n\n".join(writer.functions))
