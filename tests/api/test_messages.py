"""messages: the Anthropic-compatible Messages API and its token counter (data plane)."""

from __future__ import annotations

import pytest

from portkey_typed import BadRequestError

from .cases import Case, ErrorCase, check, check_error

AREA = "messages"
MESSAGES = [{"role": "user", "content": "What is the weather in Paris?"}]
TOOLS = [
    {
        "name": "get_weather",
        "description": "Current weather of a city",
        "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    }
]

CASES = [
    Case(
        "messages.create",
        "POST",
        "/messages",
        kwargs={
            "model": "claude-3-5-sonnet-20241022",
            "max_tokens": 256,
            "messages": MESSAGES,
            "tools": TOOLS,
        },
        body={"model": "claude-3-5-sonnet-20241022", "max_tokens": 256, "messages": MESSAGES, "tools": TOOLS},
        reply={
            "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
            "type": "message",
            "role": "assistant",
            "content": [
                {"type": "text", "text": "Let me check."},
                {
                    "type": "tool_use",
                    "id": "toolu_01A09q90qw90lq917835lq9",
                    "name": "get_weather",
                    "input": {"city": "Paris"},
                },
            ],
            "model": "claude-3-5-sonnet-20241022",
            "stop_reason": "tool_use",
            "stop_sequence": None,
            "usage": {"input_tokens": 384, "output_tokens": 57},
        },
        returns="Message",
        expect={
            "stop_reason": "tool_use",
            "content.0.__class__.__name__": "MessageTextBlock",
            "content.1.__class__.__name__": "MessageToolUseBlock",
            "content.1.name": "get_weather",
            "content.1.input_.additional_properties": {"city": "Paris"},
            "usage.output_tokens": 57,
        },
    ),
    Case(
        "messages.count_tokens",
        "POST",
        "/messages/count_tokens",
        kwargs={"model": "claude-3-5-sonnet-20241022", "messages": MESSAGES, "system": "Be brief."},
        body={"model": "claude-3-5-sonnet-20241022", "messages": MESSAGES, "system": "Be brief."},
        reply={"input_tokens": 21},
        returns="MessageTokensCount",
        expect={"input_tokens": 21},
    ),
]

ERROR = ErrorCase(
    "messages.create",
    kwargs={"model": "claude-3-5-sonnet-20241022", "max_tokens": 0, "messages": MESSAGES},
    status=400,
    reply={
        "type": "error",
        "error": {
            "type": "invalid_request_error",
            "message": "max_tokens: must be greater than or equal to 1",
        },
        "provider": "anthropic",
    },
    error=BadRequestError,
    message="max_tokens: must be greater than or equal to 1",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
