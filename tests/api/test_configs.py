"""configs: saved gateway configs and their versions (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "configs"
WORKSPACE = "2a1e3f4c-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
CONFIG_ID = "8f0c1d2e-3a4b-4c5d-9e6f-7a8b9c0d1e2f"
VERSION_ID = "0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d"
ORGANISATION = "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a"
OWNER = "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b"
ROUTING = {"strategy": {"mode": "fallback"}, "targets": [{"provider": "openai"}, {"provider": "anthropic"}]}
SUMMARY = {
    "id": CONFIG_ID,
    "name": "Fallback to Anthropic",
    "slug": "pc-fallba-3c1f2a",
    "organisation_id": ORGANISATION,
    "workspace_id": WORKSPACE,
    "is_default": 0,
    "status": "active",
    "owner_id": OWNER,
    "updated_by": None,
    "created_at": "2024-11-04T09:12:45.000Z",
    "last_updated_at": "2024-11-05T16:40:02.000Z",
}

CASES = [
    Case(
        "configs.list",
        "GET",
        "/configs",
        kwargs={"workspace_id": WORKSPACE},
        query={"workspace_id": WORKSPACE},
        reply={"success": True, "data": [SUMMARY]},
        returns="ConfigList",
        expect={"success": True, "data.0.slug": "pc-fallba-3c1f2a", "data.0.id": CONFIG_ID},
    ),
    Case(
        "configs.create",
        "POST",
        "/configs",
        kwargs={
            "name": "Fallback to Anthropic",
            "config": ROUTING,
            "workspace_id": WORKSPACE,
            "isDefault": 0,
        },
        body={"name": "Fallback to Anthropic", "config": ROUTING, "workspace_id": WORKSPACE, "isDefault": 0},
        reply={"success": True, "data": {"id": CONFIG_ID, "version_id": VERSION_ID}},
        returns="ConfigCreateResult",
        expect={"data.id": CONFIG_ID, "data.version_id": VERSION_ID},
    ),
    Case(
        "configs.retrieve",
        "GET",
        "/configs/pc-fallba-3c1f2a",
        args=("pc-fallba-3c1f2a",),
        reply={
            "success": True,
            "data": {
                **SUMMARY,
                "config": ROUTING,
                "format": "json",
                "type": "ROUTING_CONFIG",
                "version_id": VERSION_ID,
                "object": "config",
            },
        },
        returns="ConfigRetrieveResult",
        expect={
            "data.name": "Fallback to Anthropic",
            "data.config.additional_properties": ROUTING,
            "data.created_at": "2024-11-04T09:12:45+00:00",
        },
    ),
    Case(
        "configs.update",
        "PUT",
        "/configs/pc-fallba-3c1f2a",
        args=("pc-fallba-3c1f2a",),
        kwargs={"config": {"retry": {"attempts": 3, "on_status_codes": [429, 503]}}},
        body={"config": {"retry": {"attempts": 3, "on_status_codes": [429, 503]}}},
        reply={"success": True, "data": {"version_id": VERSION_ID}},
        returns="ConfigUpdateResult",
        expect={"data.version_id": VERSION_ID},
    ),
    Case(
        "configs.delete",
        "DELETE",
        "/configs/pc-fallba-3c1f2a",
        args=("pc-fallba-3c1f2a",),
        reply={"success": True},
        returns="ConfigAck",
        expect={"additional_properties": {"success": True}},
    ),
    Case(
        "configs.versions.list",
        "GET",
        "/configs/pc-fallba-3c1f2a/versions",
        args=("pc-fallba-3c1f2a",),
        reply={
            "object": "list",
            "total": 1,
            "data": [
                {**SUMMARY, "config": '{"retry":{"attempts":3}}', "format": "json", "version_id": VERSION_ID}
            ],
        },
        returns="ConfigVersionList",
        expect={"total": 1, "data.0.version_id": VERSION_ID, "data.0.config": '{"retry":{"attempts":3}}'},
    ),
]

ERROR = ErrorCase(
    "configs.retrieve",
    args=("pc-missing",),
    reply=management_error("Config not found"),
    message="Config not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
