"""Pass: per-path and per-operation `servers` move to an `x-servers` extension on each operation."""

from __future__ import annotations

from generator.spec_walk import HTTP_METHODS, Spec


def move_operation_servers(spec: Spec) -> None:
    """openapi-python-client has one base URL per client; the servers a path or an operation names
    are kept as `x-servers` on the operation for the hand-written client to use."""
    for path_item in (spec.get("paths") or {}).values():
        if not isinstance(path_item, dict):
            continue
        path_servers = path_item.pop("servers", None)
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if not isinstance(operation, dict):
                continue
            servers = operation.pop("servers", None) or path_servers
            if servers:
                operation["x-servers"] = servers
