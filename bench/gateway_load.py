"""`python -m bench.gateway_load SDK GATEWAY_URL UPSTREAM_URL REQUESTS CONCURRENCY WARM_UP`.

Sends REQUESTS async chat completions through the real gateway, CONCURRENCY in flight at a time, on one
shared connection pool, and prints throughput, latency percentiles and this client's CPU time per request
as JSON.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

import httpx

from bench.inprocess import content_of
from bench.stats import median, percentile
from bench.subjects import SUBJECTS, Subject, Target

TIMEOUT = httpx.Timeout(30.0)


async def load(
    subject: Subject, target: Target, requests: int, concurrency: int, warm_up: int
) -> dict[str, Any]:
    """WARM_UP requests first, not counted (they open the pool's connections), then the timed ones."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=TIMEOUT) as http:
        client = subject.async_client(target, http)
        await _run(subject, client, warm_up, concurrency)
        started, started_cpu = time.perf_counter(), time.process_time()
        latencies = await _run(subject, client, requests, concurrency)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    latencies_ms = [seconds * 1e3 for seconds in latencies]
    return {
        "requests": requests,
        "concurrency": concurrency,
        "seconds": elapsed,
        "throughput_rps": requests / elapsed,
        "p50_ms": median(latencies_ms),
        "p99_ms": percentile(latencies_ms, 99),
        "client_cpu_us": cpu / requests * 1e6,
    }


async def _run(subject: Subject, client: Any, requests: int, concurrency: int) -> list[float]:
    """Send `requests` calls from `concurrency` workers; the latency of each, in seconds."""
    remaining = iter(range(requests))
    latencies: list[float] = []

    async def worker() -> None:
        for _ in remaining:
            started = time.perf_counter()
            result = await subject.achat(client)
            latencies.append(time.perf_counter() - started)
            if not content_of(result):
                raise AssertionError(f"{subject.name}: empty answer through the gateway")

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


def main(argv: list[str]) -> None:
    name, gateway, upstream, requests, concurrency, warm_up = argv
    target = Target(base_url=gateway, custom_host=upstream)
    figures = load(SUBJECTS[name], target, int(requests), int(concurrency), int(warm_up))
    print(json.dumps(asyncio.run(figures)))


if __name__ == "__main__":
    main(sys.argv[1:])
