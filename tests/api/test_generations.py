"""generations: the deprecated generate route of saved prompts (hosted Portkey)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "generations"

CASES = [
    Case(
        "generations.create",
        "POST",
        "/prompts/pp-welcome-1/generate",
        kwargs={"prompt_id": "pp-welcome-1", "variables": {"name": "Ada"}},
        body={"variables": {"name": "Ada"}},
        reply={"success": True, "data": {"choices": [{"text": "Hello Ada"}]}},
        returns="Generation",
        expect={"success": True, "data": {"choices": [{"text": "Hello Ada"}]}},
    ),
]

ERROR = ErrorCase(
    "generations.create",
    kwargs={"prompt_id": "pp-missing", "variables": {}},
    reply=provider_error("Prompt not found."),
    message="Prompt not found.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
