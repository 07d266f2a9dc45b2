"""secret_references: pointers to secrets kept in an external vault (AWS, Azure, HashiCorp) (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "secret_references"
REFERENCE_ID = "9f0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c"
STAMPS = {"created_at": "2025-03-01T09:00:00.000Z", "last_updated_at": "2025-03-01T09:00:00.000Z"}
AUTH = {
    "aws_auth_type": "accessKey",
    "aws_access_key_id": "AKIAEXAMPLE1234",
    "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "aws_region": "eu-west-1",
}
PATH = f"/secret-references/{REFERENCE_ID}"

CASES = [
    Case(
        "secret_references.list",
        "GET",
        "/secret-references",
        kwargs={"manager_type": "aws_sm", "tags": "team:ml"},
        query={"manager_type": "aws_sm", "tags": "team:ml"},
        reply={
            "object": "list",
            "total": 1,
            "data": [
                {
                    "id": REFERENCE_ID,
                    "name": "OpenAI key",
                    "slug": "openai-key",
                    "manager_type": "aws_sm",
                    "status": "ACTIVE",
                    "object": "secret-reference",
                    **STAMPS,
                }
            ],
        },
        returns="SecretReferenceList",
        expect={"data.0.manager_type": "aws_sm", "data.0.status": "ACTIVE"},
    ),
    Case(
        "secret_references.create",
        "POST",
        "/secret-references",
        kwargs={
            "name": "OpenAI key",
            "manager_type": "aws_sm",
            "auth_config": AUTH,
            "secret_path": "prod/llm/openai",
            "secret_key": "api_key",
            "tags": {"team": "ml"},
        },
        body={
            "name": "OpenAI key",
            "manager_type": "aws_sm",
            "auth_config": AUTH,
            "secret_path": "prod/llm/openai",
            "secret_key": "api_key",
            "tags": {"team": "ml"},
        },
        reply={"id": REFERENCE_ID, "slug": "openai-key", "object": "secret-reference"},
        returns="SecretReferenceCreateResult",
        expect={"id": REFERENCE_ID, "slug": "openai-key"},
    ),
    Case(
        "secret_references.retrieve",
        "GET",
        PATH,
        args=(REFERENCE_ID,),
        reply={
            "id": REFERENCE_ID,
            "organisation_id": "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a",
            "name": "OpenAI key",
            "slug": "openai-key",
            "description": None,
            "manager_type": "aws_sm",
            "secret_path": "prod/llm/openai",
            "secret_key": "api_key",
            "allow_all_workspaces": True,
            "tags": {"team": "ml"},
            "status": "ACTIVE",
            "created_by": "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b",
            "auth_config": {
                "aws_auth_type": "accessKey",
                "aws_region": "eu-west-1",
                "aws_access_key_id": "AKIA********1234",
            },
            "object": "secret-reference",
            **STAMPS,
        },
        returns="SecretReferenceDetail",
        expect={
            "secret_path": "prod/llm/openai",
            "tags.additional_properties": {"team": "ml"},
            "auth_config.additional_properties.aws_region": "eu-west-1",
        },
    ),
    Case(
        "secret_references.update",
        "PUT",
        PATH,
        args=(REFERENCE_ID,),
        kwargs={"allow_all_workspaces": False, "allowed_workspaces": ["ws-research-4b1c"]},
        body={"allow_all_workspaces": False, "allowed_workspaces": ["ws-research-4b1c"]},
        reply={},
        returns="SecretReferenceAck",
    ),
    Case(
        "secret_references.delete",
        "DELETE",
        PATH,
        args=(REFERENCE_ID,),
        reply={},
        returns="SecretReferenceAck",
    ),
]

ERROR = ErrorCase(
    "secret_references.retrieve",
    args=(REFERENCE_ID,),
    reply=management_error("Secret reference not found"),
    message="Secret reference not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
