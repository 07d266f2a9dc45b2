"""uploads: a large file sent in parts (OpenAI's API, forwarded by the gateway's catch-all route)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "uploads"
UPLOAD = {
    "id": "upload_abc123",
    "object": "upload",
    "bytes": 2147483648,
    "created_at": 1719184911,
    "filename": "training_examples.jsonl",
    "purpose": "fine-tune",
    "status": "pending",
    "expires_at": 1719127296,
}
FILE = {
    "id": "file-xyz321",
    "object": "file",
    "bytes": 2147483648,
    "filename": "training_examples.jsonl",
    "purpose": "fine-tune",
}

CASES = [
    Case(
        "uploads.create",
        "POST",
        "/uploads",
        kwargs={
            "filename": "training_examples.jsonl",
            "purpose": "fine-tune",
            "bytes": 2147483648,
            "mime_type": "text/jsonl",
        },
        body={
            "filename": "training_examples.jsonl",
            "purpose": "fine-tune",
            "bytes": 2147483648,
            "mime_type": "text/jsonl",
        },
        reply=UPLOAD,
        returns="Upload",
        expect={"status": "pending"},
    ),
    Case(
        "uploads.parts.create",
        "POST",
        "/uploads/upload_abc123/parts",
        kwargs={"upload_id": "upload_abc123", "data": ("part-1", b'{"a": 1}\n', "application/octet-stream")},
        body={"data": "file:part-1"},
        reply={
            "id": "part_def456",
            "object": "upload.part",
            "created_at": 1719185911,
            "upload_id": "upload_abc123",
        },
        returns="UploadPart",
        expect={"id": "part_def456"},
    ),
    Case(
        "uploads.complete",
        "POST",
        "/uploads/upload_abc123/complete",
        kwargs={"upload_id": "upload_abc123", "part_ids": ["part_def456", "part_ghi789"]},
        body={"part_ids": ["part_def456", "part_ghi789"]},
        reply={**UPLOAD, "status": "completed", "file": FILE},
        returns="Upload",
        expect={"status": "completed", "file.id": "file-xyz321"},
    ),
    Case(
        "uploads.cancel",
        "POST",
        "/uploads/upload_abc123/cancel",
        kwargs={"upload_id": "upload_abc123"},
        reply={**UPLOAD, "status": "cancelled"},
        returns="Upload",
        expect={"status": "cancelled"},
    ),
]

ERROR = ErrorCase(
    "uploads.cancel",
    kwargs={"upload_id": "upload_missing"},
    reply=provider_error("Upload not found."),
    message="Upload not found.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
