"""Turn the collected figures into `docs/benchmarks.json` and the tables of `docs/benchmarks.md`."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.budget import QUICK, Budget
from bench.names import SDK_NAMES
from bench.payloads import RESOURCE_STREAMS

TYPED, OFFICIAL, RAW = "portkey-typed", "portkey-ai", "httpx+json"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    digits: int
    higher_is_better: bool = False


FIGURES = (
    Figure("import_ms", "Cold `import`, CPU", "ms", 1),
    Figure("import_wall_ms", "Cold `import`, wall", "ms", 1),
    Figure("import_modules", "Modules the import loads", "", 0),
    Figure("first_call_ms", "First call: import + client + 1 chat, CPU", "ms", 1),
    Figure("first_call_wall_ms", "First call: import + client + 1 chat, wall", "ms", 1),
    Figure("overhead_sync_us", "Per request, sync, CPU", "µs", 0),
    Figure("overhead_async_us", "Per request, async, CPU", "µs", 0),
    Figure("large_chat_ms", "Decode 64 choices x 4 tool calls, CPU", "ms", 2),
    Figure("chunk_decode_us", "Decode one stream chunk (JSON parse + typed chunk), CPU", "µs", 2),
    Figure("embeddings_ms", "Decode 256 embeddings x 1,536 floats, CPU", "ms", 1),
    Figure("stream_sync_chunks_per_s", "Stream 10,002 chunks, sync, per CPU second", "chunks/s", 0, True),
    Figure("stream_async_chunks_per_s", "Stream 10,002 chunks, async, per CPU second", "chunks/s", 0, True),
    Figure("gateway_throughput_rps", "Real gateway: throughput", "req/s", 0, True),
    Figure("gateway_p50_ms", "Real gateway: p50 latency", "ms", 1),
    Figure("gateway_p99_ms", "Real gateway: p99 latency", "ms", 1),
    Figure("gateway_client_cpu_us", "Real gateway: client CPU per request", "µs", 0),
    Figure("gateway_gateway_cpu_us", "Real gateway: gateway (node) CPU per request", "µs", 0),
    Figure(
        "connections_per_1000",
        "Real gateway, default pool: TCP connections per 1,000 requests, 100 in flight",
        "",
        0,
    ),
    Figure("first_chunk_ms", "Real gateway, default pool: time to a stream's first chunk, wall", "ms", 1),
    Figure("rss_import_mb", "RSS after import", "MiB", 1),
    Figure("rss_requests_mb", "RSS after the request loop", "MiB", 1),
)


def value(figures: dict[str, Any], key: str, sdk: str) -> float | None:
    """The median of a figure for one SDK (None when that stage did not run)."""
    entry = figures.get(key, {}).get(sdk)
    if entry is None:
        return None
    return float(entry["median"] if isinstance(entry, dict) else entry)


@dataclass(frozen=True)
class Target:
    goal: str
    figure: str
    measure: Callable[[dict[str, Any]], float | None]
    """The ratio the goal bounds, from the figures."""
    limit: float
    at_least: bool = False

    def check(self, figures: dict[str, Any]) -> dict[str, Any]:
        ratio = self.measure(figures)
        met = None if ratio is None else (ratio >= self.limit if self.at_least else ratio <= self.limit)
        return {"goal": self.goal, "figure": self.figure, "ratio": ratio, "limit": self.limit, "met": met}


def paired_ratio(figures: dict[str, Any], key: str) -> float | None:
    """portkey-typed's figure over the floor's, measured side by side in one process (`bench.paired`);
    None when that figure was not paired. For rates (chunks/s) it is the rate ratio, like `_ratio`'s."""
    entry = figures.get("paired_with_floor", {}).get(key)
    return None if entry is None else float(entry["median"])


def _floor_ratio(key: str) -> Callable[[dict[str, Any]], float | None]:
    """The paired ratio to the floor where there is one, else the ratio of separate processes' medians."""
    separate = _ratio(key, RAW)
    return lambda figures: paired_ratio(figures, key) or separate(figures)


