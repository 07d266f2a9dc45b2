"""moderations: whether text or images break a usage policy (OpenAI-compatible, data plane)."""

from __future__ import annotations

import pytest

from portkey_typed import RateLimitError

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "moderations"
CATEGORY_NAMES = [
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
]
CATEGORIES = {name: name == "violence" for name in CATEGORY_NAMES}
SCORES = {name: (0.91 if name == "violence" else 0.001) for name in CATEGORY_NAMES}
INPUT = [{"type": "text", "text": "I will hurt you"}]

CASES = [
    Case(
        "moderations.create",
        "POST",
        "/moderations",
        kwargs={"model": "omni-moderation-latest", "input": INPUT},
        body={"model": "omni-moderation-latest", "input": INPUT},
        reply={
            "id": "modr-5c1f",
            "model": "omni-moderation-latest",
            "results": [
                {
                    "flagged": True,
                    "categories": CATEGORIES,
                    "category_scores": SCORES,
                    "category_applied_input_types": {"violence": ["text"], "self-harm/intent": ["text"]},
                }
            ],
        },
        returns="ModerationResponse",
        expect={
            "results.0.flagged": True,
            "results.0.categories.violence": True,
            "results.0.categories.self_harmintent": False,
            "results.0.category_scores.violence": 0.91,
        },
    ),
]

ERROR = ErrorCase(
    "moderations.create",
    kwargs={"input": "hello"},
    status=429,
    reply=provider_error("Rate limit reached for omni-moderation-latest", "requests"),
    error=RateLimitError,
    message="Rate limit reached for omni-moderation-latest",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
