"""Shared fixtures of the generator tests: builds of the small fixture description."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import lead_hooks
from generator.accounting import Accounting
from generator.bundle import load_file
from generator.pipeline import build

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_SPEC = FIXTURES / "small" / "api.yaml"


def build_small(out_dir: Path) -> Accounting:
    """Build the small fixture, with the lead's resource and header-option stages left out: these
    tests are about the generator's own stages (`make check-generated` runs the whole chain)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lead_hooks, "prepare", lambda spec: spec)
        patch.setattr(lead_hooks, "emit", lambda spec, package_dir: None)
        return build(load_file(SMALL_SPEC), out_dir)


@pytest.fixture(scope="session")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Accounting]]:
    out_dir = tmp_path_factory.mktemp("small")
    yield out_dir, build_small(out_dir)
