"""`python -m bench.inprocess SDK BUDGET_JSON`: per-request overhead, large decodes and streaming.

Measures one SDK once, in a process of its own, against in-process MockTransports, and prints one JSON
object. The orchestrator starts several such processes per SDK, interleaved with the other SDKs.
Times are this process's CPU time (`time.process_time`): the work is CPU-bound, and on a shared machine
CPU time stays steady where wall time swings with whatever else runs.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx

from bench import payloads
from bench.stats import median
from bench.subjects import SUBJECTS, Subject, Target
from bench.transport import async_sse_transport, json_transport, sse_transport

EXPECTED_CONTENT = "Hello there, how are you?"


def content_of(result: Any) -> Any:
    """The first choice's message content of a chat result, typed model or plain dict."""
    if isinstance(result, dict):
        return result["choices"][0]["message"]["content"]
    return result.choices[0].message.content


def count_of(result: Any, field: str) -> int:
    return len(result[field] if isinstance(result, dict) else getattr(result, field))


def per_call_us(call: Callable[[], object], calls: int) -> float:
    """Mean CPU time of one call in microseconds over `calls` calls, after as many warm-up calls."""
    for _ in range(calls):
        call()
    gc.collect()
    started = time.process_time()
    for _ in range(calls):
        call()
    return (time.process_time() - started) / calls * 1e6


async def async_per_call_us(subject: Subject, client: Any, calls: int) -> float:
    """`per_call_us` for awaited calls, one at a time on one event loop."""
    for _ in range(calls):
        await subject.achat(client)
    gc.collect()
    started = time.process_time()
    for _ in range(calls):
        await subject.achat(client)
    return (time.process_time() - started) / calls * 1e6


def timed_ms(call: Callable[[], object], runs: int) -> float:
    """Median CPU time of `call` in milliseconds over `runs` calls, after one warm-up call."""
    call()
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.process_time()
        call()
        times.append((time.process_time() - started) * 1e3)
    return median(times)


def stream_rate(subject: Subject, client: Any) -> float:
    """Chunks per second over one whole long stream, after one warm-up stream."""
    expected = payloads.stream_chunk_count()

    def consume() -> None:
        seen = sum(1 for _ in subject.stream(client))
        if seen != expected:
            raise AssertionError(f"{subject.name}: {seen} chunks, expected {expected}")

    return expected / timed_ms(consume, 1) * 1e3


async def async_stream_rate(subject: Subject, client: Any) -> float:
    """`stream_rate` for an async stream."""
    expected = payloads.stream_chunk_count()
    elapsed = 0.0
    for _ in range(2):
        gc.collect()
        started = time.process_time()
        seen = 0
        async for _ in await subject.astream(client):
            seen += 1
        elapsed = time.process_time() - started
        if seen != expected:
            raise AssertionError(f"{subject.name}: {seen} chunks, expected {expected}")
    return expected / elapsed


def measure(subject: Subject, budget: dict[str, int]) -> dict[str, float]:
    """One process's figures for one SDK (the orchestrator takes medians over several processes)."""
    target = Target()
    small = subject.sync_client(target, httpx.Client(transport=json_transport(payloads.small_chat())))
    if content_of(subject.chat(small)) != EXPECTED_CONTENT:
        raise AssertionError(f"{subject.name}: unexpected chat content")
    results = {"overhead_sync_us": per_call_us(lambda: subject.chat(small), budget["overhead_calls"])}

    async def async_figures() -> dict[str, float]:
        small_async = subject.async_client(
            target, httpx.AsyncClient(transport=json_transport(payloads.small_chat()))
        )
        streamer = subject.async_client(
            target, httpx.AsyncClient(transport=async_sse_transport(payloads.stream_frames()))
        )
        return {
            "overhead_async_us": await async_per_call_us(subject, small_async, budget["overhead_calls"]),
            "stream_async_chunks_per_s": await async_stream_rate(subject, streamer),
        }

    results.update(asyncio.run(async_figures()))

    large = subject.sync_client(target, httpx.Client(transport=json_transport(payloads.large_chat())))
    if count_of(subject.chat(large), "choices") != payloads.LARGE_CHOICES:
        raise AssertionError(f"{subject.name}: large chat lost choices")
    results["large_chat_ms"] = timed_ms(lambda: subject.chat(large), budget["large_chat_runs"])

    vectors = subject.sync_client(target, httpx.Client(transport=json_transport(payloads.embeddings())))
    if count_of(subject.embed(vectors), "data") != payloads.EMBEDDING_COUNT:
        raise AssertionError(f"{subject.name}: embeddings lost vectors")
    results["embeddings_ms"] = timed_ms(lambda: subject.embed(vectors), budget["embedding_runs"])

    streamer = subject.sync_client(target, httpx.Client(transport=sse_transport(payloads.stream_frames())))
    results["stream_sync_chunks_per_s"] = stream_rate(subject, streamer)

    decoder = subject.chunk_decoder()
    if decoder is not None:
        events = [frame.decode()[len("data: ") :].strip() for frame in payloads.stream_frames()[:-1]]
        results["chunk_decode_us"] = (
            timed_ms(lambda: [decoder(data) for data in events], 3) / len(events) * 1e3
        )
    return results


def main(argv: list[str]) -> None:
    name, budget = argv[0], json.loads(argv[1])
    print(json.dumps(measure(SUBJECTS[name], budget)))


if __name__ == "__main__":
    main(sys.argv[1:])
