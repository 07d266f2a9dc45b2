"""feedback: scores attached to the requests of a trace (served by hosted Portkey)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "feedback"
SAVED = {"status": "success", "message": "Feedback successfully saved", "feedback_ids": ["fb-4f2a9c"]}

CASES = [
    Case(
        "feedback.create",
        "POST",
        "/feedback",
        kwargs={
            "trace_id": "ticket-4411",
            "value": 8,
            "weight": 0.5,
            "metadata": {"_user": "grace"},
        },
        body={"trace_id": "ticket-4411", "value": 8, "weight": 0.5, "metadata": {"_user": "grace"}},
        reply=SAVED,
        returns="FeedbackResponse",
        expect={"status": "success", "feedback_ids": ["fb-4f2a9c"]},
    ),
    Case(
        "feedback.update",
        "PUT",
        "/feedback/fb-4f2a9c",
        args=("fb-4f2a9c",),
        kwargs={"value": -3},
        body={"value": -3},
        reply={**SAVED, "message": "Feedback successfully updated"},
        returns="FeedbackResponse",
        expect={"message": "Feedback successfully updated"},
    ),
]

ERROR = ErrorCase(
    "feedback.update",
    args=("fb-missing",),
    kwargs={"value": 1},
    reply=management_error("Feedback not found"),
    message="Feedback not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
