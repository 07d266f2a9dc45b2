"""Pass: every operation has a unique camelCase `operationId`."""

from __future__ import annotations

import re

from generator.naming import camel_case, is_camel_case, pascal_case, snake_case, unique_name
from generator.spec_walk import Spec, iter_operations

_VERSION = re.compile(r"^v[0-9]+$")
_VERBS = {"post": "create", "put": "update", "patch": "update", "delete": "delete"}


def derive_operation_id(path: str, method: str) -> str:
    """A name from the method and the path: `GET /virtual-keys/{slug}` -> `retrieveVirtualKeysBySlug`.

    `GET` on a path that ends in a parameter reads one item (`retrieve`), other `GET`s `list`;
    version segments (`v1`) are left out.
    """
    segments = [segment for segment in path.split("/") if segment and not _VERSION.match(segment)]
    ends_in_parameter = bool(segments) and segments[-1].startswith("{")
    verb = ("retrieve" if ends_in_parameter else "list") if method == "get" else _VERBS.get(method, method)
    words = [verb]
    for segment in segments:
        if segment.startswith("{") and segment.endswith("}"):
            words.append("By" + pascal_case(segment[1:-1]))
        else:
            words.append(pascal_case(segment))
    return camel_case(" ".join(words)) or verb


def ensure_operation_ids(spec: Spec) -> None:
    """Keep each camelCase `operationId`; camelCase the others; derive missing ones from method and path.
    Ids are unique by their snake_case form (the generated module name), later duplicates get `2`, `3`..."""
    taken: set[str] = set()
    pending = []
    for path, method, operation in iter_operations(spec):
        current = operation.get("operationId")
        if isinstance(current, str) and is_camel_case(current) and snake_case(current) not in taken:
            taken.add(snake_case(current))
        else:
            pending.append((path, method, operation))
    for path, method, operation in pending:
        current = operation.get("operationId")
        base = camel_case(current) if isinstance(current, str) and camel_case(current) else ""
        if not base or not base[0].isalpha():
            base = derive_operation_id(path, method)
        chosen = unique_name(base, taken)
        taken.add(snake_case(chosen))
        operation["operationId"] = chosen
