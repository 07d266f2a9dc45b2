"""admin: organisation users, their invites, workspaces and workspace members (control plane)."""

from __future__ import annotations

import pytest

from .cases import NO_BODY, Case, ErrorCase, check, check_error, management_error

AREA = "admin"
USER_ID = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f"
INVITE_ID = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d"
WORKSPACE_ID = "ws-research-4b1c"
WORKSPACE_UUID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
USER = {
    "object": "user",
    "id": USER_ID,
    "first_name": "Grace",
    "last_name": "Hopper",
    "role": "member",
    "email": "grace@example.com",
    "created_at": "2024-03-18T08:30:00.000Z",
    "last_updated_at": "2024-06-01T12:00:00.000Z",
    "workspace_ids": [WORKSPACE_ID],
}
INVITE = {
    "object": "invite",
    "id": INVITE_ID,
    "email": "linus@example.com",
    "role": "member",
    "created_at": "2024-07-01T10:00:00.000Z",
    "expires_at": "2024-07-08T10:00:00.000Z",
    "accepted_at": None,
    "status": "pending",
    "invited_by": USER_ID,
    "workspaces": [{"workspace_id": WORKSPACE_ID, "role": "member"}],
}
WORKSPACE = {
    "id": WORKSPACE_ID,
    "slug": "ws-research-4b1c",
    "name": "Research",
    "description": "Experiments of the research team",
    "created_at": "2024-02-10T09:00:00.000Z",
    "last_updated_at": "2024-02-10T09:00:00.000Z",
    "defaults": {"metadata": {"team": "research"}, "is_default": 0, "object": "workspace"},
    "usage_limits": [
        {"credit_limit": 500, "type": "cost", "alert_threshold": 400, "periodic_reset": "monthly"}
    ],
    "rate_limits": [{"type": "requests", "unit": "rpm", "value": 600}],
}
MEMBER = {
    "object": "workspace-user",
    "id": USER_ID,
    "first_name": "Grace",
    "last_name": "Hopper",
    "org_role": "member",
    "role": "manager",
    "created_at": "2024-03-18T08:30:00.000Z",
    "last_updated_at": "2024-06-01T12:00:00.000Z",
    "status": "active",
    "workspace_id": WORKSPACE_UUID,
    "email": "grace@example.com",
    "scopes": ["logs.view", "configs.read"],
    "settings": None,
}
USERS_PATH = f"/admin/users/{USER_ID}"
INVITE_PATH = f"/admin/users/invites/{INVITE_ID}"
MEMBER_PATH = f"/admin/workspaces/{WORKSPACE_ID}/users/{USER_ID}"

