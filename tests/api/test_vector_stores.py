"""vector_stores: searchable stores of files for file search, their files and file batches (data plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "vector_stores"
STORE_ID = "vs_abc123"
BATCH_ID = "vsfb_abc123"
COUNTS = {"in_progress": 0, "completed": 2, "failed": 0, "cancelled": 0, "total": 2}
STORE = {
    "id": STORE_ID,
    "object": "vector_store",
    "created_at": 1699061776,
    "name": "Support articles",
    "usage_bytes": 139920,
    "file_counts": COUNTS,
    "status": "completed",
    "expires_after": {"anchor": "last_active_at", "days": 30},
    "expires_at": 1701653776,
    "last_active_at": 1699061776,
    "metadata": {},
}
STORE_FILE = {
    "id": "file-abc123",
    "object": "vector_store.file",
    "usage_bytes": 1234,
    "created_at": 1699061776,
    "vector_store_id": STORE_ID,
    "status": "completed",
    "last_error": None,
    "chunking_strategy": {
        "type": "static",
        "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400},
    },
}
FILE_BATCH = {
    "id": BATCH_ID,
    "object": "vector_store.files_batch",
    "created_at": 1699061776,
    "vector_store_id": STORE_ID,
    "status": "in_progress",
    "file_counts": {**COUNTS, "in_progress": 2, "completed": 0},
}
PAGE = {"object": "list", "first_id": "file-abc123", "last_id": "file-abc123", "has_more": False}
STORE_PATH = f"/vector_stores/{STORE_ID}"
BATCH_PATH = f"{STORE_PATH}/file_batches/{BATCH_ID}"

CASES = [
    Case(
        "vector_stores.list",
        "GET",
        "/vector_stores",
        kwargs={"limit": 10, "after": "vs_000"},
        query={"limit": "10", "after": "vs_000"},
        reply={**PAGE, "data": [STORE], "first_id": STORE_ID, "last_id": STORE_ID},
        returns="VectorStoreList",
        expect={"data.0.name": "Support articles", "data.0.file_counts.total": 2},
    ),
    Case(
        "vector_stores.create",
        "POST",
        "/vector_stores",
        kwargs={
            "name": "Support articles",
            "file_ids": ["file-abc123", "file-def456"],
            "expires_after": {"anchor": "last_active_at", "days": 30},
            "chunking_strategy": {"type": "auto"},
        },
        body={
            "name": "Support articles",
            "file_ids": ["file-abc123", "file-def456"],
            "expires_after": {"anchor": "last_active_at", "days": 30},
            "chunking_strategy": {"type": "auto"},
        },
        reply={**STORE, "status": "in_progress"},
        returns="VectorStore",
        expect={"status": "in_progress", "expires_after.days": 30},
    ),
    Case(
        "vector_stores.retrieve",
        "GET",
        STORE_PATH,
        args=(STORE_ID,),
        reply=STORE,
        returns="VectorStore",
        expect={"usage_bytes": 139920, "last_active_at": 1699061776},
    ),
    Case(
        "vector_stores.update",
        "POST",
        STORE_PATH,
        args=(STORE_ID,),
        kwargs={"name": "Help centre"},
        body={"name": "Help centre"},
        reply={**STORE, "name": "Help centre"},
        returns="VectorStore",
        expect={"name": "Help centre"},
    ),
    Case(
        "vector_stores.delete",
        "DELETE",
        STORE_PATH,
        args=(STORE_ID,),
        reply={"id": STORE_ID, "object": "vector_store.deleted", "deleted": True},
        returns="VectorStoreDeleted",
        expect={"deleted": True},
    ),
    Case(
        "vector_stores.files.list",
        "GET",
        f"{STORE_PATH}/files",
        args=(STORE_ID,),
        kwargs={"order": "asc"},
        query={"order": "asc"},
        reply={**PAGE, "data": [STORE_FILE]},
        returns="VectorStoreFileList",
        expect={"data.0.chunking_strategy.static.max_chunk_size_tokens": 800},
    ),
    Case(
        "vector_stores.files.create",
        "POST",
        f"{STORE_PATH}/files",
        args=(STORE_ID,),
        kwargs={"file_id": "file-abc123"},
        body={"file_id": "file-abc123"},
        reply={**STORE_FILE, "status": "in_progress"},
        returns="VectorStoreFile",
        expect={
            "status": "in_progress",
            "chunking_strategy.__class__.__name__": "VectorStoreStaticChunkingStrategy",
        },
    ),
    Case(
        "vector_stores.files.retrieve",
        "GET",
        f"{STORE_PATH}/files/file-abc123",
        args=(STORE_ID, "file-abc123"),
        reply={
            **STORE_FILE,
            "status": "failed",
            "last_error": {"code": "unsupported_file", "message": "Binary files are not supported"},
        },
        returns="VectorStoreFile",
        expect={"last_error.code": "unsupported_file"},
    ),
    Case(
        "vector_stores.files.delete",
        "DELETE",
        f"{STORE_PATH}/files/file-abc123",
        args=(STORE_ID, "file-abc123"),
        reply={"id": "file-abc123", "object": "vector_store.file.deleted", "deleted": True},
        returns="VectorStoreFileDeleted",
        expect={"deleted": True},
    ),
    Case(
        "vector_stores.file_batches.create",
        "POST",
        f"{STORE_PATH}/file_batches",
        args=(STORE_ID,),
        kwargs={"file_ids": ["file-abc123", "file-def456"]},
        body={"file_ids": ["file-abc123", "file-def456"]},
        reply=FILE_BATCH,
        returns="VectorStoreFileBatch",
        expect={"id": BATCH_ID, "file_counts.in_progress": 2},
    ),
    Case(
        "vector_stores.file_batches.retrieve",
        "GET",
        BATCH_PATH,
        args=(STORE_ID, BATCH_ID),
        reply={**FILE_BATCH, "status": "completed", "file_counts": COUNTS},
        returns="VectorStoreFileBatch",
        expect={"status": "completed"},
    ),
    Case(
        "vector_stores.file_batches.cancel",
        "POST",
        f"{BATCH_PATH}/cancel",
        args=(STORE_ID, BATCH_ID),
        reply={**FILE_BATCH, "status": "cancelled"},
        returns="VectorStoreFileBatch",
        expect={"status": "cancelled"},
    ),
    Case(
        "vector_stores.file_batches.list_files",
        "GET",
        f"{BATCH_PATH}/files",
        args=(STORE_ID, BATCH_ID),
        kwargs={"filter_": "completed"},
        query={"filter": "completed"},
        reply={**PAGE, "data": [STORE_FILE]},
        returns="VectorStoreFileList",
        expect={"data.0.vector_store_id": STORE_ID},
    ),
]

ERROR = ErrorCase(
    "vector_stores.retrieve",
    args=("vs_missing",),
    reply=provider_error("No vector store found with id 'vs_missing'."),
    message="No vector store found with id 'vs_missing'.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
