"""responses: the OpenAI Responses API, stored responses and their input items (data plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "responses"
RESPONSE_ID = "resp_67ccd2bed1ec8190b14f964abc054267"
MESSAGE = {
    "type": "message",
    "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
    "role": "assistant",
    "status": "completed",
    "content": [{"type": "output_text", "text": "Paris is the capital of France.", "annotations": []}],
}
CALL = {
    "type": "function_call",
    "id": "fc_12345xyz",
    "call_id": "call_12345xyz",
    "name": "get_weather",
    "arguments": '{"city":"Paris"}',
    "status": "completed",
}
RESPONSE = {
    "id": RESPONSE_ID,
    "object": "response",
    "created_at": 1741476542,
    "status": "completed",
    "error": None,
    "incomplete_details": None,
    "model": "gpt-4o-2024-08-06",
    "instructions": None,
    "output": [CALL, MESSAGE],
    "usage": {"input_tokens": 36, "output_tokens": 87, "total_tokens": 123},
    "parallel_tool_calls": True,
    "previous_response_id": None,
    "store": True,
    "temperature": 1.0,
    "top_p": 1.0,
}
PATH = f"/responses/{RESPONSE_ID}"

CASES = [
    Case(
        "responses.create",
        "POST",
        "/responses",
        kwargs={"model": "gpt-4o", "input": "What is the capital of France?", "max_output_tokens": 200},
        body={"model": "gpt-4o", "input": "What is the capital of France?", "max_output_tokens": 200},
        reply=RESPONSE,
        returns="ResponseObject",
        expect={
            "status": "completed",
            "output.0.__class__.__name__": "ResponseFunctionToolCall",
            "output.0.arguments": '{"city":"Paris"}',
            "output.1.__class__.__name__": "ResponseOutputMessage",
            "output.1.content.0.text": "Paris is the capital of France.",
            "usage.total_tokens": 123,
        },
    ),
    Case(
        "responses.retrieve",
        "GET",
        PATH,
        args=(RESPONSE_ID,),
        kwargs={"include": ["message.output_text.logprobs", "reasoning.encrypted_content"]},
        query={"include": ["message.output_text.logprobs", "reasoning.encrypted_content"]},
        reply=RESPONSE,
        returns="ResponseObject",
        expect={"id": RESPONSE_ID, "model": "gpt-4o-2024-08-06"},
    ),
    Case(
        "responses.delete",
        "DELETE",
        PATH,
        args=(RESPONSE_ID,),
        reply={"id": RESPONSE_ID, "object": "response.deleted", "deleted": True},
        returns="ResponseDeleted",
        expect={"deleted": True},
    ),
    Case(
        "responses.input_items.list",
        "GET",
        f"{PATH}/input_items",
        args=(RESPONSE_ID,),
        kwargs={"limit": 20, "order": "asc"},
        query={"limit": "20", "order": "asc"},
        reply={
            "object": "list",
            "data": [
                {
                    "type": "message",
                    "id": "msg_abc123",
                    "role": "user",
                    "content": [{"type": "input_text", "text": "What is the capital of France?"}],
                }
            ],
            "first_id": "msg_abc123",
            "last_id": "msg_abc123",
            "has_more": False,
        },
        returns="ResponseItemList",
        expect={
            "data.0.__class__.__name__": "ResponseInputMessage",
            "data.0.role": "user",
            "last_id": "msg_abc123",
        },
    ),
    Case(
        "responses.cancel",
        "POST",
        f"{PATH}/cancel",
        args=(RESPONSE_ID,),
        reply={**RESPONSE, "status": "cancelled", "background": True, "output": []},
        returns="ResponseObject",
        expect={"id": RESPONSE_ID, "status": "cancelled"},
    ),
    Case(
        "responses.input_tokens.count",
        "POST",
        "/responses/input_tokens",
        kwargs={"model": "gpt-4o", "input": "What is the capital of France?", "instructions": "Be brief."},
        body={"model": "gpt-4o", "input": "What is the capital of France?", "instructions": "Be brief."},
        reply={"object": "response.input_tokens", "input_tokens": 19},
        returns="ResponseInputTokens",
        expect={"input_tokens": 19},
    ),
    Case(
        "responses.compact",
        "POST",
        "/responses/compact",
        kwargs={"model": "gpt-4o", "previous_response_id": RESPONSE_ID},
        body={"model": "gpt-4o", "previous_response_id": RESPONSE_ID},
        reply={
            "id": "resp_cmp_0042",
            "object": "response.compaction",
            "output": [
                {
                    "type": "message",
                    "role": "user",
                    "content": [{"type": "input_text", "text": "What is the capital of France?"}],
                },
                {"type": "compaction", "id": "cmp_0042", "encrypted_content": "gAAAAB..."},
            ],
            "created_at": 1741476600,
            "usage": {"input_tokens": 123, "output_tokens": 40, "total_tokens": 163},
        },
        returns="ResponseCompaction",
        expect={
            "output.0.__class__.__name__": "ResponseInputMessage",
            "output.1.__class__.__name__": "ResponseUnknownItem",
            "usage.total_tokens": 163,
        },
    ),
]

ERROR = ErrorCase(
    "responses.retrieve",
    args=("resp_missing",),
    reply=provider_error("Response with id 'resp_missing' not found."),
    message="Response with id 'resp_missing' not found.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
