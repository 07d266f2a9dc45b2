"""integrations: provider credentials stored once for the organisation, their models and the
workspaces that may use them (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "integrations"
INTEGRATION_ID = "f6a7b8c9-d0e1-4f2a-8b3c-4d5e6f7a8b9c"
ORGANISATION = "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a"
SLUG = "openai-prod"
SUMMARY = {
    "id": INTEGRATION_ID,
    "organisation_id": ORGANISATION,
    "ai_provider_id": "openai",
    "name": "OpenAI production",
    "status": "active",
    "created_at": "2024-05-05T09:00:00.000Z",
    "last_updated_at": None,
    "slug": SLUG,
    "description": "Org-wide OpenAI account",
    "object": "integration",
}
PRICING = {
    "type": "static",
    "pay_as_you_go": {"request_token": {"price": 0.00025}, "response_token": {"price": 0.001}},
}
PATH = f"/integrations/{SLUG}"

CASES = [
    Case(
        "integrations.list",
        "GET",
        "/integrations",
        kwargs={"type_": "organisation", "page_size": 25},
        query={"type": "organisation", "page_size": "25"},
        reply={"object": "list", "total": 1, "data": [SUMMARY]},
        returns="IntegrationList",
        expect={"total": 1, "data.0.ai_provider_id": "openai", "data.0.last_updated_at": None},
    ),
    Case(
        "integrations.create",
        "POST",
        "/integrations",
        kwargs={
            "name": "OpenAI production",
            "ai_provider_id": "openai",
            "key": "sk-live-integration-key",
            "configurations": {"openai_organization": "org-4f1b", "openai_project": "proj_81c2"},
        },
        body={
            "name": "OpenAI production",
            "ai_provider_id": "openai",
            "key": "sk-live-integration-key",
            "configurations": {"openai_organization": "org-4f1b", "openai_project": "proj_81c2"},
        },
        reply={"id": INTEGRATION_ID, "slug": SLUG},
        returns="IntegrationCreateResult",
        expect={"id": INTEGRATION_ID, "slug": SLUG},
    ),
    Case(
        "integrations.retrieve",
        "GET",
        PATH,
        args=(SLUG,),
        reply={
            **SUMMARY,
            "masked_key": "sk-l*****************-key",
            "configurations": {
                "openai_organization": "org-4f1b",
                "masked_vertex_service_account_json": "ey****",
            },
            "global_workspace_access_settings": {"enabled": True, "usage_limits": None, "rate_limits": None},
            "allow_all_models": False,
            "workspace_count": 3,
            "secret_mappings": [],
            "pricing_adjustments": {"multiplier": {"default": 0.9}},
        },
        returns="IntegrationDetail",
        expect={
            "masked_key": "sk-l*****************-key",
            "configurations.openai_organization": "org-4f1b",
            "configurations.masked_vertex_service_account_json": "ey****",
            "global_workspace_access_settings.enabled": True,
            "pricing_adjustments.multiplier.default": 0.9,
            "workspace_count": 3,
        },
    ),
    Case(
        "integrations.update",
        "PUT",
        PATH,
        args=(SLUG,),
        kwargs={"description": "Rotated key", "key": "sk-live-rotated"},
        body={"description": "Rotated key", "key": "sk-live-rotated"},
        reply={},
        returns="IntegrationAck",
    ),
    Case("integrations.delete", "DELETE", PATH, args=(SLUG,), reply={}, returns="IntegrationAck"),
    Case(
        "integrations.models.list",
        "GET",
        f"{PATH}/models",
        args=(SLUG,),
        reply={
            "total": 1,
            "models": [
                {
                    "slug": "gpt-4o-mini",
                    "name": "GPT-4o mini",
                    "enabled": True,
                    "is_custom": False,
                    "pricing_config": PRICING,
                }
            ],
        },
        returns="IntegrationModelList",
        expect={
            "models.0.slug": "gpt-4o-mini",
            "models.0.pricing_config.pay_as_you_go.response_token.price": 0.001,
        },
    ),
    Case(
        "integrations.models.update",
        "PUT",
        f"{PATH}/models",
        args=(SLUG,),
        kwargs={
            "models": [{"slug": "ft:gpt-4o-mini:acme", "enabled": True, "is_finetune": True}],
            "allow_all_models": False,
        },
        body={
            "models": [{"slug": "ft:gpt-4o-mini:acme", "enabled": True, "is_finetune": True}],
            "allow_all_models": False,
        },
        reply={},
        returns="IntegrationAck",
    ),
    Case(
        "integrations.models.delete",
        "DELETE",
        f"{PATH}/models",
        args=(SLUG,),
        kwargs={"slugs": "ft:gpt-4o-mini:acme,gpt-3.5-turbo"},
        query={"slugs": "ft:gpt-4o-mini:acme,gpt-3.5-turbo"},
        reply={},
        returns="IntegrationAck",
    ),
    Case(
        "integrations.workspaces.list",
        "GET",
        f"{PATH}/workspaces",
        args=(SLUG,),
        reply={
            "total": 1,
            "workspaces": [
                {"id": "ws-research-4b1c", "enabled": True, "usage_limits": None, "rate_limits": None}
            ],
        },
        returns="IntegrationWorkspaceList",
        expect={"workspaces.0.id": "ws-research-4b1c", "workspaces.0.enabled": True},
    ),
    Case(
        "integrations.workspaces.update",
        "PUT",
        f"{PATH}/workspaces",
        args=(SLUG,),
        kwargs={
            "workspaces": [{"id": "ws-research-4b1c", "enabled": False}],
            "override_existing_workspace_access": True,
        },
        body={
            "workspaces": [{"id": "ws-research-4b1c", "enabled": False}],
            "override_existing_workspace_access": True,
        },
        reply={},
        returns="IntegrationAck",
    ),
]

ERROR = ErrorCase(
    "integrations.retrieve",
    args=("gone",),
    reply=management_error("Integration not found"),
    message="Integration not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
