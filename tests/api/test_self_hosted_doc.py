"""docs/self-hosted.md names every resource of the client in the right section: what a self-hosted
gateway serves, and what only hosted Portkey serves (the control plane, saved prompts, feedback)."""

from __future__ import annotations

import re

from . import spec

DOC = spec.REPO_ROOT / "docs" / "self-hosted.md"
HOSTED_DATA_PLANE = {"feedback", "generations", "prompts.completions", "prompts.render"}
"""Data-plane calls that need hosted Portkey (its prompt store, its feedback store)."""


def section(title: str) -> set[str]:
    """The backticked names in one `## ` section of the document."""
    text = DOC.read_text()
    body = text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"`([a-z_.]+)`", body))


def named(op: spec.SpecOperation, names: set[str]) -> bool:
    call = f"{op.resource}.{op.sdk_method}"
    return any(call == n or op.resource == n or op.resource.startswith(f"{n}.") for n in names)


def hosted_only(op: spec.SpecOperation) -> bool:
    return (
        op.plane == "control"
        or op.resource in HOSTED_DATA_PLANE
        or f"{op.resource}.{op.sdk_method}" in HOSTED_DATA_PLANE
    )


def test_every_call_is_in_the_right_section() -> None:
    self_hosted = section("Served by a self-hosted gateway")
    hosted = section("Served by hosted Portkey only")
    for op in spec.operations():
        if op.transport != "http":
            continue
        right, wrong = (hosted, self_hosted) if hosted_only(op) else (self_hosted, hosted)
        assert named(op, right), f"{op.resource}.{op.sdk_method} is missing from its section"
        assert not named(op, wrong), f"{op.resource}.{op.sdk_method} is in both sections"
