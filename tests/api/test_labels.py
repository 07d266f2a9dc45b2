"""labels: names that tag prompt versions (`production`, `staging`...) (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "labels"
ORGANISATION = "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a"
WORKSPACE = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
LABEL_ID = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b"
LABEL = {
    "id": LABEL_ID,
    "name": "canary",
    "description": "Versions served to 5% of traffic",
    "color_code": "#f5a623",
    "organisation_id": ORGANISATION,
    "workspace_id": WORKSPACE,
    "is_universal": False,
    "created_at": "2024-10-01T08:00:00.000Z",
    "last_updated_at": "2024-10-01T08:00:00.000Z",
    "status": "active",
}
PATH = f"/labels/{LABEL_ID}"

CASES = [
    Case(
        "labels.list",
        "GET",
        "/labels",
        kwargs={"workspace_id": WORKSPACE, "search": "can"},
        query={"workspace_id": WORKSPACE, "search": "can"},
        reply={"total": 1, "data": [LABEL]},
        returns="LabelList",
        expect={"total": 1, "data.0.name": "canary", "data.0.is_universal": False},
    ),
    Case(
        "labels.create",
        "POST",
        "/labels",
        kwargs={"workspace_id": WORKSPACE, "name": "canary", "color_code": "#f5a623"},
        body={"workspace_id": WORKSPACE, "name": "canary", "color_code": "#f5a623"},
        reply={"id": LABEL_ID},
        returns="LabelCreateResult",
        expect={"id": LABEL_ID},
    ),
    Case(
        "labels.retrieve",
        "GET",
        PATH,
        args=(LABEL_ID,),
        kwargs={"organisation_id": ORGANISATION},
        query={"organisation_id": ORGANISATION},
        reply=LABEL,
        returns="Label",
        expect={"color_code": "#f5a623", "created_at": "2024-10-01T08:00:00+00:00"},
    ),
    Case(
        "labels.update",
        "PUT",
        PATH,
        args=(LABEL_ID,),
        kwargs={"description": "Versions served to 10% of traffic"},
        body={"description": "Versions served to 10% of traffic"},
        reply={},
        returns="LabelEmptyResult",
    ),
    Case("labels.delete", "DELETE", PATH, args=(LABEL_ID,), reply={}, returns="LabelEmptyResult"),
]

ERROR = ErrorCase(
    "labels.retrieve", args=(LABEL_ID,), reply=management_error("Label not found"), message="Label not found"
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
