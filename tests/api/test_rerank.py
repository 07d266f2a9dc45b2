"""rerank: documents ordered by relevance to a query (Cohere-style, data plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "rerank"
DOCUMENTS = ["Refunds are issued within 14 days.", "We ship to 40 countries.", "Returns need the receipt."]

CASES = [
    Case(
        "rerank.create",
        "POST",
        "/rerank",
        kwargs={
            "model": "rerank-v3.5",
            "query": "How long do refunds take?",
            "documents": DOCUMENTS,
            "top_n": 2,
        },
        body={
            "model": "rerank-v3.5",
            "query": "How long do refunds take?",
            "documents": DOCUMENTS,
            "top_n": 2,
        },
        reply={
            "id": "rr-07c1",
            "object": "list",
            "results": [{"index": 0, "relevance_score": 0.97}, {"index": 2, "relevance_score": 0.41}],
            "model": "rerank-v3.5",
            "usage": {"search_units": 1},
            "provider": "cohere",
        },
        returns="RerankResponse",
        expect={
            "results.0.index": 0,
            "results.1.relevance_score": 0.41,
            "usage.search_units": 1,
            "provider": "cohere",
        },
    ),
]

ERROR = ErrorCase(
    "rerank.create",
    kwargs={"model": "rerank-v9", "query": "q", "documents": ["d"]},
    reply=provider_error("model 'rerank-v9' not found"),
    message="model 'rerank-v9' not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
