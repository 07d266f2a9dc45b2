"""Which component schemas become attrs model modules: what the clients decode.

The facade sends TypedDicts (`params.py`) and method keywords, and decodes responses with the attrs
models. So a schema that only a caller sends (a request body, a keyword-argument schema, a
parameter's enum) gets no model module: it is in `params.py`, or written into the method's
signature. Every other component keeps its model: response bodies, stream chunks, what they refer to,
and the components no operation sends (webhook payloads, shared definitions a user may decode).
"""

from __future__ import annotations

from generator.params import reachable, request_roots
from generator.spec_walk import (
    HTTP_METHODS,
    Spec,
    component_schemas,
    iter_operations,
    iter_refs,
    ref_target_name,
)


def _parameter_roots(spec: Spec) -> list[str]:
    roots: list[str] = []
    components = spec.get("components") or {}
    places = [components.get("parameters") or {}]
    for path_item in (spec.get("paths") or {}).values():
        if isinstance(path_item, dict):
            places.append(path_item.get("parameters") or [])
            places.extend(
                path_item[m].get("parameters") or []
                for m in HTTP_METHODS
                if isinstance(path_item.get(m), dict)
            )
    for place in places:
        roots.extend(ref_target_name(ref) or "" for ref in iter_refs(place))
    return roots


def _response_roots(spec: Spec) -> list[str]:
    roots: list[str] = []
    for _path, _method, operation in iter_operations(spec):
        roots.extend(ref_target_name(ref) or "" for ref in iter_refs(operation.get("responses") or {}))
        chunk = operation.get("x-stream-chunk")
        if isinstance(chunk, str):
            roots.append(chunk)
    roots.extend(
        ref_target_name(ref) or "" for ref in iter_refs((spec.get("components") or {}).get("responses"))
    )
    return roots


def request_only_schemas(spec: Spec) -> frozenset[str]:
    """Components reachable from what a caller sends and from nothing a response holds."""
    schemas = component_schemas(spec)
    sent = set(reachable(schemas, [*request_roots(spec), *_parameter_roots(spec)]))
    kept_roots = [*_response_roots(spec), *(name for name in schemas if name not in sent)]
    return frozenset(sent - set(reachable(schemas, kept_roots)))
