"""providers: workspace-level providers made from an integration, with their own limits (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "providers"
WORKSPACE = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
DETAIL = {
    "name": "OpenAI (research)",
    "integration_id": "openai-prod",
    "note": "Shared by the research team",
    "status": "active",
    "usage_limits": {
        "credit_limit": 200,
        "type": "cost",
        "alert_threshold": 150,
        "periodic_reset": "monthly",
    },
    "reset_usage": 12.5,
    "created_at": "2025-02-01T10:00:00.000Z",
    "slug": "openai-research",
    "rate_limits": [{"type": "requests", "unit": "rpm", "value": 300}],
    "expires_at": None,
    "object": "provider",
}
PATH = "/providers/openai-research"

CASES = [
    Case(
        "providers.list",
        "GET",
        "/providers",
        kwargs={"workspace_id": WORKSPACE, "current_page": 0, "page_size": 50},
        query={"workspace_id": WORKSPACE, "current_page": "0", "page_size": "50"},
        reply={"object": "list", "total": 1, "data": [DETAIL]},
        returns="ProviderList",
        expect={
            "total": 1,
            "data.0.slug": "openai-research",
            "data.0.usage_limits.periodic_reset": "monthly",
        },
    ),
    Case(
        "providers.create",
        "POST",
        "/providers",
        kwargs={
            "name": "OpenAI (research)",
            "integration_id": "openai-prod",
            "workspace_id": WORKSPACE,
            "rate_limits": {"type": "requests", "unit": "rpm", "value": 300},
        },
        body={
            "name": "OpenAI (research)",
            "integration_id": "openai-prod",
            "workspace_id": WORKSPACE,
            "rate_limits": {"type": "requests", "unit": "rpm", "value": 300},
        },
        reply={"id": "7b1e0c2d-3f4a-4b5c-8d6e-7f8a9b0c1d2e", "slug": "openai-research"},
        returns="ProviderCreateResult",
        expect={"slug": "openai-research"},
    ),
    Case(
        "providers.retrieve",
        "GET",
        PATH,
        args=("openai-research",),
        kwargs={"workspace_id": WORKSPACE},
        query={"workspace_id": WORKSPACE},
        reply=DETAIL,
        returns="ProviderDetail",
        expect={"status": "active", "reset_usage": 12.5, "expires_at": None},
    ),
    Case(
        "providers.update",
        "PUT",
        PATH,
        args=("openai-research",),
        kwargs={"workspace_id": WORKSPACE, "note": "Budget raised", "reset_usage": True},
        query={"workspace_id": WORKSPACE},
        body={"note": "Budget raised", "reset_usage": True},
        reply={"id": "7b1e0c2d-3f4a-4b5c-8d6e-7f8a9b0c1d2e", "slug": "openai-research"},
        returns="ProviderUpdateResult",
        expect={"id": "7b1e0c2d-3f4a-4b5c-8d6e-7f8a9b0c1d2e"},
    ),
    Case("providers.delete", "DELETE", PATH, args=("openai-research",), reply={}, returns="ProviderAck"),
]

ERROR = ErrorCase(
    "providers.retrieve",
    args=("gone",),
    reply=management_error("Provider not found"),
    message="Provider not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
