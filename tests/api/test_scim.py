"""scim: which identity-provider groups map to which workspace role (control plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "scim"
MAPPING = {
    "id": "map-51c2",
    "workspace_id": "ws-research-4b1c",
    "scim_group": "research-engineers",
    "scim_group_id": "00g1a2b3c4D5e6F7g8h9",
    "role": "member",
}

CASES = [
    Case(
        "scim.workspaces.list",
        "GET",
        "/scim/workspaces",
        kwargs={"workspace_id": "ws-research-4b1c", "role": "member"},
        query={"workspace_id": "ws-research-4b1c", "role": "member"},
        reply={"mappings": [MAPPING], "total_count": 1},
        returns="ScimWorkspaceMappingList",
        expect={"total_count": 1, "mappings.0.scim_group": "research-engineers"},
    ),
    Case(
        "scim.workspaces.create",
        "POST",
        "/scim/workspaces",
        kwargs={
            "workspace_id": "ws-research-4b1c",
            "role": "member",
            "scim_group_id": "00g1a2b3c4D5e6F7g8h9",
        },
        body={"workspace_id": "ws-research-4b1c", "role": "member", "scim_group_id": "00g1a2b3c4D5e6F7g8h9"},
        reply=MAPPING,
        returns="ScimWorkspaceMapping",
        expect={"id": "map-51c2", "role": "member"},
    ),
    Case(
        "scim.workspaces.delete",
        "DELETE",
        "/scim/workspaces/map-51c2",
        args=("map-51c2",),
        reply={"success": True},
        returns="ScimWorkspaceMappingDeleteResult",
        expect={"success": True},
    ),
]

ERROR = ErrorCase(
    "scim.workspaces.delete",
    args=("map-0000",),
    reply=management_error("Mapping not found"),
    message="Mapping not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
