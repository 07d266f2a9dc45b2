"""Failures a test schedules on the upstream, consumed by the requests that match them."""

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tests.harness.recording import RecordedRequest


def requested_model(request: RecordedRequest) -> str | None:
    body = request.json
    model = body.get("model") if isinstance(body, dict) else None
    return model if isinstance(model, str) else None


@dataclass
class Fault:
    """What to do differently for matching requests.

    `prefix`, `route` and `model` (the JSON body's "model") select requests, None matching any;
    `times` is how many requests the fault applies to (None: all of them). A `status` without a
    `body` answers an OpenAI-style error body. `cut_stream_after` drops the connection after that many stream events;
    `sse_error_event` sends an `event: error` carrying it after `sse_error_after` events.
    """

    prefix: str | None = None
    route: str | None = None
    model: str | None = None
    times: int | None = 1
    status: int | None = None
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay_ms: int = 0
    cut_stream_after: int | None = None
    sse_error_event: Mapping[str, Any] | None = None
    sse_error_after: int = 1

    def matches(self, request: RecordedRequest) -> bool:
        if self.prefix is not None and self.prefix != request.prefix:
            return False
        if self.route is not None and self.route != request.route:
            return False
        return self.model is None or requested_model(request) == self.model


class FaultPlan:
    """Scheduled faults, first match wins; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def take(self, request: RecordedRequest) -> Fault | None:
        """The first fault matching this request, spending one of its uses."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(request):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times <= 0:
                            self._faults.remove(fault)
                    return fault
        return None

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
