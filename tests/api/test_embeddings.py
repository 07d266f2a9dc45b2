"""embeddings: vectors for text (OpenAI-compatible, data plane)."""

from __future__ import annotations

import pytest

from portkey_typed import BadRequestError

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "embeddings"

CASES = [
    Case(
        "embeddings.create",
        "POST",
        "/embeddings",
        kwargs={
            "model": "text-embedding-3-small",
            "input": ["refund policy", "shipping times"],
            "dimensions": 3,
        },
        body={
            "model": "text-embedding-3-small",
            "input": ["refund policy", "shipping times"],
            "dimensions": 3,
        },
        reply={
            "object": "list",
            "data": [
                {"object": "embedding", "index": 0, "embedding": [0.0123, -0.0456, 0.0789]},
                {"object": "embedding", "index": 1, "embedding": [-0.0311, 0.0522, 0.0094]},
            ],
            "model": "text-embedding-3-small",
            "usage": {"prompt_tokens": 5, "total_tokens": 5},
        },
        returns="EmbeddingList",
        expect={"data.1.index": 1, "data.0.embedding": [0.0123, -0.0456, 0.0789], "usage.total_tokens": 5},
    ),
    Case(
        "embeddings.create",
        "POST",
        "/embeddings",
        kwargs={"model": "text-embedding-3-small", "input": "refund policy", "encoding_format": "base64"},
        body={"model": "text-embedding-3-small", "input": "refund policy", "encoding_format": "base64"},
        reply={
            "object": "list",
            "data": [{"object": "embedding", "index": 0, "embedding": "AACAPwAAAEAAAEBA"}],
            "model": "text-embedding-3-small",
            "usage": {"prompt_tokens": 2, "total_tokens": 2},
        },
        returns="EmbeddingList",
        expect={"data.0.embedding": "AACAPwAAAEAAAEBA"},
    ),
]

ERROR = ErrorCase(
    "embeddings.create",
    kwargs={"model": "text-embedding-3-small", "input": ""},
    status=400,
    reply=provider_error("'$.input' is invalid. Please check the API reference."),
    error=BadRequestError,
    message="'$.input' is invalid. Please check the API reference.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
