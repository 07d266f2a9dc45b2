"""The parity suite's setting: the tests' upstream, the real gateway, and a recorder in front of it.

The official SDK runs in the interpreter named by `PARITY_PYTHON`: `make parity` creates `.parity-venv`
from tests/parity/requirements.txt and sets it. Without it (in `make test`, say) the scripts are skipped
with that hint; the check that every difference is documented runs everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import Gateway, GatewayNotInstalledError, Upstream, start_gateway, start_upstream
from tests.parity.recorder import Recorder


@pytest.fixture(scope="session")
def official_python() -> Path:
    named = os.environ.get("PARITY_PYTHON")
    if not named:
        pytest.skip("the parity scripts run with `make parity` (it installs portkey-ai in .parity-venv)")
    python = Path(named)
    if not python.exists():
        pytest.fail(f"PARITY_PYTHON={python} does not exist; `make parity` creates it", pytrace=False)
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
