"""graders: run and validate fine-tuning graders (OpenAI's API, forwarded by the gateway's catch-all route)."""

from __future__ import annotations

import pytest

from portkey_typed import BadRequestError

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "graders"
GRADER = {
    "type": "string_check",
    "name": "exact",
    "input": "{{sample.output_text}}",
    "reference": "{{item.answer}}",
    "operation": "eq",
}

CASES = [
    Case(
        "fine_tuning.alpha.graders.run",
        "POST",
        "/fine_tuning/alpha/graders/run",
        kwargs={"grader": GRADER, "model_sample": "Paris", "item": {"answer": "Paris"}},
        body={"grader": GRADER, "model_sample": "Paris", "item": {"answer": "Paris"}},
        reply={"reward": 1.0, "metadata": {"name": "exact", "type": "string_check"}, "sub_rewards": {}},
        returns="GraderRunResult",
        expect={"reward": 1.0},
    ),
    Case(
        "fine_tuning.alpha.graders.validate",
        "POST",
        "/fine_tuning/alpha/graders/validate",
        kwargs={"grader": GRADER},
        body={"grader": GRADER},
        reply={"grader": GRADER},
        returns="GraderValidateResult",
        expect={"grader.additional_properties.name": "exact"},
    ),
]

ERROR = ErrorCase(
    "fine_tuning.alpha.graders.validate",
    kwargs={"grader": {"type": "nonsense"}},
    status=400,
    reply=provider_error("Invalid grader type."),
    error=BadRequestError,
    message="Invalid grader type.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
