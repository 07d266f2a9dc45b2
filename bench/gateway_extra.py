"""`python -m bench.gateway_extra FIGURE SDK GATEWAY_URL UPSTREAM_URL ARGS...`: one figure through the real
gateway, with the SDK's own default connection pool (what a user gets), printed as JSON.

- `connections REQUESTS CONCURRENCY`: TCP connections the client opens for REQUESTS async chat calls with
  CONCURRENCY in flight, counted by a loopback proxy in front of the gateway (one accept per connection).
- `soak REQUESTS CONCURRENCY`: throughput of a long async run and the client's RSS before and after it.
- `first_chunk STREAMS`: wall time from the call to the first chunk of a streamed chat, one stream at a time.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from bench.inprocess import content_of
from bench.stats import median
from bench.subjects import SUBJECTS, Subject, Target


class CountingProxy:
    """A loopback TCP proxy that forwards every connection to `upstream` and counts them."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.accepted = 0

    async def start(self) -> asyncio.Server:
        return await asyncio.start_server(self._serve, "127.0.0.1", 0, backlog=1024)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.accepted += 1
        for attempt in range(5):
            try:
                up_reader, up_writer = await asyncio.open_connection(self.host, self.port)
                break
            except OSError:
                await asyncio.sleep(0.05 * (attempt + 1))
        else:
            writer.close()
            return
        await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def _calls(subject: Subject, client: Any, requests: int, concurrency: int) -> int:
    """Send the calls; the number that failed (a loaded machine refuses a connection now and then)."""
    remaining = iter(range(requests))
    failed = 0

    async def worker() -> None:
        nonlocal failed
        for _ in remaining:
            try:
                if not content_of(await subject.achat(client)):
                    raise AssertionError(f"{subject.name}: empty answer through the gateway")
            except Exception:  # counted and reported with the figure
                failed += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return failed


async def connections(subject: Subject, target: Target, requests: int, concurrency: int) -> dict[str, Any]:
    gateway = httpx.URL(target.base_url)
    proxy = CountingProxy(gateway.host, gateway.port or 80)
    server = await proxy.start()
    port = server.sockets[0].getsockname()[1]
    proxied = Target(base_url=str(gateway.copy_with(port=port)), custom_host=target.custom_host)
    client = subject.default_async_client(proxied)
    try:
        failed = await _calls(subject, client, requests, concurrency)
    finally:
        await subject.aclose(client)
        server.close()
    return {
        "connections_per_1000": proxy.accepted * 1000 / requests,
        "connections": proxy.accepted,
        "failed": failed,
    }


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


async def soak(subject: Subject, target: Target, requests: int, concurrency: int) -> dict[str, Any]:
    client = subject.default_async_client(target)
    try:
        await _calls(subject, client, concurrency, concurrency)
        rss_start = rss_mib()
        started = time.perf_counter()
        failed = await _calls(subject, client, requests, concurrency)
        elapsed = time.perf_counter() - started
        rss_end = rss_mib()
    finally:
        await subject.aclose(client)
    return {
        "soak_rps": requests / elapsed,
        "soak_rss_start_mb": rss_start,
        "soak_rss_end_mb": rss_end,
        "soak_failed": failed,
    }


async def first_chunk(subject: Subject, target: Target, streams: int) -> dict[str, Any]:
    client = subject.default_async_client(target)
    times: list[float] = []
    try:
        for index in range(streams + 1):
            started = time.perf_counter()
            iterator = (await subject.astream(client)).__aiter__()
            await iterator.__anext__()
            elapsed = time.perf_counter() - started
            async for _ in iterator:
                pass
            if index:  # the first stream opens the connection
                times.append(elapsed * 1e3)
    finally:
        await subject.aclose(client)
    return {"first_chunk_ms": median(times)}


FIGURES: dict[str, Callable[..., Awaitable[dict[str, Any]]]] = {
    "connections": connections,
    "soak": soak,
    "first_chunk": first_chunk,
}


def main(argv: list[str]) -> None:
    figure, name, gateway, upstream, *numbers = argv
    target = Target(base_url=gateway, custom_host=upstream)
    result = asyncio.run(FIGURES[figure](SUBJECTS[name], target, *(int(n) for n in numbers)))
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
