"""Portkey's management API as the upstream plays it: saved configs and virtual keys, kept in memory.

Hosted Portkey serves these under `https://api.portkey.ai/v1`; a client whose base URL is the
upstream's `url()` reaches them here. Every request is recorded like any other upstream request.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from tests.harness.replies import Reply, json_reply

if TYPE_CHECKING:
    from tests.harness.routes import Call, Handler

WORKSPACE_ID = "2a1e3f4c-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
ORGANISATION_ID = "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a"
OWNER_ID = "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b"
DEFAULT_PAGE_SIZE = 50


def timestamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def management_error(status: int, message: str) -> Reply:
    """The management API's error shape."""
    return json_reply({"success": False, "data": {"message": message}}, status)


class ControlPlaneStore:
    """Saved configs (by slug, with their bodies) and virtual keys (by slug, without their secrets)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.configs: dict[str, dict[str, Any]] = {}
        self.config_bodies: dict[str, Any] = {}
        self.virtual_keys: dict[str, dict[str, Any]] = {}

    def add_config(self, request: Mapping[str, Any]) -> dict[str, Any]:
        name = str(request.get("name") or "config")
        config_id, version_id = str(uuid.uuid4()), str(uuid.uuid4())
        slug = f"pc-{name.lower().replace(' ', '-')[:6]}-{config_id[:6]}"
        now = timestamp()
        summary = {
            "id": config_id,
            "name": name,
            "slug": slug,
            "organisation_id": ORGANISATION_ID,
            "workspace_id": request.get("workspace_id") or WORKSPACE_ID,
            "is_default": request.get("isDefault") or 0,
            "status": "active",
            "owner_id": OWNER_ID,
            "updated_by": None,
            "created_at": now,
            "last_updated_at": now,
        }
        with self._lock:
            self.configs[slug] = summary
            self.config_bodies[slug] = request.get("config") or {}
        return {"id": config_id, "version_id": version_id}

    def update_config(self, slug: str, request: Mapping[str, Any]) -> bool:
        with self._lock:
            summary = self.configs.get(slug)
            if summary is None:
                return False
            for field in ("name", "status"):
                if field in request:
                    summary[field] = request[field]
            if "config" in request:
                self.config_bodies[slug] = request["config"]
            summary["last_updated_at"] = timestamp()
            return True

    def delete_config(self, slug: str) -> bool:
        with self._lock:
            self.config_bodies.pop(slug, None)
            return self.configs.pop(slug, None) is not None

    def add_virtual_key(self, request: Mapping[str, Any]) -> str:
        name = str(request.get("name") or "key")
        slug = f"{name.lower().replace(' ', '-')[:12]}-{uuid.uuid4().hex[:4]}"
        detail = {
            "name": name,
            "note": request.get("note"),
            "status": "active",
            "usage_limits": request.get("usage_limits"),
            "reset_usage": None,
            "created_at": timestamp(),
            "slug": slug,
            "model_config": {},
            "rate_limits": request.get("rate_limits"),
            "expires_at": None,
            "secret_mappings": [],
            "object": "virtual-key",
        }
        with self._lock:
            self.virtual_keys[slug] = detail
        return slug

    def update_virtual_key(self, slug: str, request: Mapping[str, Any]) -> bool:
        with self._lock:
            detail = self.virtual_keys.get(slug)
            if detail is None:
                return False
            detail.update(
                {k: v for k, v in request.items() if k in ("name", "note", "usage_limits", "rate_limits")}
            )
            return True

    def delete_virtual_key(self, slug: str) -> bool:
        with self._lock:
            return self.virtual_keys.pop(slug, None) is not None


def query_int(call: Call, name: str, default: int) -> int:
    values = parse_qs(call.request.query).get(name)
    return int(values[0]) if values else default


def list_configs(call: Call) -> Reply:
    return json_reply({"success": True, "data": list(call.store.control.configs.values())})


def create_config(call: Call) -> Reply:
    return json_reply({"success": True, "data": call.store.control.add_config(call.body)})


def retrieve_config(call: Call) -> Reply:
    control, slug = call.store.control, call.params["slug"]
    summary = control.configs.get(slug)
    if summary is None:
        return management_error(404, "Config not found")
    detail = {**summary, "config": control.config_bodies[slug], "format": "json", "object": "config"}
    return json_reply({"success": True, "data": detail})


def update_config(call: Call) -> Reply:
    if not call.store.control.update_config(call.params["slug"], call.body):
        return management_error(404, "Config not found")
    return json_reply({"success": True, "data": {"version_id": str(uuid.uuid4())}})


def delete_config(call: Call) -> Reply:
    if not call.store.control.delete_config(call.params["slug"]):
        return management_error(404, "Config not found")
    return json_reply({"success": True})


def list_virtual_keys(call: Call) -> Reply:
    """One page: `current_page` counts from 0, `page_size` defaults to 50."""
    every = list(call.store.control.virtual_keys.values())
    page = query_int(call, "current_page", 0)
    size = query_int(call, "page_size", DEFAULT_PAGE_SIZE)
    return json_reply({"object": "list", "total": len(every), "data": every[page * size : (page + 1) * size]})


def create_virtual_key(call: Call) -> Reply:
    return json_reply({"success": True, "data": {"slug": call.store.control.add_virtual_key(call.body)}})


def retrieve_virtual_key(call: Call) -> Reply:
    found = call.store.control.virtual_keys.get(call.params["slug"])
    return json_reply(found) if found else management_error(404, "Virtual key not found")


def update_virtual_key(call: Call) -> Reply:
    if not call.store.control.update_virtual_key(call.params["slug"], call.body):
        return management_error(404, "Virtual key not found")
    return json_reply({})


def delete_virtual_key(call: Call) -> Reply:
    if not call.store.control.delete_virtual_key(call.params["slug"]):
        return management_error(404, "Virtual key not found")
    return json_reply({})


ROUTES: list[tuple[str, str, Handler]] = [
    ("GET", "configs", list_configs),
    ("POST", "configs", create_config),
    ("GET", "configs/{slug}", retrieve_config),
    ("PUT", "configs/{slug}", update_config),
    ("DELETE", "configs/{slug}", delete_config),
    ("GET", "virtual-keys", list_virtual_keys),
    ("POST", "virtual-keys", create_virtual_key),
    ("GET", "virtual-keys/{slug}", retrieve_virtual_key),
    ("PUT", "virtual-keys/{slug}", update_virtual_key),
    ("DELETE", "virtual-keys/{slug}", delete_virtual_key),
]
