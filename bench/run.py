"""`make bench`: measure portkey-typed next to portkey-ai, openai and raw httpx; write docs/benchmarks.*.

Usage: python bench/run.py [--quick] [--generated DIR] [--skip-gateway] [--out DIR]
(`make bench BENCH_ARGS=--quick` passes options through make.)

The SDKs run in `.bench-venv` (created from bench/requirements.txt on first use); this script only starts
worker processes there, plus the real gateway for the load stage.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import machine, probes, report
from bench.budget import FULL, QUICK, Budget
from bench.environment import ROOT, ensure_bench_venv, generated_root, snapshot, worker_env


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--quick", action="store_true", help="few repetitions: a smoke run, not for publishing"
    )
    parser.add_argument("--generated", help="folder holding portkey_generated/ (default: generated/)")
    parser.add_argument("--skip-gateway", action="store_true", help="leave out the real-gateway stage")
    parser.add_argument("--out", default=str(ROOT / "docs"), help="where benchmarks.md, .json and .png go")
    parser.add_argument(
        "--previous", help="benchmarks.json of the run to compare with (default: the one in --out)"
    )
    return parser.parse_args(argv)


def measure(
    workers: probes.Workers, budget: Budget, with_gateway: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every stage in turn: (figures, profiles)."""
    stages = [
        ("cold imports", probes.cold_imports),
        ("first calls", probes.first_calls),
        ("memory", probes.memory),
        ("overhead, decoding, streaming", probes.in_process),
    ]
    if with_gateway:
        stages.append(("real gateway", probes.through_gateway))
        stages.append(("real gateway: connections, first chunk, soak", probes.gateway_extras))
    figures: dict[str, Any] = {}
    for title, stage in stages:
        started = time.monotonic()
        figures.update(stage(workers, budget))
        print(f"bench: {title}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    profiles = {
        "import_beyond_httpx": probes.import_profile(workers, "portkey_typed", "httpx"),
        "portkey_typed": workers.json("bench.profiles", "portkey-typed", str(budget.overhead_calls)),
    }
    return figures, profiles


def previous_run(path: Path) -> dict[str, Any] | None:
    """The commit and figures of the run written at `path` before this one (the `before` column)."""
    if not path.is_file():
        return None
    document = json.loads(path.read_text())
    return {"commit": document["machine"]["portkey_typed_commit"], "figures": document["figures"]}


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    budget = QUICK if args.quick else FULL
    started = time.monotonic()
    out = Path(args.out)
    previous = previous_run(Path(args.previous) if args.previous else out / "benchmarks.json")
    python = ensure_bench_venv()
    about = machine.describe(python)
    with tempfile.TemporaryDirectory(prefix="portkey-bench-") as folder:
        code = snapshot(generated_root(args.generated), Path(folder))
        figures, profiles = measure(probes.Workers(python, worker_env(code)), budget, not args.skip_gateway)
        about["load_average_at_end"] = machine.load_average()
        seconds = time.monotonic() - started
        out.mkdir(parents=True, exist_ok=True)
        checks = report.write(
            out,
            machine=about,
            budget=budget,
            figures=figures,
            profiles=profiles,
            seconds=seconds,
            previous=previous,
            chart=True,
        )
        workers = probes.Workers(python, worker_env(code))
        workers.output(["-m", "bench.chart", str(out / "benchmarks.json"), str(out / "benchmarks.png")])
    for check in checks:
        ratio = "-" if check["ratio"] is None else f"{check['ratio']:.3f}"
        status = {True: "met", False: "MISSED", None: "not measured"}[check["met"]]
        print(f"bench: {status:>12}  {check['goal']} (ratio {ratio})", file=sys.stderr)
    print(f"bench: wrote {out / 'benchmarks.md'} in {seconds:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
