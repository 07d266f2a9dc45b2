"""The parity suite's setting: the tests' upstream, the real gateway, and a recorder in front of it.

The official SDK runs in `.parity-venv` (`make parity` creates it from tests/parity/requirements.txt),
or in the interpreter named by `PARITY_PYTHON`; without it the suite is skipped with that hint.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import Gateway, GatewayNotInstalledError, Upstream, start_gateway, start_upstream
from tests.parity.recorder import Recorder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def official_python() -> Path:
    python = Path(os.environ.get("PARITY_PYTHON") or ROOT / ".parity-venv" / "bin" / "python")
    if not python.exists():
        pytest.skip(f"{python} is missing: `make parity` installs portkey-ai there and runs this suite")
    return python


@pytest.fixture(scope="session")
def parity_upstream() -> Iterator[Upstream]:
    with start_upstream() as running:
        yield running


@pytest.fixture(scope="session")
def parity_gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    try:
        running = start_gateway(log_dir=tmp_path_factory.mktemp("parity-gateway"))
    except GatewayNotInstalledError as missing:
        pytest.fail(str(missing), pytrace=False)
    with running:
        yield running


@pytest.fixture(scope="session")
def recorder(parity_gateway: Gateway) -> Iterator[Recorder]:
    proxy = Recorder(parity_gateway.base_url)
    yield proxy
    proxy.close()
