"""`python -m bench.profiles SDK CALLS`: where one SDK spends its time, by cProfile, printed as JSON.

Profiles `CALLS` small chat completions and one long stream (MockTransport); lists the functions with the
most own time per call (per stream), so a missed target can be traced to the code that costs.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx

from bench import payloads
from bench.subjects import SUBJECTS, Subject, Target
from bench.transport import json_transport, sse_transport

TOP = 12


def hot_functions(run: Callable[[], object], repeat: int) -> list[dict[str, Any]]:
    """The `TOP` functions by own CPU time, in microseconds per repetition.

    The profiler's clock is CPU time: with wall time, a moment the process spent descheduled by other
    load would be charged to whatever function happened to be running."""
    profiler = cProfile.Profile(time.process_time)
    profiler.runcall(run)
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, function), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append(
            {
                "function": f"{_short(filename)}:{line}({function})",
                "calls": calls / repeat,
                "own_us": own / repeat * 1e6,
                "cumulative_us": cumulative / repeat * 1e6,
            }
        )
    rows.sort(key=lambda row: -row["own_us"])
    return rows[:TOP]


def _short(filename: str) -> str:
    """A file name from its package on (`httpx/_models.py`, `portkey_typed/_client.py`)."""
    for marker in ("site-packages/", "/portkey_typed/", "/portkey_generated/", "/bench/", "/lib/"):
        if marker in filename:
            tail = filename.split(marker, 1)[1]
            return tail if marker in ("site-packages/", "/lib/") else marker.lstrip("/") + tail
    return filename


def profile(subject: Subject, calls: int) -> dict[str, Any]:
    small = subject.sync_client(Target(), httpx.Client(transport=json_transport(payloads.small_chat())))
    streamer = subject.sync_client(Target(), httpx.Client(transport=sse_transport(payloads.stream_frames())))
    subject.chat(small)
    for _ in subject.stream(streamer):
        pass

    def many_calls() -> None:
        for _ in range(calls):
            subject.chat(small)

    def one_stream() -> None:
        for _ in subject.stream(streamer):
            pass

    return {
        "per_call": hot_functions(many_calls, calls),
        "per_stream": hot_functions(one_stream, 1),
        "decode_breakdown": decode_breakdown(),
    }


def decode_breakdown(rounds: int = 15) -> dict[str, float]:
    """The large chat completion (64 choices x 4 tool calls: 644 objects) in parts, CPU µs, medians:
    `json.loads` alone, the parser portkey-typed uses (orjson where installed), `ChatCompletion.from_dict`
    of the decoded dict, both on a fresh copy as a call does, and the part no Python decoder avoids: making
    644 instances."""
    from portkey_generated.models.chat_completion import ChatCompletion
    from portkey_generated.models.chat_completion_message_tool_call import ChatCompletionMessageToolCall
    from portkey_typed._json_parser import parse_json

    body = payloads.large_chat()
    data = json.loads(body)
    objects = 4 + payloads.LARGE_CHOICES * (
        2 + 2 * payloads.TOOL_CALLS_PER_CHOICE
    )  # + usage and its two details

    def instances() -> None:
        new = ChatCompletionMessageToolCall.__new__
        for _ in range(objects):
            new(ChatCompletionMessageToolCall)

    parts: dict[str, Callable[[], object]] = {
        "json_loads_us": lambda: json.loads(body),
        "parse_us": lambda: parse_json(body),
        "from_dict_us": lambda: ChatCompletion.from_dict(data),
        "instances_us": instances,
        "parse_and_decode_us": lambda: ChatCompletion.from_dict(parse_json(body)),
    }
    times: dict[str, list[float]] = {name: [] for name in parts}
    for _ in range(rounds):
        for name, part in parts.items():
            started = time.process_time()
            for _ in range(10):
                part()
            times[name].append((time.process_time() - started) / 10 * 1e6)
    result = {name: sorted(values)[len(values) // 2] for name, values in times.items()}
    result["objects"] = objects
    return result


def main(argv: list[str]) -> None:
    print(json.dumps(profile(SUBJECTS[argv[0]], int(argv[1]))))


if __name__ == "__main__":
    main(sys.argv[1:])
