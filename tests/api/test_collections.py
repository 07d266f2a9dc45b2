"""collections: folders of prompts inside a workspace (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "collections"
WORKSPACE = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
COLLECTION_ID = "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b"
CHILD_ID = "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"
RECORD = {
    "id": COLLECTION_ID,
    "name": "Support bot",
    "workspace_id": WORKSPACE,
    "slug": "support-bot-8f1d",
    "parent_collection_id": None,
    "is_default": False,
    "status": "active",
    "created_at": "2024-04-11T13:20:00.000Z",
    "last_updated_at": "2024-04-12T09:00:00.000Z",
}
STATS = {
    "child_collections_count": 1,
    "prompts_count": 6,
    "child_collections_last_updated_at": "2024-04-12T09:00:00.000Z",
    "prompts_last_updated_at": "2024-04-15T17:45:00.000Z",
}
PATH = f"/collections/{COLLECTION_ID}"

CASES = [
    Case(
        "collections.list",
        "GET",
        "/collections",
        kwargs={"workspace_id": WORKSPACE, "search": "support", "current_page": 0, "page_size": 20},
        query={"workspace_id": WORKSPACE, "search": "support", "current_page": "0", "page_size": "20"},
        reply={"total": 1, "data": [{**RECORD, "collection_details": STATS}]},
        returns="CollectionList",
        expect={"total": 1, "data.0.slug": "support-bot-8f1d", "data.0.collection_details.prompts_count": 6},
    ),
    Case(
        "collections.create",
        "POST",
        "/collections",
        kwargs={"workspace_id": WORKSPACE, "name": "Escalations", "parent_collection_id": COLLECTION_ID},
        body={"workspace_id": WORKSPACE, "name": "Escalations", "parent_collection_id": COLLECTION_ID},
        reply={"id": CHILD_ID, "slug": "escalations-2c9e"},
        returns="CollectionCreateResult",
        expect={"id": CHILD_ID, "slug": "escalations-2c9e"},
    ),
    Case(
        "collections.retrieve",
        "GET",
        PATH,
        args=(COLLECTION_ID,),
        reply={
            **RECORD,
            "child_collections": [
                {
                    "id": CHILD_ID,
                    "name": "Escalations",
                    "last_updated_at": "2024-04-12T09:00:00.000Z",
                    "collection_details": {"child_collections_count": 0, "prompts_count": 2},
                }
            ],
        },
        returns="CollectionDetail",
        expect={"name": "Support bot", "child_collections.0.collection_details.prompts_count": 2},
    ),
    Case(
        "collections.update",
        "PUT",
        PATH,
        args=(COLLECTION_ID,),
        kwargs={"name": "Support assistant"},
        body={"name": "Support assistant"},
        reply={},
        returns="CollectionEmptyResult",
    ),
    Case(
        "collections.delete", "DELETE", PATH, args=(COLLECTION_ID,), reply={}, returns="CollectionEmptyResult"
    ),
]

ERROR = ErrorCase(
    "collections.retrieve",
    args=(COLLECTION_ID,),
    reply=management_error("Collection not found"),
    message="Collection not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
