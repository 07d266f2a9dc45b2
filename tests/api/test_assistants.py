"""assistants: the OpenAI Assistants API, reached as `client.beta.assistants` (data plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "assistants"
ASSISTANT_ID = "asst_abc123"
TOOLS = [
    {"type": "code_interpreter"},
    {
        "type": "function",
        "function": {
            "name": "lookup_order",
            "description": "Finds an order by number",
            "parameters": {"type": "object", "properties": {"number": {"type": "string"}}},
        },
    },
]
ASSISTANT = {
    "id": ASSISTANT_ID,
    "object": "assistant",
    "created_at": 1698984975,
    "name": "Support helper",
    "description": None,
    "model": "gpt-4o",
    "instructions": "You answer order questions.",
    "tools": TOOLS,
    "tool_resources": {"code_interpreter": {"file_ids": ["file-7XbW2nQk9LmP"]}},
    "metadata": {},
    "temperature": 1.0,
    "top_p": 1.0,
    "response_format": "auto",
}
PATH = f"/assistants/{ASSISTANT_ID}"

CASES = [
    Case(
        "beta.assistants.list",
        "GET",
        "/assistants",
        kwargs={"limit": 20, "order": "desc", "before": "asst_zzz"},
        query={"limit": "20", "order": "desc", "before": "asst_zzz"},
        reply={
            "object": "list",
            "data": [ASSISTANT],
            "first_id": ASSISTANT_ID,
            "last_id": ASSISTANT_ID,
            "has_more": False,
        },
        returns="AssistantList",
        expect={
            "data.0.name": "Support helper",
            "data.0.tools.1.__class__.__name__": "AssistantToolFunction",
        },
    ),
    Case(
        "beta.assistants.create",
        "POST",
        "/assistants",
        kwargs={
            "model": "gpt-4o",
            "name": "Support helper",
            "instructions": "You answer order questions.",
            "tools": TOOLS,
        },
        body={
            "model": "gpt-4o",
            "name": "Support helper",
            "instructions": "You answer order questions.",
            "tools": TOOLS,
        },
        reply=ASSISTANT,
        returns="Assistant",
        expect={"id": ASSISTANT_ID, "tools.0.__class__.__name__": "AssistantToolCodeInterpreter"},
    ),
    Case(
        "beta.assistants.retrieve",
        "GET",
        PATH,
        args=(ASSISTANT_ID,),
        reply=ASSISTANT,
        returns="Assistant",
        expect={"tool_resources.code_interpreter.file_ids": ["file-7XbW2nQk9LmP"], "description": None},
    ),
    Case(
        "beta.assistants.update",
        "POST",
        PATH,
        args=(ASSISTANT_ID,),
        kwargs={"instructions": "You answer order and refund questions.", "temperature": 0.3},
        body={"instructions": "You answer order and refund questions.", "temperature": 0.3},
        reply={**ASSISTANT, "instructions": "You answer order and refund questions.", "temperature": 0.3},
        returns="Assistant",
        expect={"temperature": 0.3},
    ),
    Case(
        "beta.assistants.delete",
        "DELETE",
        PATH,
        args=(ASSISTANT_ID,),
        reply={"id": ASSISTANT_ID, "object": "assistant.deleted", "deleted": True},
        returns="AssistantDeleted",
        expect={"deleted": True},
    ),
]

ERROR = ErrorCase(
    "beta.assistants.retrieve",
    args=("asst_missing",),
    reply=provider_error("No assistant found with id 'asst_missing'."),
    message="No assistant found with id 'asst_missing'.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
