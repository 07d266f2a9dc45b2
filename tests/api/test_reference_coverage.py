"""Every operation of Portkey's public OpenAPI description is described in `openapi/`.

The public description lives outside this repository (`../shared/reference/portkey-openapi.yaml`, next to
the checkout on the machines that build the project). Where it is absent, as in a fresh checkout of the
project alone, the comparison cannot run: the test is skipped with that reason. This is the one skip the
API suite allows. Operations are compared by HTTP method and path, path parameters by position only
(`/files/{file_id}` and `/files/{id}` are one path)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from . import spec

REFERENCE = spec.REPO_ROOT.parent / "shared" / "reference" / "portkey-openapi.yaml"
REFERENCE_OPERATIONS = 231


def method_and_path(paths: dict[str, dict[str, object]]) -> set[tuple[str, str]]:
    return {
        (method.upper(), re.sub(r"\{[^}]+\}", "{}", path))
        for path, item in paths.items()
        for method in spec.HTTP_METHODS
        if method in item
    }


def reference_paths(file: Path) -> dict[str, dict[str, object]]:
    document = yaml.safe_load(file.read_text())
    paths: dict[str, dict[str, object]] = document["paths"]
    return paths


@pytest.mark.skipif(not REFERENCE.exists(), reason=f"the public Portkey description is not here: {REFERENCE}")
def test_openapi_covers_every_operation_of_the_public_description() -> None:
    reference = method_and_path(reference_paths(REFERENCE))
    ours = method_and_path(spec.document()["paths"])

    missing = sorted(reference - ours)
    covered = len(reference) - len(missing)
    print(f"reference coverage: {covered} of {len(reference)} operations; openapi/ has {len(ours)}")
    assert len(reference) == REFERENCE_OPERATIONS
    assert missing == []
