"""skills: versioned bundles of instructions and files (OpenAI's API, forwarded by the gateway's catch-all route)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "skills"
SKILL = {
    "id": "skill_123",
    "object": "skill",
    "name": "csv-report",
    "description": "Summarises CSV files.",
    "created_at": 1760000000,
    "default_version": "1",
    "latest_version": "2",
}
VERSION = {
    "object": "skill.version",
    "id": "skillver_2",
    "skill_id": "skill_123",
    "version": "2",
    "created_at": 1760000100,
    "name": "csv-report",
    "description": "Summarises CSV files.",
}
PAGE = {"object": "list", "first_id": "a", "last_id": "b", "has_more": False}
ZIP = b"PK\x03\x04skill"

CASES = [
    Case(
        "skills.create",
        "POST",
        "/skills",
        kwargs={"files": [("skill.zip", ZIP, "application/zip")]},
        body={"files": "file:skill.zip"},
        reply=SKILL,
        returns="Skill",
        expect={"latest_version": "2"},
    ),
    Case(
        "skills.list",
        "GET",
        "/skills",
        kwargs={"limit": 10},
        query={"limit": "10"},
        reply={**PAGE, "data": [SKILL]},
        returns="SkillList",
        expect={"data.0.name": "csv-report"},
    ),
    Case(
        "skills.retrieve",
        "GET",
        "/skills/skill_123",
        kwargs={"skill_id": "skill_123"},
        reply=SKILL,
        returns="Skill",
        expect={"id": "skill_123"},
    ),
    Case(
        "skills.update",
        "POST",
        "/skills/skill_123",
        kwargs={"skill_id": "skill_123", "default_version": "2"},
        body={"default_version": "2"},
        reply={**SKILL, "default_version": "2"},
        returns="Skill",
        expect={"default_version": "2"},
    ),
    Case(
        "skills.delete",
        "DELETE",
        "/skills/skill_123",
        kwargs={"skill_id": "skill_123"},
        reply={"id": "skill_123", "object": "skill.deleted", "deleted": True},
        returns="SkillDeleted",
        expect={"deleted": True},
    ),
    Case(
        "skills.content.retrieve",
        "GET",
        "/skills/skill_123/content",
        kwargs={"skill_id": "skill_123"},
        reply=ZIP,
        returns="bytes",
    ),
    Case(
        "skills.versions.create",
        "POST",
        "/skills/skill_123/versions",
        kwargs={"skill_id": "skill_123", "files": [("skill.zip", ZIP, "application/zip")], "default": True},
        body={"files": "file:skill.zip", "default": "true"},
        reply=VERSION,
        returns="SkillVersion",
        expect={"version": "2"},
    ),
    Case(
        "skills.versions.list",
        "GET",
        "/skills/skill_123/versions",
        kwargs={"skill_id": "skill_123", "order": "desc"},
        query={"order": "desc"},
        reply={**PAGE, "data": [VERSION]},
        returns="SkillVersionList",
        expect={"data.0.skill_id": "skill_123"},
    ),
    Case(
        "skills.versions.retrieve",
        "GET",
        "/skills/skill_123/versions/2",
        kwargs={"skill_id": "skill_123", "version": "2"},
        reply=VERSION,
        returns="SkillVersion",
        expect={"id": "skillver_2"},
    ),
    Case(
        "skills.versions.delete",
        "DELETE",
        "/skills/skill_123/versions/2",
        kwargs={"skill_id": "skill_123", "version": "2"},
        reply={"id": "skill_123", "object": "skill.version.deleted", "deleted": True, "version": "2"},
        returns="SkillVersionDeleted",
        expect={"version": "2"},
    ),
    Case(
        "skills.versions.content.retrieve",
        "GET",
        "/skills/skill_123/versions/2/content",
        kwargs={"skill_id": "skill_123", "version": "2"},
        reply=ZIP,
        returns="bytes",
    ),
]

ERROR = ErrorCase(
    "skills.retrieve",
    kwargs={"skill_id": "skill_missing"},
    reply=provider_error("Skill not found."),
    message="Skill not found.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
