"""`make demo`: run examples/quickstart.py (or `make demo EXAMPLE=examples/<name>.py`) against the real
gateway and a local echo upstream.

Starts the test harness's OpenAI-compatible upstream and the gateway from node_modules (both on
127.0.0.1), runs the example as a subprocess pointed at them (with the environment and upstream
faults that tests/examples gives it), and stops both afterwards, also on an error, Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.harness import GatewayNotInstalledError, start_gateway, start_upstream  # noqa: E402
from tests.harness.examples import example_environment, plan_faults  # noqa: E402

QUICKSTART = ROOT / "examples" / "quickstart.py"


def stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    """Turn SIGTERM into SystemExit so the `finally` below stops what was started."""
    raise SystemExit(128 + signum)


def example_path(argv: list[str]) -> Path:
    """The example named on the command line (a path, or a file name in examples/), else the quickstart."""
    if not argv or not argv[0]:
        return QUICKSTART
    given = Path(argv[0])
    found = given if given.is_file() else ROOT / "examples" / given.name
    if not found.is_file():
        sys.exit(f"no such example: {argv[0]} (see examples/)")
    return found.resolve()


def main() -> int:
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    example = example_path(sys.argv[1:])
    upstream = start_upstream()
    gateway = None
    try:
        plan_faults(example, upstream)
        gateway = start_gateway(ROOT)
        print(f"gateway  : {gateway.base_url} (pid {gateway.pid}, ready in {gateway.ready_seconds:.2f} s)")
        print(f"upstream : {upstream.url()} (echo server)")
        print(f"running  : {example.relative_to(ROOT)}\n", flush=True)
        started = time.monotonic()
        finished = subprocess.run(
            [sys.executable, str(example)],
            env=example_environment(example, gateway.base_url, upstream),
            check=False,
        )
        print(
            f"\n{example.stem} exited {finished.returncode} after {time.monotonic() - started:.2f} s; "
            f"the upstream received {len(upstream.requests)} requests"
        )
        return finished.returncode
    except GatewayNotInstalledError as missing:
        print(f"cannot start the gateway: {missing}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the cleanup short
        if gateway is not None:
            gateway.stop()
        upstream.close()


if __name__ == "__main__":
    sys.exit(main())
