"""Start and stop the real Portkey gateway (`@portkey-ai/gateway` from node_modules) on loopback."""

import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

import httpx

from tests.harness.ports import LOOPBACK, free_port

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GATEWAY_ENTRY = Path("node_modules/@portkey-ai/gateway/build/start-server.js")
LOOPBACK_PRELOAD = Path(__file__).with_name("loopback_preload.cjs")
READY_TEXT = "AI Gateway says hey!"
SETUP_HINT = "run `make setup` (it runs `npm ci` from package-lock.json)"
PORT_ATTEMPTS = 3


class GatewayNotInstalledError(RuntimeError):
    """node or the gateway package is missing."""


class GatewayStartError(RuntimeError):
    """The gateway process exited or did not answer in time."""


class Gateway:
    """A running gateway process; `base_url` is what clients use (`http://127.0.0.1:PORT/v1`)."""

    def __init__(self, process: subprocess.Popen[bytes], port: int, log_path: Path) -> None:
        self.process = process
        self.port = port
        self.log_path = log_path
        self.ready_seconds = 0.0

    @property
    def origin(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.origin}/v1"

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_text(self) -> str:
        """Everything the gateway printed so far (stdout and stderr)."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def wait_ready(self, timeout: float) -> None:
        """Poll `GET /` until it answers the health text; sets `ready_seconds`."""
        started = time.monotonic()
        deadline = started + timeout
        with httpx.Client(timeout=0.5) as http:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise GatewayStartError(
                        f"gateway exited with {self.process.returncode}:\n{self.log_text()}"
                    )
                try:
                    answer = http.get(f"{self.origin}/")
                    if answer.status_code == 200 and READY_TEXT in answer.text:
                        self.ready_seconds = time.monotonic() - started
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.05)
        raise GatewayStartError(f"gateway not ready after {timeout:.0f} s:\n{self.log_text()}")

    def stop(self, grace: float = 5.0) -> None:
        """SIGTERM by PID; SIGKILL when it has not exited after `grace` seconds."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=grace)

    def __enter__(self) -> "Gateway":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def gateway_command(root: Path, port: int) -> list[str]:
    """The node command line; raises GatewayNotInstalledError when node or the package is missing."""
    node = shutil.which("node")
    if node is None:
        raise GatewayNotInstalledError(f"`node` is not on PATH; install Node 20+, then {SETUP_HINT}")
    entry = root / GATEWAY_ENTRY
    if not entry.is_file():
        raise GatewayNotInstalledError(f"{entry} is missing; {SETUP_HINT}")
    return [node, "--require", str(LOOPBACK_PRELOAD), str(entry), f"--port={port}", "--headless"]


def start_gateway(
    root: Path = PROJECT_ROOT, log_dir: Path | None = None, ready_timeout: float = 30.0
) -> Gateway:
    """Start the gateway on a free loopback port and wait until it answers."""
    log_folder = log_dir or Path(tempfile.mkdtemp(prefix="portkey-gateway-"))
    failure: GatewayStartError | None = None
    for attempt in range(PORT_ATTEMPTS):
        port = free_port()
        log_path = log_folder / f"gateway-{port}.log"
        command = gateway_command(root, port)
        with log_path.open("wb") as log_file:
            process = subprocess.Popen(
                command, cwd=root, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT
            )
        gateway = Gateway(process, port, log_path)
        try:
            gateway.wait_ready(ready_timeout)
            return gateway
        except GatewayStartError as error:
            gateway.stop()
            failure = error
            if "EADDRINUSE" not in gateway.log_text() or attempt == PORT_ATTEMPTS - 1:
                break
        except BaseException:
            gateway.stop()  # interrupted while waiting: leave no process behind
            raise
    assert failure is not None
    raise failure
