"""Slow servers cannot hold a call: an attempt ends at its timeout, a stream at its idle timeout.

The servers here would take 10 s or more to finish; each test asserts what the server got to send
before the client gave up (never how long anything took).
"""

from __future__ import annotations

import gc
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import pytest

from portkey_typed import APITimeoutError, Portkey

from .conftest import AnyClient, assert_clean
from .fault_server import FaultHandler, FaultServer, json_answer
from .test_faults import COMPLETION, call, chunk, read_stream

ClientFactory = Callable[..., AnyClient]
PAUSE = 0.05
"""Seconds between two trickled bytes (or two keep-alive comments)."""
STEPS = 200
"""How many bytes (or comments) a slow server sends: 10 s worth, far past every timeout below."""
TIMEOUT = 0.5


@dataclass
class Trickle:
    """An answer sent one piece at a time, PAUSE apart, until the client leaves; counts what went out."""

    head: bytes = b""
    pieces: list[bytes] = field(default_factory=list)
    sent: int = 0

    def __call__(self, handler: FaultHandler) -> None:
        handler.wfile.write(self.head)
        handler.wfile.flush()
        for piece in self.pieces:
            if handler.client_left_within(PAUSE):
                handler.close_connection = True
                return
            handler.wfile.write(piece)
            handler.wfile.flush()
            self.sent += 1


def trickled_body() -> Trickle:
    """A 200 whose JSON body (valid once complete) comes one byte at a time."""
    body = COMPLETION | {"padding": " " * STEPS}
    data = httpx.Response(200, json=body).content
    head = f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len(data)}\r\n\r\n"
    return Trickle(head.encode(), [bytes([b]) for b in data])


def trickled_headers() -> Trickle:
    """Response headers that never end: one more header line byte by byte."""
    return Trickle(b"HTTP/1.1 200 OK\r\n", [b"x"] * STEPS)


def keep_alives(first_event: bool) -> Trickle:
    """An event stream that sends only `: keep-alive` comments (after one real event if `first_event`)."""
    head = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
    event = chunk("one").encode()
    if first_event:
        head += f"{len(event):x}\r\n".encode() + event + b"\r\n"
    comment = b": keep-alive\n\n"
    return Trickle(head, [f"{len(comment):x}\r\n".encode() + comment + b"\r\n"] * STEPS)


@pytest.mark.parametrize("slow", [trickled_body, trickled_headers], ids=["body", "headers"])
async def test_a_trickling_server_cannot_hold_a_call_past_its_timeout(
    slow: Callable[[], Trickle],
    make_client: ClientFactory,
    server: FaultServer,
    threads_before: set[threading.Thread],
) -> None:
    answer = slow()
    server.answer(answer)

    with pytest.raises(APITimeoutError) as caught:
        await call(make_client(timeout=TIMEOUT, max_retries=0))

    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert answer.sent < STEPS / 2
    assert len(server.received) == 1
    await assert_clean(server, threads_before)


async def test_a_stream_answered_by_a_trickled_body_ends_at_its_timeout(
    make_client: ClientFactory, server: FaultServer, threads_before: set[threading.Thread]
) -> None:
    answer = trickled_body()
    server.answer(answer)

    with pytest.raises(APITimeoutError):
        await call(make_client(timeout=TIMEOUT, max_retries=0), stream=True)

    assert answer.sent < STEPS / 2
    await assert_clean(server, threads_before)


async def test_each_attempt_gets_its_own_deadline(
    make_client: ClientFactory, server: FaultServer, waits: list[float], threads_before: set[threading.Thread]
) -> None:
    first, second = trickled_body(), trickled_body()
    server.answer(first, second, json_answer(COMPLETION))

    completion = await call(make_client(timeout=TIMEOUT, max_retries=2))

    assert completion.choices[0].message.content == "fine"
    assert len(server.received) == 3
    assert len(waits) == 2
    assert 0 < first.sent < STEPS / 2
    assert 0 < second.sent < STEPS / 2
    await assert_clean(server, threads_before)


@pytest.mark.parametrize("first_event", [False, True], ids=["no-event", "after-one-event"])
async def test_a_stream_of_keep_alives_ends_at_its_read_timeout(
    first_event: bool, make_client: ClientFactory, server: FaultServer, threads_before: set[threading.Thread]
) -> None:
    answer = keep_alives(first_event)
    server.answer(answer)

    with pytest.raises(APITimeoutError) as caught:
        await read_stream(make_client(timeout=TIMEOUT, max_retries=0))

    assert (
        str(caught.value) == f"the stream timed out: no event arrived within {TIMEOUT} s (its read timeout)"
    )
    assert answer.sent < STEPS / 2
    await assert_clean(server, threads_before)


def test_a_client_nobody_closed_leaves_no_unclosed_socket(server: FaultServer) -> None:
    server.answer(json_answer(COMPLETION))
    client = Portkey(base_url=server.url, provider="openai")
    client.with_options(trace_id="t").chat.completions.create(
        model="m", messages=[{"role": "user", "content": "Hi"}]
    )

    gc.collect()  # what earlier tests left for the collector is not this client's
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del client
        gc.collect()

    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
