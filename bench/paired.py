"""`python -m bench.paired SDK BUDGET_JSON`: an SDK's cost over the floor's, measured side by side.

On a shared 2-core machine the CPU's speed drifts from one process to the next (the floor's own per-request
time ranged 115-215 µs over three fresh processes in one minute), which swamps a 10% difference between
figures taken in separate processes. Here the SDK and the floor (httpx+json) run in one process, in
alternating blocks of the same work; each block pair gives a ratio, and the figure is their median.

Each block runs in the order SDK, floor, floor, SDK after one untimed call of each. Timed SDK-then-floor,
the side that ran first paid for the collection before it (`gc.collect()` empties the allocator's free
lists) and for the switch from the other's code and data: the floor's large decode measured against
itself came out 1.44x with three calls per block. `floor_self_check` is that control, measured the way
the figures are: it should read close to 1.00.
Prints one JSON object: per figure, the SDK's time over the floor's (for streams: its rate over the floor's).
"""

from __future__ import annotations

import asyncio
import gc
import json
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from bench import payloads
from bench.subjects import SUBJECTS, PortkeyTyped, RawHttpx, Subject, Target
from bench.transport import async_sse_transport, json_transport, sse_transport

FLOOR = RawHttpx()


def _timed(call: Callable[[], object], repeat: int) -> float:
    started = time.process_time()
    for _ in range(repeat):
        call()
    return time.process_time() - started


async def _atimed(call: Callable[[], Awaitable[object]], repeat: int) -> float:
    started = time.process_time()
    for _ in range(repeat):
        await call()
    return time.process_time() - started


def paired(mine: Callable[[], object], floor: Callable[[], object], repeat: int, blocks: int) -> float:
    """Median over `blocks` of (time of 2 x `repeat` calls of `mine`) / (the same of `floor`), each block
    timed mine, floor, floor, mine."""
    _timed(mine, repeat)  # warm-up
    _timed(floor, repeat)
    ratios = []
    for _ in range(blocks):
        gc.collect()
        mine()
        floor()
        first = _timed(mine, repeat)
        floors = _timed(floor, repeat) + _timed(floor, repeat)
        ratios.append((first + _timed(mine, repeat)) / floors)
    return statistics.median(ratios)


async def apaired(
    mine: Callable[[], Awaitable[object]], floor: Callable[[], Awaitable[object]], repeat: int, blocks: int
) -> float:
    """`paired` for awaited calls, one at a time on one event loop."""
    await _atimed(mine, repeat)  # warm-up
    await _atimed(floor, repeat)
    ratios = []
    for _ in range(blocks):
        gc.collect()
        await mine()
        await floor()
        first = await _atimed(mine, repeat)
        floors = await _atimed(floor, repeat) + await _atimed(floor, repeat)
        ratios.append((first + await _atimed(mine, repeat)) / floors)
    return statistics.median(ratios)


def clients(subject: Subject, body: bytes) -> tuple[Any, Any]:
    """The subject's client and the floor's, each on its own httpx client over the same answer."""
    make = lambda: httpx.Client(transport=json_transport(body))  # noqa: E731
    return subject.sync_client(Target(), make()), FLOOR.sync_client(Target(), make())


def measure(subject: Subject, budget: dict[str, int]) -> dict[str, float]:
    calls, blocks = budget["overhead_calls"], budget["paired_blocks"]
    mine, floor = clients(subject, payloads.small_chat())
    results = {
        "overhead_sync_us": paired(lambda: subject.chat(mine), lambda: FLOOR.chat(floor), calls, blocks)
    }
    mine, floor = clients(subject, payloads.large_chat())
    results["large_chat_ms"] = paired(lambda: subject.chat(mine), lambda: FLOOR.chat(floor), 3, blocks)
    twin = clients(subject, payloads.large_chat())[1]
    results["floor_self_check"] = paired(lambda: FLOOR.chat(twin), lambda: FLOOR.chat(floor), 3, blocks)

    streams = [
        subject.sync_client(Target(), httpx.Client(transport=sse_transport(payloads.stream_frames()))),
        FLOOR.sync_client(Target(), httpx.Client(transport=sse_transport(payloads.stream_frames()))),
    ]
    time_ratio = paired(
        lambda: sum(1 for _ in subject.stream(streams[0])),
        lambda: sum(1 for _ in FLOOR.stream(streams[1])),
        1,
        max(3, blocks // 3),
    )
    results["stream_sync_chunks_per_s"] = 1 / time_ratio
    if isinstance(subject, PortkeyTyped):
        results.update(resource_streams(subject, max(3, blocks // 3)))

    async def async_figures() -> dict[str, float]:
        small = [
            subject.async_client(
                Target(), httpx.AsyncClient(transport=json_transport(payloads.small_chat()))
            ),
            FLOOR.async_client(Target(), httpx.AsyncClient(transport=json_transport(payloads.small_chat()))),
        ]
        overhead = await apaired(
            lambda: subject.achat(small[0]), lambda: FLOOR.achat(small[1]), calls, blocks
        )
        frames = payloads.stream_frames()
        streamers = [
            subject.async_client(Target(), httpx.AsyncClient(transport=async_sse_transport(frames))),
            FLOOR.async_client(Target(), httpx.AsyncClient(transport=async_sse_transport(frames))),
        ]

        async def consume(sdk: Subject, client: Any) -> int:
            return sum([1 async for _ in await sdk.astream(client)])

        stream = await apaired(
            lambda: consume(subject, streamers[0]),
            lambda: consume(FLOOR, streamers[1]),
            1,
            max(3, blocks // 3),
        )
        return {"overhead_async_us": overhead, "stream_async_chunks_per_s": 1 / stream}

    results.update(asyncio.run(async_figures()))

    decoder = subject.chunk_decoder()
    if decoder is not None:
        events = [frame.decode()[len("data: ") :].strip() for frame in payloads.stream_frames()[:2_001]]
        results["chunk_decode_us"] = paired(
            lambda: [decoder(data) for data in events],
            lambda: [json.loads(data) for data in events],
            1,
            blocks,
        )
    return results


def resource_streams(subject: PortkeyTyped, blocks: int) -> dict[str, float]:
    """The other streaming resources' chunk rates over the floor's (sync), each on its own payload."""
    results = {}
    for resource in payloads.RESOURCE_STREAMS:
        frames = payloads.resource_stream_frames(resource)
        mine = subject.sync_client(Target(), httpx.Client(transport=sse_transport(frames)))
        floor = FLOOR.sync_client(Target(), httpx.Client(transport=sse_transport(frames)))

        def typed(client: Any = mine, resource: str = resource) -> int:
            with subject.resource_stream(client, resource) as stream:
                return sum(1 for _ in stream)

        def raw(client: Any = floor, resource: str = resource) -> int:
            return sum(1 for _ in FLOOR.resource_events(client, resource))

        if typed() != raw():
            raise RuntimeError(
                f"bench: the {resource} stream gave the SDK and the floor different event counts"
            )
        results[f"stream_{resource.replace('/', '_')}_chunks_per_s"] = 1 / paired(typed, raw, 1, blocks)
    return results


def main(argv: list[str]) -> None:
    name, budget = argv[0], json.loads(argv[1])
    print(json.dumps(measure(SUBJECTS[name], budget)))


if __name__ == "__main__":
    main(sys.argv[1:])
