"""policies: usage-limit and rate-limit policies over requests grouped by keys (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "policies"
WORKSPACE = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
ORGANISATION = "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a"
USAGE_ID = "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d"
RATE_ID = "4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e"
CONDITIONS = [{"key": "api_key", "value": "pk-eval-*"}]
GROUP_BY = [{"key": "metadata._user"}]
STAMPS = {
    "status": "active",
    "workspace_id": WORKSPACE,
    "organisation_id": ORGANISATION,
    "created_at": "2025-01-06T09:00:00.000Z",
    "last_updated_at": "2025-01-06T09:00:00.000Z",
}
USAGE = {
    "object": "policy",
    "id": USAGE_ID,
    "name": "Per-user monthly budget",
    "conditions": CONDITIONS,
    "group_by": GROUP_BY,
    "type": "cost",
    "credit_limit": 25,
    "alert_threshold": 20,
    "periodic_reset": "monthly",
    "next_usage_reset_at": "2025-02-01T00:00:00.000Z",
    "last_reset_at": None,
    **STAMPS,
}
RATE = {
    "object": "policy",
    "id": RATE_ID,
    "name": "Per-user request cap",
    "conditions": CONDITIONS,
    "group_by": GROUP_BY,
    "type": "requests",
    "unit": "rpm",
    "value": 60,
    **STAMPS,
}
USAGE_PATH = f"/policies/usage-limits/{USAGE_ID}"
RATE_PATH = f"/policies/rate-limits/{RATE_ID}"

CASES = [
    Case(
        "policies.usage_limits.list",
        "GET",
        "/policies/usage-limits",
        kwargs={"workspace_id": WORKSPACE, "type_": "cost", "status": "active"},
        query={"workspace_id": WORKSPACE, "type": "cost", "status": "active"},
        reply={"object": "list", "data": [USAGE], "total": 1},
        returns="PolicyUsageLimitList",
        expect={"total": 1, "data.0.credit_limit": 25, "data.0.group_by.0.key": "metadata._user"},
    ),
    Case(
        "policies.usage_limits.create",
        "POST",
        "/policies/usage-limits",
        kwargs={
            "conditions": CONDITIONS,
            "group_by": GROUP_BY,
            "type": "cost",
            "credit_limit": 25,
            "periodic_reset": "monthly",
        },
        body={
            "conditions": CONDITIONS,
            "group_by": GROUP_BY,
            "type": "cost",
            "credit_limit": 25,
            "periodic_reset": "monthly",
        },
        reply={"id": USAGE_ID, "object": "policy"},
        returns="PolicyCreateResult",
        expect={"id": USAGE_ID},
    ),
    Case(
        "policies.usage_limits.retrieve",
        "GET",
        USAGE_PATH,
        args=(USAGE_ID,),
        kwargs={"include_usage": True},
        query={"include_usage": "true"},
        reply=USAGE,
        returns="PolicyUsageLimit",
        expect={
            "periodic_reset": "monthly",
            "next_usage_reset_at": "2025-02-01T00:00:00+00:00",
            "last_reset_at": None,
        },
    ),
    Case(
        "policies.usage_limits.update",
        "PUT",
        USAGE_PATH,
        args=(USAGE_ID,),
        kwargs={"credit_limit": 40, "alert_threshold": 35},
        body={"credit_limit": 40, "alert_threshold": 35},
        reply={},
        returns="PolicyOperationResult",
    ),
    Case(
        "policies.usage_limits.delete",
        "DELETE",
        USAGE_PATH,
        args=(USAGE_ID,),
        reply={},
        returns="PolicyOperationResult",
    ),
    Case(
        "policies.usage_limits.entities.list",
        "GET",
        f"{USAGE_PATH}/entities",
        args=(USAGE_ID,),
        kwargs={"status": "exhausted"},
        query={"status": "exhausted"},
        reply={
            "object": "list",
            "data": [{"id": "ent-91", "value_key": "grace@example.com", "current_usage": 25.4}],
            "total": 1,
        },
        returns="PolicyUsageLimitEntityList",
        expect={"data.0.value_key": "grace@example.com", "data.0.current_usage": 25.4},
    ),
    Case(
        "policies.usage_limits.entities.reset",
        "PUT",
        f"{USAGE_PATH}/entities/ent-91/reset",
        args=(USAGE_ID, "ent-91"),
        reply={},
        returns="PolicyOperationResult",
    ),
    Case(
        "policies.rate_limits.list",
        "GET",
        "/policies/rate-limits",
        kwargs={"unit": "rpm", "page_size": 20},
        query={"unit": "rpm", "page_size": "20"},
        reply={"object": "list", "data": [RATE], "total": 1},
        returns="PolicyRateLimitList",
        expect={"data.0.value": 60, "data.0.unit": "rpm"},
    ),
    Case(
        "policies.rate_limits.create",
        "POST",
        "/policies/rate-limits",
        kwargs={
            "conditions": CONDITIONS,
            "group_by": GROUP_BY,
            "type": "requests",
            "unit": "rpm",
            "value": 60,
        },
        body={"conditions": CONDITIONS, "group_by": GROUP_BY, "type": "requests", "unit": "rpm", "value": 60},
        reply={"id": RATE_ID, "object": "policy"},
        returns="PolicyCreateResult",
        expect={"id": RATE_ID},
    ),
    Case(
        "policies.rate_limits.retrieve",
        "GET",
        RATE_PATH,
        args=(RATE_ID,),
        reply=RATE,
        returns="PolicyRateLimit",
        expect={"name": "Per-user request cap", "conditions.0.value": "pk-eval-*"},
    ),
    Case(
        "policies.rate_limits.update",
        "PUT",
        RATE_PATH,
        args=(RATE_ID,),
        kwargs={"unit": "rph", "value": 3000},
        body={"unit": "rph", "value": 3000},
        reply={},
        returns="PolicyOperationResult",
    ),
    Case(
        "policies.rate_limits.delete",
        "DELETE",
        RATE_PATH,
        args=(RATE_ID,),
        reply={},
        returns="PolicyOperationResult",
    ),
]

ERROR = ErrorCase(
    "policies.rate_limits.retrieve",
    args=(RATE_ID,),
    reply=management_error("Policy not found"),
    message="Policy not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
