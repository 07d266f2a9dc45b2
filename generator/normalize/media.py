"""Media types as the passes group them."""

from __future__ import annotations


def _essence(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def is_json(content_type: str) -> bool:
    essence = _essence(content_type)
    return essence == "application/json" or essence.endswith("+json")


def is_multipart(content_type: str) -> bool:
    return _essence(content_type).startswith("multipart/")


def is_form(content_type: str) -> bool:
    return _essence(content_type) == "application/x-www-form-urlencoded"


def is_event_stream(content_type: str) -> bool:
    return _essence(content_type) == "text/event-stream"


def body_kind(content_type: str) -> str | None:
    """`Json`, `Multipart` or `Form` for the bodies whose schema becomes a named component, else None."""
    if is_json(content_type):
        return "Json"
    if is_multipart(content_type):
        return "Multipart"
    if is_form(content_type):
        return "Form"
    return None


def is_success_status(status: str) -> bool:
    return str(status)[:1] == "2"
