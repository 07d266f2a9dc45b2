"""The orchestrator's side of each measurement: start worker processes in `.bench-venv`, collect figures.

Runs of different SDKs are interleaved (run 1 of every SDK, then run 2...) so that a burst of load on the
machine spreads over all of them instead of landing on one.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.budget import Budget
from bench.environment import ROOT
from bench.names import MODULES, SDK_NAMES
from bench.stats import median

IMPORT_SNIPPET = (
    "import sys, time\n"
    "before = len(sys.modules)\n"
    "started = time.perf_counter()\n"
    "import {module}\n"
    "elapsed = time.perf_counter() - started\n"
    "print(elapsed * 1e3, len(sys.modules) - before)\n"
)
WORKER_TIMEOUT = 300
UPSTREAM_BACKLOG = 256


@dataclass(frozen=True)
class Workers:
    """How to start a process in the bench environment."""

    python: Path
    env: dict[str, str]

    def output(
        self, args: Sequence[str], *, python_flags: Sequence[str] = ()
    ) -> subprocess.CompletedProcess[str]:
        command = [str(self.python), *python_flags, *args]
        done = subprocess.run(
            command, cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=WORKER_TIMEOUT
        )
        if done.returncode != 0:
            raise RuntimeError(f"bench worker failed: {' '.join(args)}\n{done.stderr[-4000:]}")
        return done

    def json(self, module: str, *args: str) -> dict[str, Any]:
        """Run `python -m module args...` and read the JSON object it prints last."""
        result: dict[str, Any] = json.loads(
            self.output(["-m", module, *args]).stdout.strip().splitlines()[-1]
        )
        return result


def summary(values: Sequence[float]) -> dict[str, Any]:
    return {"median": median(values), "best": min(values), "runs": [round(v, 3) for v in values]}


def cold_imports(workers: Workers, budget: Budget) -> dict[str, Any]:
    """`import X` in fresh processes: milliseconds and modules added to `sys.modules`."""
    times: dict[str, list[float]] = {name: [] for name in SDK_NAMES}
    modules: dict[str, int] = {}
    for run in range(budget.import_runs + 1):
        for name in SDK_NAMES:
            snippet = IMPORT_SNIPPET.format(module=MODULES[name])
            elapsed, loaded = workers.output(["-c", snippet]).stdout.split()
            if run:
                times[name].append(float(elapsed))
            modules[name] = int(loaded)
    return {
        "import_ms": {name: summary(values) for name, values in times.items()},
        "import_modules": modules,
    }


def first_calls(workers: Workers, budget: Budget) -> dict[str, Any]:
    """Import, build a client and make one chat completion, in fresh processes."""
    totals: dict[str, list[float]] = {name: [] for name in SDK_NAMES}
    for _ in range(budget.first_call_runs):
        for name in SDK_NAMES:
            totals[name].append(workers.json("bench.fresh", "first_call", name)["total_ms"])
    return {"first_call_ms": {name: summary(values) for name, values in totals.items()}}


def memory(workers: Workers, budget: Budget) -> dict[str, Any]:
    """Resident memory after the import and after `memory_requests` calls (median of fresh processes)."""
    readings: dict[str, list[dict[str, float]]] = {name: [] for name in SDK_NAMES}
    bare = []
    for _ in range(budget.memory_runs):
        bare.append(workers.json("bench.fresh", "memory", "none", "0")["start_mb"])
        for name in SDK_NAMES:
            readings[name].append(workers.json("bench.fresh", "memory", name, str(budget.memory_requests)))
    return {
        "rss_bare_mb": median(bare),
        "rss_import_mb": {name: summary([r["import_mb"] for r in runs]) for name, runs in readings.items()},
        "rss_requests_mb": {
            name: summary([r["requests_mb"] for r in runs]) for name, runs in readings.items()
        },
    }


def in_process(workers: Workers, budget: Budget) -> dict[str, Any]:
    """Overhead, large decodes and streaming: several processes per SDK, interleaved."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in SDK_NAMES}
    for _ in range(budget.inprocess_rounds):
        for name in SDK_NAMES:
            runs[name].append(workers.json("bench.inprocess", name, json.dumps(budget.as_dict())))
    figures = runs[SDK_NAMES[0]][0].keys()
    return {
        figure: {name: summary([run[figure] for run in runs[name]]) for name in SDK_NAMES}
        for figure in figures
    }


@contextmanager
def local_gateway() -> Iterator[tuple[str, str]]:
    """The real gateway and the harness upstream on loopback: (gateway URL, upstream URL)."""
    from tests.harness import start_gateway
    from tests.harness.upstream import Upstream, UpstreamHandler

    # The harness upstream writes headers and body in two sends: with Nagle's algorithm on, every
    # keep-alive answer waits ~40 ms for a delayed ACK. Its listen backlog of 5 also resets connections
    # when 50 arrive at once. Both are tuned here, for this process only.
    UpstreamHandler.disable_nagle_algorithm = True
    upstream = Upstream()
    upstream._server.socket.listen(UPSTREAM_BACKLOG)
    try:
        gateway = start_gateway(ROOT)
        try:
            yield gateway.base_url, upstream.url()
        finally:
            gateway.stop()
    finally:
        upstream.close()


def through_gateway(workers: Workers, budget: Budget) -> dict[str, Any]:
    """Async requests at fixed concurrency through the real gateway, rounds interleaved across SDKs."""
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in SDK_NAMES}
    with local_gateway() as (gateway, upstream):
        for _ in range(budget.gateway_rounds):
            for name in SDK_NAMES:
                args = [
                    name,
                    gateway,
                    upstream,
                    str(budget.gateway_requests),
                    str(budget.gateway_concurrency),
                ]
                rounds[name].append(workers.json("bench.gateway_load", *args))
    return {
        f"gateway_{figure}": {name: summary([r[figure] for r in runs]) for name, runs in rounds.items()}
        for figure in ("throughput_rps", "p50_ms", "p99_ms")
    }


def import_profile(workers: Workers, module: str, baseline: str, limit: int = 12) -> list[dict[str, Any]]:
    """The modules `import module` loads beyond `import baseline`, by self time (`-X importtime`)."""
    own = _importtime(workers, module)
    base = _importtime(workers, baseline)
    extra = sorted((name for name in own if name not in base), key=lambda name: -own[name][0])
    return [
        {"module": name, "self_ms": own[name][0], "cumulative_ms": own[name][1]} for name in extra[:limit]
    ]


def _importtime(workers: Workers, module: str) -> dict[str, tuple[float, float]]:
    stderr = workers.output(["-c", f"import {module}"], python_flags=["-X", "importtime"]).stderr
    found: dict[str, tuple[float, float]] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
        found[name.strip()] = (int(self_us) / 1e3, int(cumulative_us) / 1e3)
    return found
