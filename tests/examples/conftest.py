"""Fixtures of the examples' tests: the real gateway and the tests' upstream (as in tests/integration),
a runner for the scripts in examples/, and the chat service of examples/service under uvicorn."""

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.harness import Gateway, Upstream
from tests.harness.examples import EXAMPLES, example_environment, plan_faults
from tests.harness.ports import LOOPBACK, free_port
from tests.integration.conftest import fresh_upstream, gateway, upstream

__all__ = ["fresh_upstream", "gateway", "upstream"]

EXAMPLE_TIMEOUT = 60.0
SERVICE_DIR = EXAMPLES / "service"


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


RunExample = Callable[[str], Run]


@pytest.fixture
def run_example(gateway: Gateway, upstream: Upstream) -> RunExample:
    """Run `examples/<name>` as a user would, against the gateway (or the management recorder)."""

    def run(name: str) -> Run:
        script = EXAMPLES / name
        plan_faults(script, upstream)
        finished = subprocess.run(
            [sys.executable, str(script)],
            env=example_environment(script, gateway.base_url, upstream),
            capture_output=True,
            text=True,
            timeout=EXAMPLE_TIMEOUT,
            check=False,
        )
        return Run(finished.returncode, finished.stdout, finished.stderr)

    return run


@dataclass(frozen=True)
class Service:
    url: str
    log_path: Path


@pytest.fixture(scope="module")
def service(
    gateway: Gateway, upstream: Upstream, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    """examples/service/app.py under uvicorn on 127.0.0.1, in front of the gateway."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("service") / "uvicorn.log"
    command = [sys.executable, "-m", "uvicorn", "app:app", "--app-dir", str(SERVICE_DIR)]
    command += ["--host", LOOPBACK, "--port", str(port), "--log-level", "warning"]
    env = example_environment(SERVICE_DIR / "app.py", gateway.base_url, upstream)
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(command, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    running = Service(f"http://{LOOPBACK}:{port}", log_path)
    try:
        wait_until_healthy(running, process)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def wait_until_healthy(service: Service, process: "subprocess.Popen[bytes]", timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=1.0) as http:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"the service exited with {process.returncode}:\n{service.log_path.read_text()}")
            try:
                if http.get(f"{service.url}/healthz").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
    pytest.fail(f"the service did not answer in {timeout:.0f} s:\n{service.log_path.read_text()}")
