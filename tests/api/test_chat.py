"""chat: the stored chat completions (those created with `store: true`) and their messages (data plane).
Creating a chat completion, streamed or not, is tested by tests/unit."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "chat"
COMPLETION_ID = "chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2"
PATH = f"/chat/completions/{COMPLETION_ID}"
COMPLETION = {
    "id": COMPLETION_ID,
    "object": "chat.completion",
    "created": 1738960610,
    "model": "gpt-4o-2024-08-06",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Paris.", "refusal": None},
            "finish_reason": "stop",
            "logprobs": None,
        }
    ],
    "usage": {"prompt_tokens": 13, "completion_tokens": 2, "total_tokens": 15},
    "metadata": {"team": "geo"},
}

CASES = [
    Case(
        "chat.completions.list",
        "GET",
        "/chat/completions",
        kwargs={"model": "gpt-4o", "limit": 10, "order": "desc"},
        query={"model": "gpt-4o", "limit": "10", "order": "desc"},
        reply={
            "object": "list",
            "data": [COMPLETION],
            "first_id": COMPLETION_ID,
            "last_id": COMPLETION_ID,
            "has_more": False,
        },
        returns="ChatCompletionList",
        expect={"data.0.id": COMPLETION_ID, "data.0.choices.0.message.content": "Paris.", "has_more": False},
    ),
    Case(
        "chat.completions.retrieve",
        "GET",
        PATH,
        args=(COMPLETION_ID,),
        reply=COMPLETION,
        returns="ChatCompletion",
        expect={"id": COMPLETION_ID, "usage.total_tokens": 15},
    ),
    Case(
        "chat.completions.update",
        "POST",
        PATH,
        args=(COMPLETION_ID,),
        kwargs={"metadata": {"team": "geo", "reviewed": "yes"}},
        body={"metadata": {"team": "geo", "reviewed": "yes"}},
        reply={**COMPLETION, "metadata": {"team": "geo", "reviewed": "yes"}},
        returns="ChatCompletion",
        expect={"id": COMPLETION_ID},
    ),
    Case(
        "chat.completions.delete",
        "DELETE",
        PATH,
        args=(COMPLETION_ID,),
        reply={"object": "chat.completion.deleted", "id": COMPLETION_ID, "deleted": True},
        returns="ChatCompletionDeleted",
        expect={"deleted": True},
    ),
    Case(
        "chat.completions.messages.list",
        "GET",
        f"{PATH}/messages",
        args=(COMPLETION_ID,),
        kwargs={"after": "msg_0", "limit": 5},
        query={"after": "msg_0", "limit": "5"},
        reply={
            "object": "list",
            "data": [
                {
                    "id": f"{COMPLETION_ID}-0",
                    "role": "user",
                    "content": "What is the capital of France?",
                    "name": None,
                    "content_parts": None,
                }
            ],
            "first_id": f"{COMPLETION_ID}-0",
            "last_id": f"{COMPLETION_ID}-0",
            "has_more": False,
        },
        returns="ChatCompletionMessageList",
        expect={"data.0.role": "user", "data.0.content": "What is the capital of France?"},
    ),
]

ERROR = ErrorCase(
    "chat.completions.retrieve",
    args=("chatcmpl-missing",),
    reply=provider_error("Completion with id 'chatcmpl-missing' not found."),
    message="Completion with id 'chatcmpl-missing' not found.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
