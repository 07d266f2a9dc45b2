"""files: uploads used by batches, fine-tuning and assistants (OpenAI-compatible, data plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "files"
FILE = {
    "id": "file-7XbW2nQk9LmP",
    "object": "file",
    "bytes": 18432,
    "created_at": 1718000000,
    "expires_at": None,
    "filename": "requests.jsonl",
    "purpose": "batch",
    "status": "processed",
    "status_details": None,
}
JSONL = b'{"custom_id":"r1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini"}}\n'

CASES = [
    Case(
        "files.list",
        "GET",
        "/files",
        kwargs={"purpose": "batch", "limit": 10, "order": "desc"},
        query={"purpose": "batch", "limit": "10", "order": "desc"},
        reply={
            "object": "list",
            "data": [FILE],
            "first_id": FILE["id"],
            "last_id": FILE["id"],
            "has_more": False,
        },
        returns="FileList",
        expect={"has_more": False, "data.0.filename": "requests.jsonl", "data.0.bytes_": 18432},
    ),
    Case(
        "files.create",
        "POST",
        "/files",
        kwargs={"file": ("requests.jsonl", JSONL, "application/jsonl"), "purpose": "batch"},
        body={"file": "file:requests.jsonl", "purpose": "batch"},
        reply=FILE,
        returns="FileObject",
        expect={"id": "file-7XbW2nQk9LmP", "status": "processed", "created_at": 1718000000},
    ),
    Case(
        "files.retrieve",
        "GET",
        "/files/file-7XbW2nQk9LmP",
        args=("file-7XbW2nQk9LmP",),
        reply=FILE,
        returns="FileObject",
        expect={"purpose": "batch", "expires_at": None},
    ),
    Case(
        "files.delete",
        "DELETE",
        "/files/file-7XbW2nQk9LmP",
        args=("file-7XbW2nQk9LmP",),
        reply={"id": "file-7XbW2nQk9LmP", "object": "file", "deleted": True},
        returns="FileDeleted",
        expect={"deleted": True},
    ),
    Case(
        "files.content",
        "GET",
        "/files/file-7XbW2nQk9LmP/content",
        args=("file-7XbW2nQk9LmP",),
        reply=JSONL,
        returns="bytes",
    ),
]

ERROR = ErrorCase(
    "files.retrieve",
    args=("file-missing",),
    reply=provider_error("No such File object: file-missing"),
    message="No such File object: file-missing",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
