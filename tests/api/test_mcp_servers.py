"""mcp_servers: MCP integrations made available in a workspace, their capabilities, which users
may use them and the connections users made (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "mcp_servers"
SERVER_ID = "2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c"
USER_ID = "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b"
PATH = f"/mcp-servers/{SERVER_ID}"
SUMMARY = {
    "id": SERVER_ID,
    "organisation_id": "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a",
    "name": "Linear (research)",
    "description": None,
    "status": "active",
    "created_at": "2024-12-03T10:00:00.000Z",
    "owner_id": USER_ID,
    "slug": "linear-research",
    "workspace_id": "ws-research-4b1c",
    "workspace_name": "Research",
    "workspace_slug": "ws-research-4b1c",
    "mcp_integration_id": "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a",
    "mcp_integration_slug": "linear",
    "mcp_integration_url": "https://mcp.linear.app/sse",
    "auth_type": "oauth_auto",
    "url": "https://mcp.portkey.ai/linear-research/mcp",
}

CASES = [
    Case(
        "mcp_servers.list",
        "GET",
        "/mcp-servers",
        kwargs={"workspace_id": "ws-research-4b1c", "search": "linear"},
        query={"workspace_id": "ws-research-4b1c", "search": "linear"},
        reply={"data": [SUMMARY], "total": 1},
        returns="McpServerList",
        expect={
            "total": 1,
            "data.0.slug": "linear-research",
            "data.0.url": "https://mcp.portkey.ai/linear-research/mcp",
        },
    ),
    Case(
        "mcp_servers.create",
        "POST",
        "/mcp-servers",
        kwargs={
            "workspace_id": "ws-research-4b1c",
            "name": "Linear (research)",
            "mcp_integration_id": "linear",
        },
        body={
            "workspace_id": "ws-research-4b1c",
            "name": "Linear (research)",
            "mcp_integration_id": "linear",
        },
        reply={"id": SERVER_ID, "slug": "linear-research"},
        returns="McpServerCreated",
        expect={"id": SERVER_ID},
    ),
    Case(
        "mcp_servers.retrieve",
        "GET",
        PATH,
        args=(SERVER_ID,),
        reply={
            "id": SERVER_ID,
            "slug": "linear-research",
            "name": "Linear (research)",
            "status": "active",
            "description": None,
            "created_at": "2024-12-03T10:00:00.000Z",
            "mcp_integration_id": "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a",
            "mcp_integration_details": {
                "id": "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a",
                "slug": "linear",
                "status": "active",
                "configurations": None,
                "url": "https://mcp.linear.app/sse",
                "transport": "sse",
                "auth_type": "oauth_auto",
            },
            "workspace_id": "ws-research-4b1c",
        },
        returns="McpServer",
        expect={"mcp_integration_details.transport": "sse", "description": None},
    ),
    Case(
        "mcp_servers.update",
        "PUT",
        PATH,
        args=(SERVER_ID,),
        kwargs={"description": "Issues of the research team"},
        body={"description": "Issues of the research team"},
        reply={},
        returns="McpServerOperationResult",
    ),
    Case(
        "mcp_servers.delete", "DELETE", PATH, args=(SERVER_ID,), reply={}, returns="McpServerOperationResult"
    ),
    Case(
        "mcp_servers.test",
        "POST",
        f"{PATH}/test",
        args=(SERVER_ID,),
        reply={
            "success": True,
            "status_code": 200,
            "response_time_ms": 184,
            "url": "https://mcp.linear.app/sse",
            "server_name": "linear-mcp",
            "error": None,
        },
        returns="McpServerTestResult",
        expect={"success": True, "response_time_ms": 184},
    ),
    Case(
        "mcp_servers.capabilities.list",
        "GET",
        f"{PATH}/capabilities",
        args=(SERVER_ID,),
        kwargs={"type_": "prompt"},
        query={"type": "prompt"},
        reply={
            "data": [
                {
                    "name": "triage",
                    "type": "prompt",
                    "enabled": False,
                    "integration_enabled": True,
                    "arguments": [],
                }
            ],
            "counts": {"prompts": {"total": 1, "enabled": 0}},
            "total": 1,
            "has_more": False,
        },
        returns="McpServerCapabilityList",
        expect={"data.0.type_": "prompt", "data.0.integration_enabled": True, "counts.prompts.total": 1},
    ),
    Case(
        "mcp_servers.capabilities.update",
        "PUT",
        f"{PATH}/capabilities",
        args=(SERVER_ID,),
        kwargs={"capabilities": [{"name": "triage", "type": "prompt", "enabled": True}]},
        body={"capabilities": [{"name": "triage", "type": "prompt", "enabled": True}]},
        reply={"success": True},
        returns="McpServerSuccessResult",
        expect={"success": True},
    ),
    Case(
        "mcp_servers.user_access.list",
        "GET",
        f"{PATH}/user-access",
        args=(SERVER_ID,),
        kwargs={"search": "grace"},
        query={"search": "grace"},
        reply={
            "data": [
                {
                    "user_id": USER_ID,
                    "first_name": "Grace",
                    "last_name": "Hopper",
                    "enabled": True,
                    "has_override": False,
                    "connection_status": "connected",
                }
            ],
            "default_user_access": "allow",
            "total": 1,
            "has_more": False,
        },
        returns="McpServerUserAccessList",
        expect={"default_user_access": "allow", "data.0.connection_status": "connected"},
    ),
    Case(
        "mcp_servers.user_access.update",
        "PUT",
        f"{PATH}/user-access",
        args=(SERVER_ID,),
        kwargs={"user_access": [{"user_id": USER_ID, "enabled": False}], "default_user_access": "deny"},
        body={"user_access": [{"user_id": USER_ID, "enabled": False}], "default_user_access": "deny"},
        reply={"success": True},
        returns="McpServerSuccessResult",
    ),
    Case(
        "mcp_servers.connections.list",
        "GET",
        f"{PATH}/connections",
        args=(SERVER_ID,),
        kwargs={"user_id": USER_ID},
        query={"user_id": USER_ID},
        reply={
            "data": [
                {
                    "user_id": USER_ID,
                    "connected": True,
                    "created_at": "2024-12-04T08:00:00.000Z",
                    "last_updated_at": "2024-12-04T08:00:00.000Z",
                }
            ],
            "total": 1,
            "has_more": False,
        },
        returns="McpServerConnectionList",
        expect={"data.0.connected": True, "data.0.user_id": USER_ID},
    ),
    Case(
        "mcp_servers.connections.delete",
        "DELETE",
        f"{PATH}/connections",
        args=(SERVER_ID,),
        kwargs={"user_id": USER_ID},
        query={"user_id": USER_ID},
        reply={"success": True},
        returns="McpServerSuccessResult",
        expect={"success": True},
    ),
    Case(
        "mcp_servers.capabilities.sync",
        "POST",
        f"{PATH}/capabilities/sync",
        args=(SERVER_ID,),
        kwargs={"capabilities": [{"name": "create_issue", "type": "tool", "description": "Files an issue"}]},
        body={"capabilities": [{"name": "create_issue", "type": "tool", "description": "Files an issue"}]},
        reply={"success": True},
        returns="McpServerSuccessResult",
        expect={"success": True},
    ),
    Case(
        "mcp_servers.get_tokens",
        "GET",
        f"{PATH}/tokens",
        args=(SERVER_ID,),
        reply={
            "access_token": "lin_oauth_at_1",
            "refresh_token": None,
            "expires_at": "2024-12-05T08:00:00.000Z",
        },
        returns="McpServerTokens",
        expect={"access_token": "lin_oauth_at_1", "refresh_token": None},
    ),
    Case(
        "mcp_servers.update_tokens",
        "PUT",
        f"{PATH}/tokens",
        args=(SERVER_ID,),
        kwargs={"access_token": "lin_oauth_at_2", "refresh_token": "lin_oauth_rt_2"},
        body={"access_token": "lin_oauth_at_2", "refresh_token": "lin_oauth_rt_2"},
        reply={"success": True},
        returns="McpServerSuccessResult",
        expect={"success": True},
    ),
    Case(
        "mcp_servers.delete_tokens",
        "DELETE",
        f"{PATH}/tokens",
        args=(SERVER_ID,),
        reply={"success": True},
        returns="McpServerSuccessResult",
        expect={"success": True},
    ),
    Case(
        "mcp_servers.get_client_info",
        "GET",
        f"{PATH}/client-info",
        args=(SERVER_ID,),
        reply={"client_id": "portkey-linear-7f3a", "client_secret": None},
        returns="McpServerClientInfo",
        expect={"client_id": "portkey-linear-7f3a"},
    ),
    Case(
        "mcp_servers.metadata.retrieve",
        "GET",
        f"{PATH}/metadata",
        args=(SERVER_ID,),
        reply={
            "server_name": "linear-mcp",
            "server_version": "1.4.0",
            "protocol_version": "2025-06-18",
            "title": "Linear",
            "capability_flags": {"tools": {"listChanged": True}},
        },
        returns="McpServerMetadata",
        expect={"server_version": "1.4.0", "protocol_version": "2025-06-18"},
    ),
    Case(
        "mcp_servers.metadata.sync",
        "POST",
        f"{PATH}/metadata/sync",
        args=(SERVER_ID,),
        kwargs={"server_name": "linear-mcp", "server_version": "1.5.0"},
        body={"server_name": "linear-mcp", "server_version": "1.5.0"},
        reply={"success": True},
        returns="McpServerSuccessResult",
        expect={"success": True},
    ),
    Case(
        "mcp_servers.user_access.check",
        "GET",
        f"{PATH}/user-access/check",
        args=(SERVER_ID,),
        reply={"has_access": True},
        returns="McpServerUserAccessCheck",
        expect={"has_access": True},
    ),
]

ERROR = ErrorCase(
    "mcp_servers.retrieve",
    args=(SERVER_ID,),
    reply=management_error("MCP server not found"),
    message="MCP server not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
