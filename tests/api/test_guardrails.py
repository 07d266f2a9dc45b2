"""guardrails: saved checks run on requests and responses, and what to do on their verdict (control plane)."""

from __future__ import annotations

import pytest

from .cases import NO_BODY, Case, ErrorCase, check, check_error, management_error

AREA = "guardrails"
WORKSPACE = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
OWNER = "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b"
GUARDRAIL_ID = "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e"
SUMMARY = {
    "id": GUARDRAIL_ID,
    "name": "No PII, short answers",
    "slug": "pg-nopii-5d1a",
    "organisation_id": "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a",
    "workspace_id": WORKSPACE,
    "status": "active",
    "created_at": "2024-08-20T10:00:00.000Z",
    "last_updated_at": "2024-08-21T10:00:00.000Z",
    "owner_id": OWNER,
    "updated_by": None,
}
CHECKS = [
    {"id": "portkey.pii", "parameters": {"categories": ["EMAIL_ADDRESS", "PHONE_NUMBER"], "redact": True}},
    {"id": "default.wordCount", "parameters": {"minWords": 1, "maxWords": 300}, "is_enabled": True},
]
FEEDBACK_OK = {"feedback": {"value": 5, "weight": 1, "metadata": "passed"}}
FEEDBACK_FAIL = {"feedback": {"value": -5, "weight": 1, "metadata": "blocked"}}
ACTIONS = {"deny": True, "async": False, "on_success": FEEDBACK_OK, "on_fail": FEEDBACK_FAIL}
PATH = f"/guardrails/{GUARDRAIL_ID}"

CASES = [
    Case(
        "guardrails.list",
        "GET",
        "/guardrails",
        kwargs={"workspace_id": WORKSPACE, "page_size": 10, "current_page": 0},
        query={"workspace_id": WORKSPACE, "page_size": "10", "current_page": "0"},
        reply={"data": [SUMMARY], "total": 1},
        returns="GuardrailList",
        expect={"total": 1, "data.0.slug": "pg-nopii-5d1a", "data.0.status": "active"},
    ),
    Case(
        "guardrails.create",
        "POST",
        "/guardrails",
        kwargs={
            "name": "No PII, short answers",
            "workspace_id": WORKSPACE,
            "checks": CHECKS,
            "actions": ACTIONS,
        },
        body={
            "name": "No PII, short answers",
            "workspace_id": WORKSPACE,
            "checks": CHECKS,
            "actions": ACTIONS,
        },
        reply={
            "id": GUARDRAIL_ID,
            "slug": "pg-nopii-5d1a",
            "version_id": "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
        },
        returns="GuardrailCreateResult",
        expect={"slug": "pg-nopii-5d1a", "version_id": "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"},
    ),
    Case(
        "guardrails.retrieve",
        "GET",
        PATH,
        args=(GUARDRAIL_ID,),
        reply={**SUMMARY, "checks": CHECKS, "actions": ACTIONS},
        returns="GuardrailDetail",
        expect={
            "checks.0.__class__.__name__": "GuardrailPortkeyPiiCheck",
            "checks.0.parameters.categories": ["EMAIL_ADDRESS", "PHONE_NUMBER"],
            "checks.1.__class__.__name__": "GuardrailWordCountCheck",
            "checks.1.parameters.max_words": 300,
            "actions.deny": True,
            "actions.on_fail.feedback.value": -5,
        },
    ),
    Case(
        "guardrails.update",
        "PUT",
        PATH,
        args=(GUARDRAIL_ID,),
        kwargs={"name": "No PII"},
        body={"name": "No PII"},
        reply={
            "id": GUARDRAIL_ID,
            "slug": "pg-nopii-5d1a",
            "version_id": "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a",
        },
        returns="GuardrailUpdateResult",
        expect={"version_id": "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a"},
    ),
    Case("guardrails.delete", "DELETE", PATH, args=(GUARDRAIL_ID,), reply=NO_BODY),
]

ERROR = ErrorCase(
    "guardrails.retrieve",
    args=(GUARDRAIL_ID,),
    reply=management_error("Guardrail not found"),
    message="Guardrail not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
