"""Names as openapi-python-client (opc) and datamodel-code-generator derive them, and the names we avoid."""

from __future__ import annotations

import builtins
import functools
import keyword
import re

from openapi_python_client import strings as opc_strings

# Names that the generated package defines or imports itself; a schema with one of these names would
# shadow them inside a generated module.
GENERATED_CODE_NAMES = frozenset(
    {
        "Any",
        "AuthenticatedClient",
        "BinaryIO",
        "Client",
        "Enum",
        "Errors",
        "Field",
        "File",
        "FileInput",
        "FileTypes",
        "Final",
        "Generator",
        "HTTPStatus",
        "IO",
        "List",
        "Dict",
        "Literal",
        "Mapping",
        "NotRequired",
        "Optional",
        "Required",
        "RequestFiles",
        "Response",
        "Sequence",
        "T",
        "TextIO",
        "Type",
        "TypeAlias",
        "TypeVar",
        "TypedDict",
        "UNSET",
        "UnexpectedStatus",
        "Union",
        "Unset",
        "Error",
    }
)

_CAMEL_CASE = re.compile(r"^[a-z][a-zA-Z0-9]*$")


@functools.cache
def pascal_case(value: str) -> str:
    """PascalCase exactly as opc computes class names."""
    return opc_strings.pascal_case(value)


@functools.cache
def snake_case(value: str) -> str:
    """snake_case exactly as opc computes module and attribute names."""
    return opc_strings.snake_case(value)


def camel_case(value: str) -> str:
    """camelCase built from opc's word split: `list-virtual_keys` -> `listVirtualKeys`."""
    pascal = pascal_case(value)
    if not pascal:
        return pascal
    head = re.match(r"[A-Z]+(?=[A-Z][a-z]|[0-9]|$)|[A-Z]", pascal)
    assert head is not None
    return head.group().lower() + pascal[head.end() :]


def is_camel_case(value: str) -> bool:
    return bool(_CAMEL_CASE.match(value))


def is_reserved_word(value: str) -> bool:
    """True for Python keywords and builtins, which opc suffixes with `_`."""
    return keyword.iskeyword(value) or value in opc_strings.RESERVED_WORDS or value in dir(builtins)


def is_stable_class_name(name: str) -> bool:
    """Guarantee (c): opc and datamodel-code-generator both use `name` unchanged as the class name."""
    return (
        name.isidentifier()
        and name.isascii()
        and name[:1].isupper()
        and pascal_case(name) == name
        and not is_reserved_word(name)
        and name not in GENERATED_CODE_NAMES
    )


def stable_class_name(raw: str, fallback: str = "Schema") -> str:
    """The closest opc-stable class name to `raw` (uniqueness is the caller's job)."""
    name = pascal_case(raw)
    if not name or not name[0].isalpha():
        name = pascal_case(f"{fallback} {name}")
    if not name.isascii():
        name = pascal_case(name.encode("ascii", "ignore").decode()) or fallback
    if is_reserved_word(name) or name in GENERATED_CODE_NAMES:
        name = f"{name}Schema"
    return name


def python_identifier(value: str) -> str:
    """A snake_case identifier, suffixed with `_` when it is a keyword."""
    name = snake_case(value)
    if not name or not name[0].isalpha():
        name = f"n_{name}"
    if keyword.iskeyword(name):
        name = f"{name}_"
    return name


def unique_name(base: str, taken_keys: set[str]) -> str:
    """`base`, else `base2`, `base3`... : the first whose snake_case key is not in `taken_keys`.

    Names are compared by their snake_case form because opc names modules that way: `APIKey` and
    `ApiKey` would both be written to `api_key.py`.
    """
    candidate = base
    number = 2
    while snake_case(candidate) in taken_keys:
        candidate = f"{base}{number}"
        number += 1
    return candidate