def _ratio(key: str, over: str) -> Callable[[dict[str, Any]], float | None]:
    def measure(figures: dict[str, Any]) -> float | None:
        mine, theirs = value(figures, key, TYPED), value(figures, key, over)
        return None if mine is None or not theirs else mine / theirs

    return measure


TARGETS = (
    Target("import <= 1/10 of portkey-ai's", "import_ms", _ratio("import_ms", OFFICIAL), 0.1),
    Target("import within 1.5x of httpx alone", "import_ms", _ratio("import_ms", RAW), 1.5),
    Target(
        "sync per-request <= 1/2 of portkey-ai's",
        "overhead_sync_us",
        _ratio("overhead_sync_us", OFFICIAL),
        0.5,
    ),
    Target(
        "async per-request <= 1/2 of portkey-ai's",
        "overhead_async_us",
        _ratio("overhead_async_us", OFFICIAL),
        0.5,
    ),
    Target(
        "sync per-request within 1.1x of httpx+json",
        "overhead_sync_us",
        _floor_ratio("overhead_sync_us"),
        1.1,
    ),
    Target(
        "async per-request within 1.1x of httpx+json",
        "overhead_async_us",
        _floor_ratio("overhead_async_us"),
        1.1,
    ),
    Target(
        "64 x 4 tool-call decode within 1.5x of httpx+json",
        "large_chat_ms",
        _floor_ratio("large_chat_ms"),
        1.5,
    ),
    Target(
        "stream chunk decode within 1.5x of json.loads alone",
        "chunk_decode_us",
        _floor_ratio("chunk_decode_us"),
        1.5,
    ),
    Target(
        "sync streaming >= portkey-ai's chunks/s",
        "stream_sync_chunks_per_s",
        _ratio("stream_sync_chunks_per_s", OFFICIAL),
        1.0,
        at_least=True,
    ),
    Target(
        "async streaming >= portkey-ai's chunks/s",
        "stream_async_chunks_per_s",
        _ratio("stream_async_chunks_per_s", OFFICIAL),
        1.0,
        at_least=True,
    ),
    Target(
        "sync streaming >= 0.7x of httpx+json's chunks/s",
        "stream_sync_chunks_per_s",
        _floor_ratio("stream_sync_chunks_per_s"),
        0.7,
        at_least=True,
    ),
    Target(
        "async streaming >= 0.7x of httpx+json's chunks/s",
        "stream_async_chunks_per_s",
        _floor_ratio("stream_async_chunks_per_s"),
        0.7,
        at_least=True,
    ),
    *(
        Target(
            f"{resource} streaming >= 0.7x of httpx+json's chunks/s",
            f"stream_{resource.replace('/', '_')}_chunks_per_s",
            _floor_ratio(f"stream_{resource.replace('/', '_')}_chunks_per_s"),
            0.7,
            at_least=True,
        )
        for resource in RESOURCE_STREAMS
    ),
    Target(
        "RSS after import <= 1/3 of portkey-ai's", "rss_import_mb", _ratio("rss_import_mb", OFFICIAL), 1 / 3
    ),
)

KEPT = ("import_ms", "first_call_ms", "rss_import_mb", "rss_requests_mb")
"""Figures that must stay within 10% of the previous run's (the `before` column), compared as ratios to
the floor (httpx+json) of their own run, so that load on the machine during either run cancels out."""


