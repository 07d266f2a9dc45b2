"""`make demo`: run examples/quickstart.py against the real gateway and a local echo upstream.

Starts the test harness's OpenAI-compatible upstream and the gateway from node_modules (both on
127.0.0.1), runs the quickstart as a subprocess pointed at them, and stops both afterwards, also on
an error, Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.harness import GatewayNotInstalledError, start_gateway, start_upstream  # noqa: E402
from tests.harness.replies import openai_error  # noqa: E402

QUICKSTART = ROOT / "examples" / "quickstart.py"
FAILING_MODEL = "model-that-does-not-exist"
HOSTED_ONLY_VARIABLES = ("PORTKEY_API_KEY", "PORTKEY_VIRTUAL_KEY", "PORTKEY_PROVIDER", "PROVIDER_API_KEY")


def stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    """Turn SIGTERM into SystemExit so the `finally` below stops what was started."""
    raise SystemExit(128 + signum)


def quickstart_environment(base_url: str, upstream_url: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in HOSTED_ONLY_VARIABLES}
    env.update(PORTKEY_BASE_URL=base_url, DEMO_UPSTREAM_URL=upstream_url, DEMO_FAILING_MODEL=FAILING_MODEL)
    return env


def main() -> int:
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    upstream = start_upstream()
    gateway = None
    try:
        upstream.plan(
            model=FAILING_MODEL,
            status=404,
            times=None,
            body=openai_error(404, f"The model `{FAILING_MODEL}` does not exist"),
        )
        gateway = start_gateway(ROOT)
        print(f"gateway  : {gateway.base_url} (pid {gateway.pid}, ready in {gateway.ready_seconds:.2f} s)")
        print(f"upstream : {upstream.url()} (echo server)")
        print(f"running  : {QUICKSTART.relative_to(ROOT)}\n", flush=True)
        started = time.monotonic()
        finished = subprocess.run(
            [sys.executable, str(QUICKSTART)],
            env=quickstart_environment(gateway.base_url, upstream.url()),
            check=False,
        )
        print(
            f"\nquickstart exited {finished.returncode} after {time.monotonic() - started:.2f} s; "
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
