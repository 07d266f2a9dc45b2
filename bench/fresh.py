"""`python -m bench.fresh PROBE SDK [N]`: figures that need a process of their own, printed as JSON.

- `first_call SDK`: import the SDK, build a client, make one chat completion (MockTransport).
- `memory SDK N`: resident memory after importing the SDK, then after N chat completions.
  SDK `none` gives the bare interpreter's figures.

Only the standard library is loaded before the clock starts or the first RSS reading.
"""

from __future__ import annotations

import gc
import importlib
import json
import sys
import time
from typing import Any

from bench.names import MODULES


def rss_mb() -> float:
    """This process's resident set size in MiB (Linux `/proc`)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("VmRSS not found in /proc/self/status")


def first_call(name: str) -> dict[str, Any]:
    """Wall and CPU milliseconds from before the import to the decoded answer."""
    started, started_cpu = time.perf_counter(), time.process_time()
    importlib.import_module(MODULES[name])
    from bench.subjects import SUBJECTS, Target

    subject = SUBJECTS[name]
    import httpx

    from bench.payloads import small_chat
    from bench.transport import json_transport

    client = subject.sync_client(Target(), httpx.Client(transport=json_transport(small_chat())))
    subject.chat(client)
    return {
        "wall_ms": (time.perf_counter() - started) * 1e3,
        "cpu_ms": (time.process_time() - started_cpu) * 1e3,
    }


def memory(name: str, requests: int) -> dict[str, Any]:
    gc.collect()
    result: dict[str, Any] = {"start_mb": rss_mb()}
    if name == "none":
        return {**result, "import_mb": result["start_mb"], "requests_mb": result["start_mb"]}
    importlib.import_module(MODULES[name])
    gc.collect()
    result["import_mb"] = rss_mb()
    from bench.subjects import SUBJECTS, Target

    subject = SUBJECTS[name]
    import httpx

    from bench.payloads import small_chat
    from bench.transport import json_transport

    client = subject.sync_client(Target(), httpx.Client(transport=json_transport(small_chat())))
    for _ in range(requests):
        subject.chat(client)
    gc.collect()
    result["requests_mb"] = rss_mb()
    return result


def main(argv: list[str]) -> None:
    probe, name = argv[0], argv[1]
    if probe == "first_call":
        print(json.dumps(first_call(name)))
    elif probe == "memory":
        print(json.dumps(memory(name, int(argv[2]))))
    else:
        raise SystemExit(f"unknown probe {probe!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