CASES = [
    Case(
        "admin.users.list",
        "GET",
        "/admin/users",
        kwargs={"page_size": 20, "current_page": 0, "role": "member"},
        query={"pageSize": "20", "currentPage": "0", "role": "member"},
        reply={"object": "list", "total": 1, "data": [USER]},
        returns="AdminUserList",
        expect={
            "total": 1,
            "data.0.email": "grace@example.com",
            "data.0.role": "member",
            "data.0.id": USER_ID,
        },
    ),
    Case(
        "admin.users.retrieve",
        "GET",
        USERS_PATH,
        args=(USER_ID,),
        reply=USER,
        returns="AdminUser",
        expect={
            "first_name": "Grace",
            "workspace_ids": [WORKSPACE_ID],
            "created_at": "2024-03-18T08:30:00+00:00",
        },
    ),
    Case(
        "admin.users.update",
        "PUT",
        USERS_PATH,
        args=(USER_ID,),
        kwargs={"role": "admin"},
        body={"role": "admin"},
        reply={},
        returns="AdminOperationResult",
    ),
    Case(
        "admin.users.delete", "DELETE", USERS_PATH, args=(USER_ID,), reply={}, returns="AdminOperationResult"
    ),
    Case(
        "admin.users.invites.list",
        "GET",
        "/admin/users/invites",
        kwargs={"status": "pending", "email": "linus@example.com"},
        query={"status": "pending", "email": "linus@example.com"},
        reply={"object": "list", "total": 1, "data": [INVITE]},
        returns="AdminInviteList",
        expect={"data.0.status": "pending", "data.0.workspaces.0.workspace_id": WORKSPACE_ID},
    ),
    Case(
        "admin.users.invites.create",
        "POST",
        "/admin/users/invites",
        kwargs={
            "email": "linus@example.com",
            "role": "member",
            "workspaces": [{"id": WORKSPACE_ID, "role": "member"}],
            "workspace_api_key_details": {"scopes": ["logs.view"]},
        },
        body={
            "email": "linus@example.com",
            "role": "member",
            "workspaces": [{"id": WORKSPACE_ID, "role": "member"}],
            "workspace_api_key_details": {"scopes": ["logs.view"]},
        },
        reply={"id": INVITE_ID, "invite_link": f"https://app.portkey.ai/invite/{INVITE_ID}"},
        returns="AdminInviteCreated",
        expect={"id": INVITE_ID, "invite_link": f"https://app.portkey.ai/invite/{INVITE_ID}"},
    ),
    Case(
        "admin.users.invites.retrieve",
        "GET",
        INVITE_PATH,
        args=(INVITE_ID,),
        reply=INVITE,
        returns="AdminInvite",
        expect={"email": "linus@example.com", "accepted_at": None, "expires_at": "2024-07-08T10:00:00+00:00"},
    ),
    Case(
        "admin.users.invites.delete",
        "DELETE",
        INVITE_PATH,
        args=(INVITE_ID,),
        reply={},
        returns="AdminOperationResult",
    ),
    Case(
        "admin.users.invites.resend",
        "POST",
        f"{INVITE_PATH}/resend",
        args=(INVITE_ID,),
        reply={"inviteLink": f"https://app.portkey.ai/invite/{INVITE_ID}"},
        returns="AdminInviteResent",
        expect={"invite_link": f"https://app.portkey.ai/invite/{INVITE_ID}"},
    ),
    Case(
        "admin.workspaces.list",
        "GET",
        "/admin/workspaces",
        kwargs={"name": "Research", "status": "active", "page_size": 10},
        query={"name": "Research", "status": "active", "page_size": "10"},
        reply={"object": "list", "total": 1, "data": [WORKSPACE]},
        returns="AdminWorkspaceList",
        expect={"data.0.slug": "ws-research-4b1c", "data.0.rate_limits.0.unit": "rpm"},
    ),
    Case(
        "admin.workspaces.create",
        "POST",
        "/admin/workspaces",
        kwargs={
            "name": "Research",
            "description": "Experiments of the research team",
            "defaults": {"metadata": {"team": "research"}},
            "usage_limits": [
                {"credit_limit": 500, "type": "cost", "alert_threshold": 400, "periodic_reset": "monthly"}
            ],
            "rate_limits": [{"type": "requests", "unit": "rpm", "value": 600}],
        },
        body={
            "name": "Research",
            "description": "Experiments of the research team",
            "defaults": {"metadata": {"team": "research"}},
            "usage_limits": [
                {"credit_limit": 500, "type": "cost", "alert_threshold": 400, "periodic_reset": "monthly"}
            ],
            "rate_limits": [{"type": "requests", "unit": "rpm", "value": 600}],
        },
        reply=WORKSPACE,
        returns="AdminWorkspace",
        expect={"id": WORKSPACE_ID, "usage_limits.0.credit_limit": 500, "defaults.is_default": 0},
    ),
    Case(
        "admin.workspaces.retrieve",
        "GET",
        f"/admin/workspaces/{WORKSPACE_ID}",
        args=(WORKSPACE_ID,),
        reply={**WORKSPACE, "users": [MEMBER]},
        returns="AdminWorkspaceDetail",
        expect={"name": "Research", "users.0.role": "manager", "users.0.workspace_id": WORKSPACE_UUID},
    ),
    Case(
        "admin.workspaces.update",
        "PUT",
        f"/admin/workspaces/{WORKSPACE_ID}",
        args=(WORKSPACE_ID,),
        kwargs={"description": "Shared experiments", "defaults": {"input_guardrails": ["pg-pii-1"]}},
        body={"description": "Shared experiments", "defaults": {"input_guardrails": ["pg-pii-1"]}},
        reply={},
        returns="AdminOperationResult",
    ),
    Case(
        "admin.workspaces.delete",
        "DELETE",
        f"/admin/workspaces/{WORKSPACE_ID}",
        args=(WORKSPACE_ID,),
        reply=NO_BODY,
    ),
    Case(
        "admin.workspaces.users.list",
        "GET",
        f"/admin/workspaces/{WORKSPACE_ID}/users",
        args=(WORKSPACE_ID,),
        kwargs={"role": "manager", "current_page": 1, "page_size": 50},
        query={"role": "manager", "current_page": "1", "page_size": "50"},
        reply={"object": "list", "total": 51, "data": [MEMBER]},
        returns="AdminWorkspaceMemberList",
        expect={"total": 51, "data.0.scopes": ["logs.view", "configs.read"], "data.0.settings": None},
    ),
    Case(
        "admin.workspaces.users.create",
        "POST",
        f"/admin/workspaces/{WORKSPACE_ID}/users",
        args=(WORKSPACE_ID,),
        kwargs={"users": [{"id": USER_ID, "role": "member"}]},
        body={"users": [{"id": USER_ID, "role": "member"}]},
        reply={},
        returns="AdminOperationResult",
    ),
    Case(
        "admin.workspaces.users.retrieve",
        "GET",
        MEMBER_PATH,
        args=(WORKSPACE_ID, USER_ID),
        reply=MEMBER,
        returns="AdminWorkspaceMember",
        expect={"org_role": "member", "status": "active", "email": "grace@example.com"},
    ),
    Case(
        "admin.workspaces.users.update",
        "PUT",
        MEMBER_PATH,
        args=(WORKSPACE_ID, USER_ID),
        kwargs={"role": "admin"},
        body={"role": "admin"},
        reply={},
        returns="AdminOperationResult",
    ),
    Case(
        "admin.workspaces.users.delete",
        "DELETE",
        MEMBER_PATH,
        args=(WORKSPACE_ID, USER_ID),
        reply={},
        returns="AdminOperationResult",
    ),
]

ERROR = ErrorCase(
    "admin.users.retrieve",
    args=(USER_ID,),
    reply=management_error("User not found"),
    message="User not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
