"""Pass: every operation names its place in the SDK (`x-sdk-resource`, `x-sdk-method`)."""

from __future__ import annotations

import re
from collections import defaultdict

from generator.naming import python_identifier, snake_case
from generator.spec_walk import Spec, iter_operations


def resource_from_tag(tag: str) -> str:
    """`Analytics > Graphs` -> `analytics.graphs`, `Virtual-keys` -> `virtual_keys`."""
    parts = [part for part in re.split(r"[>/]", tag) if part.strip()]
    return ".".join(python_identifier(part) for part in parts) or "default"


def _forms(word: str) -> set[str]:
    """The word and what it would be without a plural ending, so `key` matches `keys`,
    `batch` matches `batches`, `cache` matches `caches` and `policy` matches `policies`."""
    forms = {word}
    if word.endswith("s"):
        forms.add(word[:-1])
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return forms


def _method_from_operation_id(operation_id: str, resource: str) -> str:
    resource_forms = set().union(*(_forms(word) for word in re.split(r"[._]", resource)))
    words = [word for word in snake_case(operation_id).split("_") if not _forms(word) & resource_forms]
    return python_identifier("_".join(words)) if words else ""


def fill_sdk_names(spec: Spec) -> None:
    """Fill absent `x-sdk-resource` from the operation's tag and absent `x-sdk-method` from its
    operationId minus the resource's words, singular or plural (`listVirtualKeys` and
    `createVirtualKey` under `virtual_keys` -> `list`, `create`).
    A derived method that repeats another in the same resource falls back to the full snake_case
    operationId (then a number). Present values are kept. Needs operationIds and single tags."""
    operations = [operation for _path, _method, operation in iter_operations(spec)]
    for operation in operations:
        if not operation.get("x-sdk-resource"):
            operation["x-sdk-resource"] = resource_from_tag(operation["tags"][0])
    taken: dict[str, set[str]] = defaultdict(set)
    for operation in operations:
        if operation.get("x-sdk-method"):
            taken[operation["x-sdk-resource"]].add(operation["x-sdk-method"])
    derived: dict[str, list[tuple[dict[str, object], str]]] = defaultdict(list)
    for operation in operations:
        if not operation.get("x-sdk-method"):
            resource = operation["x-sdk-resource"]
            derived[resource].append(
                (operation, _method_from_operation_id(operation["operationId"], resource))
            )
    for resource, candidates in derived.items():
        counts: dict[str, int] = defaultdict(int)
        for _operation, method in candidates:
            counts[method] += 1
        for operation, method in candidates:
            if not method or counts[method] > 1 or method in taken[resource]:
                method = python_identifier(operation["operationId"])  # type: ignore[arg-type]
            chosen, number = method, 2
            while chosen in taken[resource]:
                chosen, number = f"{method}_{number}", number + 1
            taken[resource].add(chosen)
            operation["x-sdk-method"] = chosen
