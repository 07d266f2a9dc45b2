"""prompts (management): prompt templates, their versions and labels, and reusable partials (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "prompts_admin"
PROMPT_ID = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"
VERSION_ID = "6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8e9f"
LABEL_ID = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b"
COLLECTION_ID = "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b"
PARTIAL_ID = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a"
PARTIAL_VERSION_ID = "8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b"
TEMPLATE = "{{>tone}}\nSummarise this ticket for an engineer: {{ticket}}"
PARAMETERS = {"temperature": 0.2, "max_tokens": 300}
STAMPS = {"created_at": "2025-01-10T12:00:00.000Z", "last_updated_at": "2025-01-11T12:00:00.000Z"}
DETAIL = {
    "id": PROMPT_ID,
    "slug": "pp-ticket-sum-2f9c",
    "name": "Ticket summary",
    "collection_id": COLLECTION_ID,
    "string": TEMPLATE,
    "parameters": PARAMETERS,
    "prompt_version": 3,
    "prompt_version_id": VERSION_ID,
    "prompt_version_status": "active",
    "prompt_version_description": "Shorter answers",
    "prompt_version_label_id": LABEL_ID,
    "virtual_key": "openai-prod-1a2b",
    "model": "gpt-4o-mini",
    "is_raw_template": False,
    "status": "active",
    **STAMPS,
}
PROMPT_PATH = f"/prompts/{PROMPT_ID}"
PARTIAL_PATH = f"/prompts/partials/{PARTIAL_ID}"

CASES = [
    Case(
        "prompts.list",
        "GET",
        "/prompts",
        kwargs={"collection_id": COLLECTION_ID, "search": "ticket"},
        query={"collection_id": COLLECTION_ID, "search": "ticket"},
        reply={
            "data": [
                {
                    "id": PROMPT_ID,
                    "slug": "pp-ticket-sum-2f9c",
                    "name": "Ticket summary",
                    "collection_id": COLLECTION_ID,
                    "model": "gpt-4o-mini",
                    "status": "active",
                    "object": "prompt",
                    **STAMPS,
                }
            ],
            "total": 1,
        },
        returns="PromptList",
        expect={"total": 1, "data.0.slug": "pp-ticket-sum-2f9c", "data.0.model": "gpt-4o-mini"},
    ),
    Case(
        "prompts.create",
        "POST",
        "/prompts",
        kwargs={
            "name": "Ticket summary",
            "collection_id": COLLECTION_ID,
            "string": TEMPLATE,
            "parameters": PARAMETERS,
            "virtual_key": "openai-prod-1a2b",
            "model": "gpt-4o-mini",
        },
        body={
            "name": "Ticket summary",
            "collection_id": COLLECTION_ID,
            "string": TEMPLATE,
            "parameters": PARAMETERS,
            "virtual_key": "openai-prod-1a2b",
            "model": "gpt-4o-mini",
        },
        reply={"id": PROMPT_ID, "slug": "pp-ticket-sum-2f9c", "version_id": VERSION_ID, "object": "prompt"},
        returns="PromptCreateResult",
        expect={"slug": "pp-ticket-sum-2f9c", "version_id": VERSION_ID},
    ),
    Case(
        "prompts.retrieve",
        "GET",
        PROMPT_PATH,
        args=(PROMPT_ID,),
        reply=DETAIL,
        returns="PromptDetail",
        expect={"string": TEMPLATE, "parameters.additional_properties": PARAMETERS, "prompt_version": 3},
    ),
    Case(
        "prompts.update",
        "PUT",
        PROMPT_PATH,
        args=(PROMPT_ID,),
        kwargs={"patch": True, "parameters": {"temperature": 0}, "version_description": "Deterministic"},
        body={"patch": True, "parameters": {"temperature": 0}, "version_description": "Deterministic"},
        reply={"id": PROMPT_ID, "slug": "pp-ticket-sum-2f9c", "prompt_version_id": VERSION_ID},
        returns="PromptUpdateResult",
        expect={"prompt_version_id": VERSION_ID},
    ),
    Case("prompts.delete", "DELETE", PROMPT_PATH, args=(PROMPT_ID,), reply={}, returns="PromptEmptyResult"),
    Case(
        "prompts.versions.list",
        "GET",
        f"{PROMPT_PATH}/versions",
        args=(PROMPT_ID,),
        reply=[
            {
                "id": VERSION_ID,
                "prompt_id": PROMPT_ID,
                "prompt_template": {"string": TEMPLATE, "parameters": PARAMETERS},
                "prompt_version": 3,
                "prompt_description": "Shorter answers",
                "label_id": LABEL_ID,
                "created_at": "2025-01-11T12:00:00.000Z",
                "status": "active",
                "object": "prompt",
            }
        ],
        expect={
            "0.prompt_version": 3,
            "0.label_id": LABEL_ID,
            "0.prompt_template.additional_properties.string": TEMPLATE,
        },
    ),
    Case(
        "prompts.versions.retrieve",
        "GET",
        f"{PROMPT_PATH}/versions/{VERSION_ID}",
        args=(PROMPT_ID, VERSION_ID),
        reply=DETAIL,
        returns="PromptDetail",
        expect={"prompt_version_id": VERSION_ID, "prompt_version_status": "active"},
    ),
    Case(
        "prompts.versions.update",
        "PUT",
        f"{PROMPT_PATH}/versions/{VERSION_ID}",
        args=(PROMPT_ID, VERSION_ID),
        kwargs={"label_id": LABEL_ID},
        body={"label_id": LABEL_ID},
        reply={},
        returns="PromptEmptyResult",
    ),
    Case(
        "prompts.publish",
        "PUT",
        f"{PROMPT_PATH}/makeDefault",
        args=(PROMPT_ID,),
        kwargs={"version": 3},
        body={"version": 3},
        reply={},
        returns="PromptEmptyResult",
    ),
    Case(
        "prompts.partials.list",
        "GET",
        "/prompts/partials",
        kwargs={"collection_id": COLLECTION_ID},
        query={"collection_id": COLLECTION_ID},
        reply=[
            {
                "id": PARTIAL_ID,
                "slug": "pl-tone-77aa",
                "name": "tone",
                "collection_id": COLLECTION_ID,
                "status": "active",
                "object": "partial",
                **STAMPS,
            }
        ],
        expect={"0.name": "tone", "0.status": "active"},
    ),
    Case(
        "prompts.partials.create",
        "POST",
        "/prompts/partials",
        kwargs={"name": "tone", "string": "Answer politely and briefly."},
        body={"name": "tone", "string": "Answer politely and briefly."},
        reply={"id": PARTIAL_ID, "slug": "pl-tone-77aa", "version_id": PARTIAL_VERSION_ID},
        returns="PromptPartialCreateResult",
        expect={"slug": "pl-tone-77aa"},
    ),
    Case(
        "prompts.partials.retrieve",
        "GET",
        PARTIAL_PATH,
        args=(PARTIAL_ID,),
        reply={
            "id": PARTIAL_ID,
            "slug": "pl-tone-77aa",
            "name": "tone",
            "collection_id": COLLECTION_ID,
            "string": "Answer politely and briefly.",
            "version": 2,
            "version_description": "Briefer",
            "prompt_partial_version_id": PARTIAL_VERSION_ID,
            "status": "active",
            **STAMPS,
        },
        returns="PromptPartialDetail",
        expect={"string": "Answer politely and briefly.", "version": 2},
    ),
    Case(
        "prompts.partials.update",
        "PUT",
        PARTIAL_PATH,
        args=(PARTIAL_ID,),
        kwargs={"string": "Answer politely, briefly, in English."},
        body={"string": "Answer politely, briefly, in English."},
        reply={"prompt_partial_version_id": PARTIAL_VERSION_ID},
        returns="PromptPartialUpdateResult",
        expect={"prompt_partial_version_id": PARTIAL_VERSION_ID},
    ),
    Case(
        "prompts.partials.delete",
        "DELETE",
        PARTIAL_PATH,
        args=(PARTIAL_ID,),
        reply={},
        returns="PromptEmptyResult",
    ),
    Case(
        "prompts.partials.versions.list",
        "GET",
        f"{PARTIAL_PATH}/versions",
        args=(PARTIAL_ID,),
        reply=[
            {
                "prompt_partial_id": PARTIAL_ID,
                "prompt_partial_version_id": PARTIAL_VERSION_ID,
                "slug": "pl-tone-77aa",
                "version": "2",
                "string": "Answer politely and briefly.",
                "description": "Briefer",
                "created_at": "2025-01-11T12:00:00.000Z",
                "prompt_version_status": "active",
                "object": "partial",
            }
        ],
        expect={"0.version": "2", "0.prompt_partial_version_id": PARTIAL_VERSION_ID},
    ),
    Case(
        "prompts.partials.publish",
        "PUT",
        f"{PARTIAL_PATH}/makeDefault",
        args=(PARTIAL_ID,),
        kwargs={"version": 2},
        body={"version": 2},
        reply={},
        returns="PromptEmptyResult",
    ),
]

ERROR = ErrorCase(
    "prompts.retrieve",
    args=(PROMPT_ID,),
    reply=management_error("Prompt not found"),
    message="Prompt not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
