"""checkpoint_permissions: share fine-tuned checkpoints with other projects (OpenAI's API, forwarded by the
gateway's catch-all route)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "checkpoint_permissions"
CHECKPOINT = "ft:gpt-4o-mini-2024-07-18:org:custom:ckpt-step-1000"
PERMISSION = {
    "id": "cp_zc4Q7MP6XxulcVzj4MZdwsAB",
    "object": "checkpoint.permission",
    "created_at": 1721764867,
    "project_id": "proj_abGMw1llN8IrBb6SvvY5A1iH",
}
PAGE = {
    "object": "list",
    "data": [PERMISSION],
    "first_id": PERMISSION["id"],
    "last_id": PERMISSION["id"],
    "has_more": False,
}
BASE = f"/fine_tuning/checkpoints/{CHECKPOINT}/permissions"

CASES = [
    Case(
        "fine_tuning.checkpoints.permissions.create",
        "POST",
        BASE,
        kwargs={"fine_tuned_model_checkpoint": CHECKPOINT, "project_ids": [PERMISSION["project_id"]]},
        body={"project_ids": [PERMISSION["project_id"]]},
        reply=PAGE,
        returns="CheckpointPermissionList",
        expect={"data.0.project_id": PERMISSION["project_id"]},
    ),
    Case(
        "fine_tuning.checkpoints.permissions.list",
        "GET",
        BASE,
        kwargs={"fine_tuned_model_checkpoint": CHECKPOINT, "project_id": PERMISSION["project_id"]},
        query={"project_id": PERMISSION["project_id"]},
        reply=PAGE,
        returns="CheckpointPermissionList",
        expect={"data.0.id": PERMISSION["id"]},
    ),
    Case(
        "fine_tuning.checkpoints.permissions.delete",
        "DELETE",
        f"{BASE}/{PERMISSION['id']}",
        kwargs={"fine_tuned_model_checkpoint": CHECKPOINT, "permission_id": PERMISSION["id"]},
        reply={"id": PERMISSION["id"], "object": "checkpoint.permission", "deleted": True},
        returns="CheckpointPermissionDeleted",
        expect={"deleted": True},
    ),
]

ERROR = ErrorCase(
    "fine_tuning.checkpoints.permissions.list",
    kwargs={"fine_tuned_model_checkpoint": "ft:missing"},
    reply=provider_error("Checkpoint not found."),
    message="Checkpoint not found.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
