"""Shared fixtures of the generator tests: a build of the small fixture description."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from small_fixture import build_small

from generator.accounting import Accounting


@pytest.fixture(scope="session")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Accounting]]:
    out_dir = tmp_path_factory.mktemp("small")
    yield out_dir, build_small(out_dir)
