"""batches: asynchronous jobs over a file of requests (OpenAI-compatible, data plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "batches"
BATCH = {
    "id": "batch_6kQ2pX9w",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "model": "gpt-4o-mini",
    "errors": None,
    "input_file_id": "file-7XbW2nQk9LmP",
    "completion_window": "24h",
    "status": "in_progress",
    "output_file_id": None,
    "error_file_id": None,
    "created_at": 1718000100,
    "in_progress_at": 1718000160,
    "expires_at": 1718086500,
    "request_counts": {"total": 500, "completed": 120, "failed": 2},
    "metadata": {"job": "nightly-evals"},
}
RESULTS = b'{"id":"batch_req_1","custom_id":"r1","response":{"status_code":200}}\n'

CASES = [
    Case(
        "batches.list",
        "GET",
        "/batches",
        kwargs={"limit": 2, "after": "batch_5aa"},
        query={"limit": "2", "after": "batch_5aa"},
        reply={
            "object": "list",
            "data": [BATCH],
            "first_id": BATCH["id"],
            "last_id": BATCH["id"],
            "has_more": True,
        },
        returns="BatchList",
        expect={"has_more": True, "data.0.request_counts.completed": 120},
    ),
    Case(
        "batches.create",
        "POST",
        "/batches",
        kwargs={
            "input_file_id": "file-7XbW2nQk9LmP",
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
            "metadata": {"job": "nightly-evals"},
        },
        body={
            "input_file_id": "file-7XbW2nQk9LmP",
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
            "metadata": {"job": "nightly-evals"},
        },
        reply={**BATCH, "status": "validating"},
        returns="Batch",
        expect={
            "id": "batch_6kQ2pX9w",
            "status": "validating",
            "metadata.additional_properties": {"job": "nightly-evals"},
        },
    ),
    Case(
        "batches.retrieve",
        "GET",
        "/batches/batch_6kQ2pX9w",
        args=("batch_6kQ2pX9w",),
        reply={**BATCH, "status": "completed", "output_file_id": "file-out-81", "completed_at": 1718010000},
        returns="Batch",
        expect={"status": "completed", "output_file_id": "file-out-81", "completed_at": 1718010000},
    ),
    Case(
        "batches.cancel",
        "POST",
        "/batches/batch_6kQ2pX9w/cancel",
        args=("batch_6kQ2pX9w",),
        reply={**BATCH, "status": "cancelling", "cancelling_at": 1718003000},
        returns="Batch",
        expect={"status": "cancelling", "cancelling_at": 1718003000},
    ),
    Case(
        "batches.output",
        "GET",
        "/batches/batch_6kQ2pX9w/output",
        args=("batch_6kQ2pX9w",),
        reply=RESULTS,
        returns="bytes",
    ),
]

ERROR = ErrorCase(
    "batches.retrieve",
    args=("batch_missing",),
    reply=provider_error("No batch found with id 'batch_missing'."),
    message="No batch found with id 'batch_missing'.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
