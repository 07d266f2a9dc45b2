"""prompts (runtime): a saved prompt filled with variables, run or only rendered (served by hosted Portkey)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "prompts_runtime"
VARIABLES = {"ticket": "My parcel is late", "tone": "friendly"}

CASES = [
    Case(
        "prompts.completions.create",
        "POST",
        "/prompts/pp-ticket-sum-2f9c/completions",
        args=("pp-ticket-sum-2f9c",),
        kwargs={"variables": VARIABLES, "max_tokens": 120},
        body={"variables": VARIABLES, "max_tokens": 120},
        reply={
            "id": "chatcmpl-P1",
            "object": "chat.completion",
            "created": 1718005000,
            "model": "gpt-4o-mini",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": "The customer reports a late parcel."},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
            "usage": {"prompt_tokens": 41, "completion_tokens": 9, "total_tokens": 50},
        },
        returns="ChatCompletion",
        expect={
            "choices.0.message.content": "The customer reports a late parcel.",
            "usage.prompt_tokens": 41,
        },
    ),
    Case(
        "prompts.render",
        "POST",
        "/prompts/pp-ticket-sum-2f9c/render",
        args=("pp-ticket-sum-2f9c",),
        kwargs={"variables": VARIABLES},
        body={"variables": VARIABLES},
        reply={
            "success": True,
            "data": {
                "model": "gpt-4o-mini",
                "temperature": 0.2,
                "max_tokens": 300,
                "messages": [
                    {"role": "system", "content": "Answer in a friendly tone."},
                    {"role": "user", "content": "Summarise this ticket for an engineer: My parcel is late"},
                ],
            },
        },
        returns="PromptRenderResponse",
        expect={
            "success": True,
            "data.model": "gpt-4o-mini",
            "data.messages.1.content": "Summarise this ticket for an engineer: My parcel is late",
            "data.messages.0.__class__.__name__": "ChatCompletionRequestSystemMessage",
        },
    ),
]

ERROR = ErrorCase(
    "prompts.render",
    args=("pp-missing",),
    kwargs={"variables": {}},
    reply=provider_error("Prompt not found"),
    message="Prompt not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
