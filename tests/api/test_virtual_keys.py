"""virtual_keys: provider keys stored in Portkey and referred to by slug (control plane)."""

from __future__ import annotations

from typing import Any

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "virtual_keys"
DETAIL: dict[str, Any] = {
    "name": "Azure EU",
    "note": None,
    "status": "active",
    "usage_limits": None,
    "reset_usage": None,
    "created_at": "2024-08-08T08:08:08.000Z",
    "slug": "azure-eu-5c1a",
    "model_config": {
        "resourceName": "acme-eu",
        "deploymentConfig": [{"apiVersion": "2024-06-01", "deploymentName": "gpt4o"}],
    },
    "rate_limits": None,
    "expires_at": None,
    "secret_mappings": [],
    "object": "virtual-key",
}
PATH = "/virtual-keys/azure-eu-5c1a"
DEPLOYMENTS = [{"apiVersion": "2024-06-01", "deploymentName": "gpt4o", "alias": "gpt-4o", "is_default": True}]

CASES = [
    Case(
        "virtual_keys.list",
        "GET",
        "/virtual-keys",
        reply={"object": "list", "total": 1, "data": [DETAIL]},
        returns="VirtualKeyList",
        expect={"total": 1, "data.0.slug": "azure-eu-5c1a"},
    ),
    Case(
        "virtual_keys.create",
        "POST",
        "/virtual-keys",
        kwargs={
            "name": "Azure EU",
            "provider": "azure-openai",
            "key": "azure-secret-key",
            "resourceName": "acme-eu",
            "deploymentConfig": DEPLOYMENTS,
        },
        body={
            "name": "Azure EU",
            "provider": "azure-openai",
            "key": "azure-secret-key",
            "resourceName": "acme-eu",
            "deploymentConfig": DEPLOYMENTS,
        },
        reply={"success": True, "data": {"slug": "azure-eu-5c1a"}},
        returns="VirtualKeyCreateResult",
        expect={"success": True, "data.slug": "azure-eu-5c1a"},
    ),
    Case(
        "virtual_keys.retrieve",
        "GET",
        PATH,
        args=("azure-eu-5c1a",),
        reply=DETAIL,
        returns="VirtualKeyDetail",
        expect={
            "name": "Azure EU",
            "model_config.additional_properties.resourceName": "acme-eu",
            "usage_limits": None,
        },
    ),
    Case(
        "virtual_keys.update",
        "PUT",
        PATH,
        args=("azure-eu-5c1a",),
        kwargs={
            "note": "EU traffic only",
            "rate_limits": [{"type": "requests", "unit": "rpm", "value": 500}],
        },
        body={"note": "EU traffic only", "rate_limits": [{"type": "requests", "unit": "rpm", "value": 500}]},
        reply={},
        returns="VirtualKeyAck",
    ),
    Case("virtual_keys.delete", "DELETE", PATH, args=("azure-eu-5c1a",), reply={}, returns="VirtualKeyAck"),
]

ERROR = ErrorCase(
    "virtual_keys.retrieve",
    args=("gone",),
    reply=management_error("Virtual key not found"),
    message="Virtual key not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
