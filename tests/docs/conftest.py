"""The real gateway on loopback in front of the tests' own upstream, for the checks of the docs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.harness import Gateway, Upstream, start_gateway, start_upstream


@pytest.fixture(scope="package")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Gateway, Upstream]]:
    with start_upstream() as upstream, start_gateway(log_dir=tmp_path_factory.mktemp("gateway")) as gateway:
        yield gateway, upstream
