"""mcp_integrations: MCP servers registered once for the organisation, the workspaces that may use
them and the tools, prompts and resources they offer (control plane)."""

from __future__ import annotations

from typing import Any

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "mcp_integrations"
INTEGRATION_ID = "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a"
OWNER = "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b"
RECORD: dict[str, Any] = {
    "id": INTEGRATION_ID,
    "name": "Linear",
    "description": "Issue tracker tools",
    "owner_id": OWNER,
    "status": "active",
    "type": "organisation",
    "slug": "linear",
    "workspace_id": None,
    "url": "https://mcp.linear.app/sse",
    "auth_type": "oauth_auto",
    "transport": "sse",
    "configurations": {"custom_headers": {"x-team": "platform"}},
    "secret_mappings": [],
    "created_at": "2024-12-01T09:00:00.000Z",
    "last_updated_at": "2024-12-02T09:00:00.000Z",
}
CAPABILITY = {
    "name": "create_issue",
    "type": "tool",
    "title": "Create issue",
    "description": "Opens an issue in a team",
    "enabled": True,
    "input_schema": {"type": "object", "properties": {"title": {"type": "string"}}, "required": ["title"]},
    "created_at": "2024-12-01T09:05:00.000Z",
    "last_updated_at": "2024-12-01T09:05:00.000Z",
}
COUNT = {"total": 12, "enabled": 10}
PATH = f"/mcp-integrations/{INTEGRATION_ID}"

CASES = [
    Case(
        "mcp_integrations.list",
        "GET",
        "/mcp-integrations",
        kwargs={"type_": "organisation", "search": "lin", "page_size": 20},
        query={"type": "organisation", "search": "lin", "page_size": "20"},
        reply={"data": [{**RECORD, "workspaces_count": 4}], "total": 1, "has_more": False},
        returns="McpIntegrationList",
        expect={"has_more": False, "data.0.transport": "sse", "data.0.workspaces_count": 4},
    ),
    Case(
        "mcp_integrations.create",
        "POST",
        "/mcp-integrations",
        kwargs={
            "name": "Linear",
            "url": "https://mcp.linear.app/sse",
            "auth_type": "oauth_auto",
            "transport": "sse",
        },
        body={
            "name": "Linear",
            "url": "https://mcp.linear.app/sse",
            "auth_type": "oauth_auto",
            "transport": "sse",
        },
        reply={"id": INTEGRATION_ID, "slug": "linear"},
        returns="McpIntegrationCreated",
        expect={"id": INTEGRATION_ID, "slug": "linear"},
    ),
    Case(
        "mcp_integrations.retrieve",
        "GET",
        PATH,
        args=(INTEGRATION_ID,),
        reply={**RECORD, "global_workspace_access": {"enabled": True}},
        returns="McpIntegration",
        expect={
            "auth_type": "oauth_auto",
            "global_workspace_access.enabled": True,
            "configurations.custom_headers.additional_properties": {"x-team": "platform"},
        },
    ),
    Case(
        "mcp_integrations.update",
        "PUT",
        PATH,
        args=(INTEGRATION_ID,),
        kwargs={"description": "Linear issues and projects"},
        body={"description": "Linear issues and projects"},
        reply={},
        returns="McpIntegrationOperationResult",
    ),
    Case(
        "mcp_integrations.delete",
        "DELETE",
        PATH,
        args=(INTEGRATION_ID,),
        reply={},
        returns="McpIntegrationOperationResult",
    ),
    Case(
        "mcp_integrations.workspaces.list",
        "GET",
        f"{PATH}/workspaces",
        args=(INTEGRATION_ID,),
        kwargs={"version": "v2"},
        query={"version": "v2"},
        reply={
            "data": [{"id": "ws-research-4b1c", "enabled": True, "status": "active"}],
            "global_workspace_access": None,
            "total": 1,
        },
        returns="McpIntegrationWorkspaceList",
        expect={"data.0.id": "ws-research-4b1c", "total": 1},
    ),
    Case(
        "mcp_integrations.workspaces.update",
        "PUT",
        f"{PATH}/workspaces",
        args=(INTEGRATION_ID,),
        kwargs={
            "workspaces": [{"id": "ws-research-4b1c", "enabled": False}],
            "global_workspace_access": {"enabled": False},
        },
        body={
            "workspaces": [{"id": "ws-research-4b1c", "enabled": False}],
            "global_workspace_access": {"enabled": False},
        },
        reply={},
        returns="McpIntegrationOperationResult",
    ),
    Case(
        "mcp_integrations.capabilities.list",
        "GET",
        f"{PATH}/capabilities",
        args=(INTEGRATION_ID,),
        kwargs={"type_": "tool", "page": 1, "page_size": 50},
        query={"type": "tool", "page": "1", "page_size": "50"},
        reply={
            "data": [CAPABILITY],
            "counts": {"tools": COUNT, "prompts": {"total": 0, "enabled": 0}},
            "total": 12,
            "has_more": False,
        },
        returns="McpIntegrationCapabilityList",
        expect={
            "data.0.name": "create_issue",
            "data.0.input_schema.additional_properties.required": ["title"],
            "counts.tools.enabled": 10,
        },
    ),
    Case(
        "mcp_integrations.capabilities.update",
        "PUT",
        f"{PATH}/capabilities",
        args=(INTEGRATION_ID,),
        kwargs={"capabilities": [{"name": "delete_issue", "type": "tool", "enabled": False}]},
        body={"capabilities": [{"name": "delete_issue", "type": "tool", "enabled": False}]},
        reply={"success": True},
        returns="McpIntegrationSuccessResult",
        expect={"success": True},
    ),
    Case(
        "mcp_integrations.metadata.retrieve",
        "GET",
        f"{PATH}/metadata",
        args=(INTEGRATION_ID,),
        reply={
            "server_name": "linear-mcp",
            "server_version": "1.4.0",
            "protocol_version": "2025-03-26",
            "capability_flags": {"tools": True, "prompts": False},
            "sync_status": "synced",
            "last_synced_at": "2024-12-02T09:00:00.000Z",
            "sync_error": None,
        },
        returns="McpIntegrationMetadata",
        expect={"server_name": "linear-mcp", "protocol_version": "2025-03-26", "sync_error": None},
    ),
    Case(
        "mcp_integrations.sync",
        "POST",
        f"{PATH}/sync",
        args=(INTEGRATION_ID,),
        kwargs={
            "server_info": {"name": "linear-mcp", "version": "1.4.0"},
            "capabilities": [{"name": "create_issue", "type": "tool"}],
        },
        body={
            "server_info": {"name": "linear-mcp", "version": "1.4.0"},
            "capabilities": [{"name": "create_issue", "type": "tool"}],
        },
        reply={"success": True, "message": "Synced 1 capability", "details": {"added": 1}},
        returns="McpIntegrationCheckResult",
        expect={"success": True, "message": "Synced 1 capability"},
    ),
    Case(
        "mcp_integrations.test",
        "POST",
        f"{PATH}/test",
        args=(INTEGRATION_ID,),
        reply={"success": False, "message": "Connection refused", "details": None},
        returns="McpIntegrationCheckResult",
        expect={"success": False, "details": None},
    ),
]

ERROR = ErrorCase(
    "mcp_integrations.retrieve",
    args=(INTEGRATION_ID,),
    reply=management_error("MCP integration not found"),
    message="MCP integration not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
