"""The orchestrator's side of each measurement: start worker processes in `.bench-venv`, collect figures.

Runs of different SDKs are interleaved (run 1 of every SDK, then run 2...) so that a burst of load on the
machine spreads over all of them instead of landing on one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
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
    "started, started_cpu = time.perf_counter(), time.process_time()\n"
    "import {module}\n"
    "wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu\n"
    "print(wall * 1e3, cpu * 1e3, len(sys.modules) - before)\n"
)
WORKER_TIMEOUT = 300


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
    """`import X` in fresh processes: CPU and wall milliseconds, modules added to `sys.modules`."""
    cpu: dict[str, list[float]] = {name: [] for name in SDK_NAMES}
    wall: dict[str, list[float]] = {name: [] for name in SDK_NAMES}
    modules: dict[str, int] = {}
    for run in range(budget.import_runs + 1):
        for name in SDK_NAMES:
            snippet = IMPORT_SNIPPET.format(module=MODULES[name])
            wall_ms, cpu_ms, loaded = workers.output(["-c", snippet]).stdout.split()
            if run:
                cpu[name].append(float(cpu_ms))
                wall[name].append(float(wall_ms))
            modules[name] = int(loaded)
    return {
        "import_ms": {name: summary(values) for name, values in cpu.items()},
        "import_wall_ms": {name: summary(values) for name, values in wall.items()},
        "import_modules": modules,
    }


def first_calls(workers: Workers, budget: Budget) -> dict[str, Any]:
    """Import, build a client and make one chat completion, in fresh processes (CPU and wall ms)."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in SDK_NAMES}
    for _ in range(budget.first_call_runs):
        for name in SDK_NAMES:
            runs[name].append(workers.json("bench.fresh", "first_call", name))
    return {
        "first_call_ms": {name: summary([run["cpu_ms"] for run in runs[name]]) for name in SDK_NAMES},
        "first_call_wall_ms": {name: summary([run["wall_ms"] for run in runs[name]]) for name in SDK_NAMES},
    }


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
    paired: list[dict[str, float]] = []
    for _ in range(budget.inprocess_rounds):
        for name in SDK_NAMES:
            runs[name].append(workers.json("bench.inprocess", name, json.dumps(budget.as_dict())))
        paired.append(workers.json("bench.paired", "portkey-typed", json.dumps(budget.as_dict())))
    figures: dict[str, Any] = {
        figure: {
            name: summary([run[figure] for run in runs[name]])
            for name in SDK_NAMES
            if figure in runs[name][0]
        }
        for figure in runs[SDK_NAMES[0]][0]
    }
    figures["paired_with_floor"] = {figure: summary([run[figure] for run in paired]) for figure in paired[0]}
    return figures


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far (Linux `/proc`)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def local_gateway() -> Iterator[tuple[str, str, int]]:
    """The real gateway and the harness upstream on loopback: (gateway URL, upstream URL, gateway pid)."""
    from tests.harness import start_gateway, start_upstream

    upstream = start_upstream()
    try:
        gateway = start_gateway(ROOT)
        try:
            yield gateway.base_url, upstream.url(), gateway.pid
        finally:
            gateway.stop()
    finally:
        upstream.close()


def through_gateway(workers: Workers, budget: Budget) -> dict[str, Any]:
    """Async requests at fixed concurrency through the real gateway, rounds interleaved across SDKs."""
    rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in SDK_NAMES}
    with local_gateway() as (gateway, upstream, gateway_pid):
        for _ in range(budget.gateway_rounds):
            for name in SDK_NAMES:
                args = [
                    name,
                    gateway,
                    upstream,
                    str(budget.gateway_requests),
                    str(budget.gateway_concurrency),
                    str(budget.gateway_warm_up),
                ]
                before = cpu_seconds(gateway_pid)
                result = workers.json("bench.gateway_load", *args)
                sent = budget.gateway_requests + budget.gateway_warm_up
                result["gateway_cpu_us"] = (cpu_seconds(gateway_pid) - before) / sent * 1e6
                rounds[name].append(result)
    return {
        f"gateway_{figure}": {name: summary([r[figure] for r in runs]) for name, runs in rounds.items()}
        for figure in ("throughput_rps", "p50_ms", "p99_ms", "client_cpu_us", "gateway_cpu_us")
    }


def gateway_extras(workers: Workers, budget: Budget) -> dict[str, Any]:
    """Through the real gateway on each SDK's default pool: TCP connections opened at high concurrency and
    the time to a stream's first chunk (every SDK), and a long async soak (portkey-typed). A worker that
    fails leaves its figure out (the stage goes on)."""
    found: dict[str, Any] = {"connections_per_1000": {}, "first_chunk_ms": {}, "connection_failures": {}}

    def attempt(*args: str) -> dict[str, Any] | None:
        try:
            return workers.json("bench.gateway_extra", *args)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            print(f"bench: left out {args[:2]}: {str(error)[-300:]}", file=sys.stderr)
            return None

    with local_gateway() as (gateway, upstream, _gateway_pid):
        for name in SDK_NAMES:
            common = [name, gateway, upstream]
            counts = str(budget.connection_requests), str(budget.connection_concurrency)
            if counted := attempt("connections", *common, *counts):
                found["connections_per_1000"][name] = counted["connections_per_1000"]
                found["connection_failures"][name] = counted["failed"]
            if streamed := attempt("first_chunk", *common, str(budget.first_chunk_streams)):
                found["first_chunk_ms"][name] = streamed["first_chunk_ms"]
        soak = attempt(
            "soak",
            SDK_NAMES[0],
            gateway,
            upstream,
            str(budget.soak_requests),
            str(budget.connection_concurrency),
        )
    if soak:
        found["soak"] = soak
    return found


def import_profile(
    workers: Workers, module: str, baseline: str, runs: int = 5, limit: int = 10
) -> list[dict[str, Any]]:
    """What `import module` loads beyond `import baseline`, grouped by top-level package, costliest first.

    Own times come from `-X importtime` (median per module over `runs` fresh processes)."""
    own = _importtimes(workers, module, runs)
    base = _importtimes(workers, baseline, 1)
    packages: dict[str, dict[str, Any]] = {}
    for name, (self_ms, _) in own.items():
        if name in base:
            continue
        package = packages.setdefault(name.split(".")[0], {"modules": 0, "self_ms": 0.0})
        package["modules"] += 1
        package["self_ms"] += self_ms
    rows = [{"package": name, **figures} for name, figures in packages.items()]
    return sorted(rows, key=lambda row: -row["self_ms"])[:limit]


def _importtimes(workers: Workers, module: str, runs: int) -> dict[str, tuple[float, float]]:
    """Per module imported: median own and cumulative milliseconds over `runs` fresh processes."""
    readings: dict[str, list[tuple[float, float]]] = {}
    for _ in range(runs):
        stderr = workers.output(["-c", f"import {module}"], python_flags=["-X", "importtime"]).stderr
        for line in stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
            readings.setdefault(name.strip(), []).append((int(self_us) / 1e3, int(cumulative_us) / 1e3))
    return {
        name: (median([own for own, _ in values]), median([total for _, total in values]))
        for name, values in readings.items()
    }
