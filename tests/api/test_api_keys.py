"""api_keys: Portkey API keys of the organisation and its workspaces (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "api_keys"
KEY_ID = "4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a"
ORGANISATION = "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a"
DETAIL = {
    "id": KEY_ID,
    "key": "Kx3a********wQ9z",
    "name": "Nightly evals",
    "description": "Used by the evaluation pipeline",
    "type": "workspace-service",
    "organisation_id": ORGANISATION,
    "workspace_id": "ws-research-4b1c",
    "user_id": None,
    "status": "active",
    "created_at": "2024-09-02T07:00:00.000Z",
    "last_updated_at": "2024-09-02T07:00:00.000Z",
    "creation_mode": "api",
    "rate_limits": [{"type": "requests", "unit": "rpm", "value": 100}],
    "usage_limits": {"credit_limit": 50, "type": "cost", "alert_threshold": 40, "periodic_reset": "monthly"},
    "reset_usage": 0,
    "scopes": ["completions.write", "logs.view"],
    "defaults": {"metadata": {"pipeline": "evals"}, "config_id": "pc-evals-1a2b"},
    "alert_emails": ["ops@example.com"],
    "expires_at": None,
    "object": "api-key",
}
CREATE = {
    "name": "Nightly evals",
    "workspace_id": "ws-research-4b1c",
    "scopes": ["completions.write", "logs.view"],
    "usage_limits": {"credit_limit": 50, "type": "cost", "alert_threshold": 40, "periodic_reset": "monthly"},
    "defaults": {"metadata": {"pipeline": "evals"}, "config_id": "pc-evals-1a2b"},
}

CASES = [
    Case(
        "api_keys.create",
        "POST",
        "/api-keys/workspace/service",
        args=("workspace", "service"),
        kwargs=CREATE,
        body=CREATE,
        reply={"id": KEY_ID, "key": "Kx3aV7bT2mLq9wQ9z", "object": "api-key"},
        returns="ApiKeyCreateResult",
        expect={"id": KEY_ID, "key": "Kx3aV7bT2mLq9wQ9z", "object_": "api-key"},
    ),
    Case(
        "api_keys.list",
        "GET",
        "/api-keys",
        kwargs={"workspace_id": "ws-research-4b1c", "page_size": 50},
        query={"workspace_id": "ws-research-4b1c", "page_size": "50"},
        reply={"total": 1, "object": "list", "data": [DETAIL]},
        returns="ApiKeyList",
        expect={"total": 1, "data.0.type_": "workspace-service", "data.0.usage_limits.credit_limit": 50},
    ),
    Case(
        "api_keys.retrieve",
        "GET",
        f"/api-keys/{KEY_ID}",
        args=(KEY_ID,),
        reply=DETAIL,
        returns="ApiKeyDetail",
        expect={"name": "Nightly evals", "scopes": ["completions.write", "logs.view"], "expires_at": None},
    ),
    Case(
        "api_keys.update",
        "PUT",
        f"/api-keys/{KEY_ID}",
        args=(KEY_ID,),
        kwargs={"rate_limits": [{"type": "requests", "unit": "rpm", "value": 200}], "reset_usage": True},
        body={"rate_limits": [{"type": "requests", "unit": "rpm", "value": 200}], "reset_usage": True},
        reply={},
        returns="ApiKeyAck",
    ),
    Case("api_keys.delete", "DELETE", f"/api-keys/{KEY_ID}", args=(KEY_ID,), reply={}, returns="ApiKeyAck"),
    Case(
        "api_keys.rotate",
        "POST",
        f"/api-keys/{KEY_ID}/rotate",
        args=(KEY_ID,),
        kwargs={"key_transition_period_ms": 3600000},
        body={"key_transition_period_ms": 3600000},
        reply={
            "id": KEY_ID,
            "key": "Qm8rN1cZ4pHs6tYe0",
            "key_transition_expires_at": "2024-09-03T08:00:00.000Z",
        },
        returns="ApiKeyRotateResult",
        expect={"key": "Qm8rN1cZ4pHs6tYe0", "key_transition_expires_at": "2024-09-03T08:00:00+00:00"},
    ),
]

ERROR = ErrorCase(
    "api_keys.retrieve",
    args=(KEY_ID,),
    reply=management_error("API Key not found"),
    message="API Key not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
