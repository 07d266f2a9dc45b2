"""containers: code-interpreter sandboxes and their files (OpenAI's API, forwarded by the gateway's catch-all route)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "containers"
CONTAINER = {
    "id": "cntr_682dfebaacac8198",
    "object": "container",
    "name": "analysis",
    "created_at": 1747844794,
    "status": "running",
    "last_active_at": 1747844794,
    "expires_after": {"anchor": "last_active_at", "minutes": 20},
    "memory_limit": "4g",
}
FILE = {
    "id": "cfile_682e0e8a43c88191",
    "object": "container.file",
    "container_id": CONTAINER["id"],
    "created_at": 1747848842,
    "bytes": 880,
    "path": "/mnt/data/chart.png",
    "source": "assistant",
}
PAGE = {"object": "list", "first_id": "a", "last_id": "b", "has_more": False}

CASES = [
    Case(
        "containers.create",
        "POST",
        "/containers",
        kwargs={
            "name": "analysis",
            "memory_limit": "4g",
            "expires_after": {"anchor": "last_active_at", "minutes": 20},
        },
        body={
            "name": "analysis",
            "memory_limit": "4g",
            "expires_after": {"anchor": "last_active_at", "minutes": 20},
        },
        reply=CONTAINER,
        returns="Container",
        expect={"id": CONTAINER["id"], "expires_after.minutes": 20},
    ),
    Case(
        "containers.list",
        "GET",
        "/containers",
        kwargs={"limit": 5, "order": "desc", "name": "analysis"},
        query={"limit": "5", "order": "desc", "name": "analysis"},
        reply={**PAGE, "data": [CONTAINER]},
        returns="ContainerList",
        expect={"data.0.status": "running"},
    ),
    Case(
        "containers.retrieve",
        "GET",
        f"/containers/{CONTAINER['id']}",
        kwargs={"container_id": CONTAINER["id"]},
        reply=CONTAINER,
        returns="Container",
        expect={"name": "analysis"},
    ),
    Case("containers.delete", "DELETE", "/containers/cntr_1", kwargs={"container_id": "cntr_1"}),
    Case(
        "containers.files.create",
        "POST",
        "/containers/cntr_1/files",
        kwargs={"container_id": "cntr_1", "file": ("data.csv", b"a,b\n1,2\n", "text/csv")},
        body={"file": "file:data.csv"},
        reply=FILE,
        returns="ContainerFile",
        expect={"path": "/mnt/data/chart.png", "bytes_": 880},
    ),
    Case(
        "containers.files.list",
        "GET",
        "/containers/cntr_1/files",
        kwargs={"container_id": "cntr_1", "limit": 2},
        query={"limit": "2"},
        reply={**PAGE, "data": [FILE]},
        returns="ContainerFileList",
        expect={"data.0.source": "assistant"},
    ),
    Case(
        "containers.files.retrieve",
        "GET",
        "/containers/cntr_1/files/cfile_1",
        kwargs={"container_id": "cntr_1", "file_id": "cfile_1"},
        reply=FILE,
        returns="ContainerFile",
        expect={"container_id": CONTAINER["id"]},
    ),
    Case(
        "containers.files.delete",
        "DELETE",
        "/containers/cntr_1/files/cfile_1",
        kwargs={"container_id": "cntr_1", "file_id": "cfile_1"},
    ),
    Case(
        "containers.files.content.retrieve",
        "GET",
        "/containers/cntr_1/files/cfile_1/content",
        kwargs={"container_id": "cntr_1", "file_id": "cfile_1"},
        reply=b"\x89PNG\r\n",
        returns="bytes",
    ),
]

ERROR = ErrorCase(
    "containers.retrieve",
    kwargs={"container_id": "cntr_missing"},
    reply=provider_error("Container not found."),
    message="Container not found.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
