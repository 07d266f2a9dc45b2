"""completions: the legacy text completion call (OpenAI-compatible, data plane)."""

from __future__ import annotations

import pytest

from portkey_typed import AuthenticationError

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "completions"

CASES = [
    Case(
        "completions.create",
        "POST",
        "/completions",
        kwargs={
            "model": "gpt-3.5-turbo-instruct",
            "prompt": "Say hello in French:",
            "max_tokens": 5,
            "temperature": 0,
        },
        body={
            "model": "gpt-3.5-turbo-instruct",
            "prompt": "Say hello in French:",
            "max_tokens": 5,
            "temperature": 0,
        },
        reply={
            "id": "cmpl-9x8y7z",
            "object": "text_completion",
            "created": 1718004000,
            "model": "gpt-3.5-turbo-instruct",
            "choices": [{"index": 0, "text": " Bonjour !", "finish_reason": "stop", "logprobs": None}],
            "usage": {"prompt_tokens": 5, "completion_tokens": 3, "total_tokens": 8},
            "system_fingerprint": None,
        },
        returns="Completion",
        expect={"choices.0.text": " Bonjour !", "choices.0.finish_reason": "stop", "usage.total_tokens": 8},
    ),
]

ERROR = ErrorCase(
    "completions.create",
    kwargs={"model": "gpt-3.5-turbo-instruct", "prompt": "Hi"},
    status=401,
    reply=provider_error("Incorrect API key provided: sk-provi*****cret.", "invalid_request_error"),
    error=AuthenticationError,
    message="Incorrect API key provided: sk-provi*****cret.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
