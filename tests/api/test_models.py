"""models: the models a provider offers (OpenAI-compatible, data plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "models"
MODEL = {"id": "gpt-4o-mini", "object": "model", "created": 1721172741, "owned_by": "system"}

CASES = [
    Case(
        "models.list",
        "GET",
        "/models",
        kwargs={"provider": "openai", "limit": 50, "offset": 50, "sort": "name", "order": "asc"},
        query={"provider": "openai", "limit": "50", "offset": "50", "sort": "name", "order": "asc"},
        reply={
            "object": "list",
            "data": [MODEL, {**MODEL, "id": "text-embedding-3-small", "created": 1705948997}],
        },
        returns="ModelList",
        expect={"data.0.id": "gpt-4o-mini", "data.1.created": 1705948997},
    ),
    Case(
        "models.retrieve",
        "GET",
        "/models/gpt-4o-mini",
        args=("gpt-4o-mini",),
        reply=MODEL,
        returns="Model",
        expect={"owned_by": "system", "created": 1721172741},
    ),
    Case(
        "models.delete",
        "DELETE",
        "/models/ft:gpt-4o-mini:acme::9x1",
        args=("ft:gpt-4o-mini:acme::9x1",),
        reply={"id": "ft:gpt-4o-mini:acme::9x1", "object": "model", "deleted": True},
        returns="ModelDeleted",
        expect={"deleted": True},
    ),
]

ERROR = ErrorCase(
    "models.retrieve",
    args=("gpt-9",),
    reply=provider_error("The model 'gpt-9' does not exist", "invalid_request_error"),
    message="The model 'gpt-9' does not exist",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