def kept_targets(figures: dict[str, Any], previous: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not previous:
        return []
    checks = []
    for key in KEPT:
        now, before = _ratio(key, RAW)(figures), _ratio(key, RAW)(previous["figures"])
        ratio = None if now is None or not before else now / before
        checks.append(
            {
                "goal": f"{key} / httpx+json within 10% of that ratio at {previous['commit']}",
                "figure": key,
                "ratio": ratio,
                "limit": 1.1,
                "met": None if ratio is None else ratio <= 1.1,
            }
        )
    return checks


def _number(amount: float | None, digits: int) -> str:
    if amount is None:
        return "-"
    return f"{amount:,.{digits}f}"


def results_table(figures: dict[str, Any], previous: dict[str, Any] | None) -> list[str]:
    before = [f"portkey-typed before ({previous['commit']})"] if previous else []
    head = [
        "Figure",
        *before,
        *SDK_NAMES,
        "portkey-typed / portkey-ai",
        "portkey-typed / httpx+json",
        "portkey-typed / httpx+json, paired",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for figure in FIGURES:
        if figure.key not in figures:
            continue
        unit = f" ({figure.unit})" if figure.unit else ""
        better = "higher is better" if figure.higher_is_better else "lower is better"
        cells = [f"{figure.label}{unit}, {better}"]
        if previous:
            cells.append(_number(value(previous["figures"], figure.key, TYPED), figure.digits))
        cells += [_number(value(figures, figure.key, sdk), figure.digits) for sdk in SDK_NAMES]
        mine = value(figures, figure.key, TYPED)
        for other in (OFFICIAL, RAW):
            theirs = value(figures, figure.key, other)
            cells.append(f"{mine / theirs:.2f}x" if mine is not None and theirs else "-")
        paired = paired_ratio(figures, figure.key)
        cells.append("-" if paired is None else f"{paired:.2f}x")
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def soak_lines(figures: dict[str, Any], budget: Budget) -> list[str]:
    soak = figures.get("soak")
    if not soak:
        return []
    return [
        "",
        f"Async soak through the real gateway, portkey-typed on its default pool: {budget.soak_requests:,} "
        f"requests with {budget.connection_concurrency} in flight, {soak['soak_rps']:,.0f} requests/s; client "
        f"RSS {soak['soak_rss_start_mb']:.1f} MiB at the start (after {budget.connection_concurrency} warm-up "
        f"requests) and {soak['soak_rss_end_mb']:.1f} MiB at the end; {soak['soak_failed']} calls failed.",
    ]


def targets_table(checks: list[dict[str, Any]]) -> list[str]:
    lines = ["| Target | Measured ratio | Limit | Status |", "|---|---|---|---|"]
    for check in checks:
        status = {True: "met", False: "**missed**", None: "not measured"}[check["met"]]
        ratio = "-" if check["ratio"] is None else f"{check['ratio']:.3f}"
        lines.append(f"| {check['goal']} | {ratio} | {check['limit']:.3f} | {status} |")
    return lines


def machine_table(machine: dict[str, Any], seconds: float, budget: Budget) -> list[str]:
    versions = ", ".join(f"{name} {version}" for name, version in machine["versions"].items())
    rows = [
        ("CPU", machine["cpu"]),
        ("Cores", str(machine["cores"])),
        ("Python", machine["python"]),
        ("OS", machine["os"]),
        (
            "Load average (1, 5, 15 min)",
            f"{machine['load_average_at_start']} at start, {machine['load_average_at_end']} at end",
        ),
        ("portkey-typed commit", machine["portkey_typed_commit"]),
        ("Packages in .bench-venv", versions),
        ("Whole run", f"{seconds:.0f} s"),
        (
            "Repetitions",
            "quick (`make bench BENCH_ARGS=--quick`)" if budget == QUICK else "full (`make bench`)",
        ),
    ]
    return ["| | |", "|---|---|", *(f"| {name} | {text} |" for name, text in rows)]


def load_note(machine: dict[str, Any]) -> list[str]:
    """A warning when other work shared the machine: absolute figures then swell; ratios hold better."""
    busiest = max(machine["load_average_at_start"][0], machine["load_average_at_end"][0])
    if busiest <= machine["cores"]:
        return []
    return [
        f"The machine was shared during this run (load average up to {busiest:.1f} on {machine['cores']} "
        "cores): every absolute figure is inflated, CPU times included (caches and frequency are shared). "
        "Read the ratios between subjects of the same run, which were interleaved.",
        "",
    ]


def profile_tables(profiles: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    extra = profiles.get("import_beyond_httpx")
    if extra:
        lines += [
            "",
            "`import portkey_typed`: what it loads that `import httpx` does not, by top-level package "
            "(`-X importtime` own time, wall clock, median of 5 fresh processes per module):",
            "",
            "| Package | Modules | Own time (ms) |",
            "|---|---|---|",
            *(f"| `{row['package']}` | {row['modules']} | {row['self_ms']:.1f} |" for row in extra),
        ]
    for key, title in (
        ("per_call", "one small sync chat call (µs per call)"),
        ("per_stream", "one 10,002-chunk sync stream (µs per stream)"),
    ):
        rows = profiles.get("portkey_typed", {}).get(key)
        if not rows:
            continue
        lines += [
            "",
            f"portkey-typed, cProfile (CPU clock) of {title}, the functions with the most own time "
            "(profiling slows every call; compare rows with each other, not with the tables above):",
            "",
            "| Function | Calls | Own (µs) | Cumulative (µs) |",
            "|---|---|---|---|",
            *(
                f"| `{row['function']}` | {row['calls']:,.0f} | {row['own_us']:,.1f} | {row['cumulative_us']:,.1f} |"
                for row in rows
            ),
        ]
    return lines


def decode_lines(profiles: dict[str, Any], figures: dict[str, Any]) -> list[str]:
    """What is left of decoding the large chat completion, and why it does not go lower."""
    parts = profiles.get("portkey_typed", {}).get("decode_breakdown")
    if not parts:
        return []
    chunk = _floor_ratio("chunk_decode_us")(figures)
    chunk_text = (
        ""
        if chunk is None
        else f" A stream chunk (3 objects, 15 fields read) is parsed and decoded in {chunk:.2f}x the time of "
        "`json.loads` alone, paired in one process."
    )
    objects = int(parts["objects"])
    per_object = (parts["from_dict_us"] - parts["instances_us"]) / objects * 1e3
    parse = parts.get("parse_us", parts["json_loads_us"])
    fresh = parts.get("parse_and_decode_us")
    fresh_text = (
        ""
        if fresh is None
        else f" Parsing and decoding a fresh copy each time, as a call does, takes {fresh:,.0f} "
        f"({fresh / parts['json_loads_us']:.2f}x of `json.loads`): each call builds a new tree of dicts and then "
        "one of instances, with the allocations, cache misses and collector passes over young objects that "
        "re-decoding one warm tree does not have."
    )
    whole = _floor_ratio("large_chat_ms")(figures)
    whole_text = "" if whole is None else f" The whole call, paired with the floor's, costs {whole:.2f}x."
    return [
        "",
        f"Decoding the 64 x 4 tool-call completion ({objects} objects), CPU µs, medians in one process: "
        f"`json.loads` {parts['json_loads_us']:,.0f}; portkey-typed's parser (orjson, and `json` where the "
        f"two would differ) {parse:,.0f}; `ChatCompletion.from_dict` of its result {parts['from_dict_us']:,.0f}"
        f"; the two together {(parse + parts['from_dict_us']) / parts['json_loads_us']:.2f}x of `json.loads` "
        f"alone. Of `from_dict`, making the {objects} instances alone takes {parts['instances_us']:,.0f} (an "
        "object without keys beyond the described ones gets no `additional_properties` dict until one is "
        f"read); the rest is {per_object:,.0f} ns per object: the `from_dict` call, reading and type-testing "
        "each field (one dict lookup and one `__class__` test, about 30-40 ns a field) and setting it. That is "
        "the floor of a Python decoder that checks every field and returns attrs instances (one Python call "
        "and one instance per object); going lower needs that work done in C."
        + fresh_text
        + whole_text
        + chunk_text,
    ]


def method_lines(budget: Budget, figures: dict[str, Any]) -> list[str]:
    b = budget
    control = paired_ratio(figures, "floor_self_check")
    return [
        "- CPU time (`time.process_time` of the measuring process) is the headline for everything that runs "
        "in one process without waiting on the network: on a shared 2-core machine it stays within a few "
        "percent from run to run, where wall time swings 2-3x with other load. Wall time is given where a "
        "person waits on it (import, first call) and for the real gateway.",
        f"- Cold import: `python -c 'import X'` in {b.import_runs} fresh processes per SDK after one warm-up run "
        "(bytecode cached), timed inside the process around the `import` statement; modules = growth of "
        "`sys.modules`. The httpx+json column is `import httpx`.",
        f"- First call: {b.first_call_runs} fresh processes per SDK, each timing import, client construction and "
        "one small chat completion answered by an in-process `httpx.MockTransport`.",
        f"- Per request, large decodes and streaming: {b.inprocess_rounds} processes per SDK, interleaved "
        "with the other SDKs; each figure is the median over those processes. Each process makes "
        f"{b.overhead_calls} warm-up calls, then times {b.overhead_calls} sequential small chat calls (its "
        "figure is the mean time per call), sync and async. Every SDK gets the same httpx client type over "
        "the same MockTransport and the same answer bytes; httpx+json is `json.dumps` + `httpx.post` + "
        "`json.loads`, the floor.",
        f"- Paired with the floor: the separate processes above are at the mercy of the machine's speed, "
        "which drifts from one process to the next on a shared VM (the floor's per-request time ranged "
        "115-215 µs over three fresh processes in one minute). So portkey-typed and httpx+json also run "
        f"side by side in one process (`bench/paired.py`, {b.inprocess_rounds} processes): alternating blocks "
        f"of the same work ({b.overhead_calls} small calls, 3 large decodes or one whole stream per block, "
        f"{b.paired_blocks} blocks for calls and decodes, {max(3, b.paired_blocks // 3)} for streams), each "
        "block timed portkey-typed, floor, floor, portkey-typed after one untimed call of each; each block "
        "gives a ratio, the process's figure is their median, the column the median over the processes. The "
        "targets against the floor use this column where it has a value. The order matters for short blocks: "
        "timed one side then the other, whichever ran first after the block's `gc.collect()` paid more (the "
        "floor's large decode against itself read 1.44x, and portkey-typed's large decode 1.6-1.8x where "
        "the balanced order gives about 1.4x)."
        + (
            ""
            if control is None
            else f" The control, the floor's large decode measured against itself this way, reads {control:.2f}x."
        ),
        f"- Large decodes: in each process, the median of {b.large_chat_runs} (chat) and {b.embedding_runs} "
        '(embeddings) calls after a warm-up; every SDK asks for `encoding_format="float"` so all decode '
        "the same JSON numbers.",
        "- Other streaming resources (the targets named after them): completions, responses, messages and "
        "threads/runs (assistants) streams of 10,000 text events and their end marker (with the `event:` "
        "lines the last three send), portkey-typed's typed events against the floor's `json.loads` of each `data:` line over the "
        f"same bytes, sync, paired as above ({max(3, b.paired_blocks // 3)} blocks per process).",
        "- Streaming: 10,000 content chunks plus a role and a finish chunk, one SSE event per network read; "
        "in each process one whole stream after a warm-up stream, each SDK yielding its own typed chunks "
        "(httpx+json yields dicts).",
        f"- Real gateway: `@portkey-ai/gateway` from node_modules and the tests/harness upstream on loopback, "
        f"{b.gateway_requests} async requests with {b.gateway_concurrency} in flight on a pool of "
        f"{b.gateway_concurrency} connections after {b.gateway_warm_up} warm-up requests; {b.gateway_rounds} rounds, SDKs "
        "interleaved; the figure is the median of the rounds. Client, gateway and upstream share the 2 cores. "
        "CPU per request is the client process's CPU time and the node process's (from /proc) over the "
        "timed requests. Reading these rows: with 50 requests in flight on one httpx pool, httpcore's pool "
        "bookkeeping (`ConnectionPool._assign_requests_to_connections` checks every connection on every "
        "event) takes most of the client's CPU whatever the SDK (about 0.5 ms per request at 1 in flight, "
        "3.5 ms at 50, raw httpx straight to the upstream), so SDK differences are small next to it.",
        f"- Decode one stream chunk: each of the stream's {10_002:,} event payloads parsed as the client parses "
        "them (orjson) plus the typed chunk (`ChatCompletionChunk.from_dict`); httpx+json is `json.loads` "
        "alone, the floor. The "
        "official SDKs decode chunks inside their stream machinery only, so they have no figure here.",
        f"- Real gateway, default pool: each SDK's client as a user builds it (its own connection pool and "
        f"limits). Connections: {b.connection_requests:,} async chat calls with {b.connection_concurrency} in "
        "flight through a loopback TCP proxy in the worker process that counts the connections it accepts, "
        f"scaled to 1,000 requests. First chunk: {b.first_chunk_streams} streamed chats one after another "
        "after one that opens the connection, wall time from the call to the first typed chunk (the gateway "
        "itself waits about 25 ms before it sends the first chunk); median. Soak: portkey-typed only.",
        f"- Memory: VmRSS in fresh processes after `import X` and after {b.memory_requests} small chat calls, "
        f"median of {b.memory_runs}; the bare interpreter is given for scale.",
        "- Runs of different SDKs are interleaved, so load from elsewhere on the machine spreads over all of "
        "them. Medians are reported; docs/benchmarks.json also has the best run and every run.",
    ]


def write(
    out_dir: Path,
    *,
    machine: dict[str, Any],
    budget: Budget,
    figures: dict[str, Any],
    profiles: dict[str, Any],
    seconds: float,
    previous: dict[str, Any] | None,
    chart: bool,
) -> list[dict[str, Any]]:
    """Write both files; returns the target checks. `previous`: the last run's commit and figures, shown
    as the `before` column; `chart`: whether benchmarks.png is drawn (after this, by bench/chart.py)."""
    checks = [target.check(figures) for target in TARGETS] + kept_targets(figures, previous)
    document = {
        "previous": previous,
        "machine": machine,
        "budget": budget.as_dict(),
        "seconds": seconds,
        "figures": figures,
        "targets": checks,
        "profiles": profiles,
    }
    (out_dir / "benchmarks.json").write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    bare = figures.get("rss_bare_mb")
    lines = [
        "# Benchmarks: portkey-typed next to the official portkey-ai SDK",
        "",
        "Written by `make bench` (`bench/run.py`); do not edit by hand. Every figure is a median; the raw runs "
        "are in [benchmarks.json](benchmarks.json). No test asserts a time: these figures are for reading.",
        "",
        *(
            [
                "![portkey-typed's cost relative to the official SDK and to the floor, per figure; below 1 is "
                "better](benchmarks.png)",
                "",
            ]
            if chart
            else []
        ),
        "## Machine",
        "",
        *machine_table(machine, seconds, budget),
        "",
        *load_note(machine),
        "## Results",
        "",
        "openai is the openai SDK pointed at the gateway with the Portkey headers added by hand; httpx+json is "
        "the floor (no SDK).",
        "",
        *results_table(figures, previous),
        "",
        f"The bare interpreter's RSS is {bare:.1f} MiB." if isinstance(bare, float) else "",
        *soak_lines(figures, budget),
        "",
        "## Targets",
        "",
        *targets_table(checks),
        "",
        "## How it is measured",
        "",
        *method_lines(budget, figures),
        "",
        "## Where the time goes",
        *decode_lines(profiles, figures),
        *profile_tables(profiles),
        "",
    ]
    (out_dir / "benchmarks.md").write_text("\n".join(lines))
    return checks
