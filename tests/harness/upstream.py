"""An OpenAI-compatible upstream on loopback that tests own: answers, records and misbehaves on request.

One server plays several providers: a request to `/a/v1/chat/completions` is served like
`/v1/chat/completions` but recorded (and answered with the `x-upstream-prefix` header) as prefix `/a`.
"""

import json
import socket
import threading
import time
import traceback
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from tests.harness.faults import Fault, FaultPlan
from tests.harness.ports import LOOPBACK
from tests.harness.recording import RecordedRequest, RequestLog
from tests.harness.replies import Reply, json_reply, openai_error, sse_frame
from tests.harness.routes import Call, find_route
from tests.harness.store import Store

API_ROOT = "/v1"
PREFIX_HEADER = "x-upstream-prefix"


class Upstream:
    """The running upstream: its URLs, its fault plan and its request record."""

    def __init__(self) -> None:
        self.faults = FaultPlan()
        self.log = RequestLog()
        self.store = Store()
        self._server = UpstreamServer((LOOPBACK, 0), UpstreamHandler, self)
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="upstream", daemon=True)
        self._thread.start()

    @property
    def origin(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def url(self, prefix: str = "") -> str:
        """The base URL a provider's custom host points at, e.g. `url("/a")` -> `http://127.0.0.1:P/a/v1`."""
        return f"{self.origin}{prefix}{API_ROOT}"

    def plan(
        self,
        *,
        prefix: str | None = None,
        route: str | None = None,
        model: str | None = None,
        status: int | None = None,
        times: int | None = 1,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        delay_ms: int = 0,
        cut_stream_after: int | None = None,
        sse_error_event: Mapping[str, Any] | None = None,
        sse_error_after: int = 1,
    ) -> Fault:
        """Schedule a fault for the next `times` matching requests (see `Fault`)."""
        fault = Fault(
            prefix=prefix,
            route=route,
            model=model,
            times=times,
            status=status,
            body=body,
            headers=dict(headers or {}),
            delay_ms=delay_ms,
            cut_stream_after=cut_stream_after,
            sse_error_event=sse_error_event,
            sse_error_after=sse_error_after,
        )
        self.faults.add(fault)
        return fault

    @property
    def requests(self) -> list[RecordedRequest]:
        return self.log.snapshot()

    def requests_to(self, prefix: str | None = None, route: str | None = None) -> list[RecordedRequest]:
        """Recorded requests, filtered by prefix and/or route."""
        return [
            request
            for request in self.log.snapshot()
            if (prefix is None or request.prefix == prefix) and (route is None or request.route == route)
        ]

    @property
    def last(self) -> RecordedRequest:
        """The most recent request; fails when none arrived."""
        recorded = self.log.snapshot()
        assert recorded, "the upstream received no request"
        return recorded[-1]

    def reset(self) -> None:
        """Forget scheduled faults and recorded requests (stored files, batches, responses stay)."""
        self.faults.clear()
        self.log.clear()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> "Upstream":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def start_upstream() -> Upstream:
    return Upstream()


class UpstreamServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default backlog of 5 resets connections under concurrent load

    def __init__(
        self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], owner: Upstream
    ) -> None:
        super().__init__(address, handler)
        self.owner = owner


def split_path(path: str) -> tuple[str, str] | None:
    """(prefix, route) of a path like `/a/v1/chat/completions`; None when it has no `/v1/`."""
    marker = path.find(API_ROOT + "/")
    if marker < 0:
        return None
    return path[:marker], path[marker + len(API_ROOT) + 1 :]


class UpstreamHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate sends; with Nagle's algorithm on, each keep-alive answer
    # would wait for the peer's delayed ACK (about 40 ms).
    disable_nagle_algorithm = True
    server: UpstreamServer

    def do_GET(self) -> None:
        self.serve()

    def do_POST(self) -> None:
        self.serve()

    def do_DELETE(self) -> None:
        self.serve()

    def do_PUT(self) -> None:
        self.serve()

    def do_PATCH(self) -> None:
        self.serve()

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def serve(self) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        located = split_path(parts.path)
        prefix, route = located if located else ("", parts.path.lstrip("/"))
        request = RecordedRequest(
            method=self.command,
            path=parts.path,
            prefix=prefix,
            route=route,
            query=parts.query,
            headers={name.lower(): value for name, value in self.headers.items()},
            body=self.read_body(),
        )
        owner.log.add(request)
        fault = owner.faults.take(request)
        if fault is not None and fault.delay_ms:
            time.sleep(fault.delay_ms / 1000)
        reply = self.answer(request, fault, located is not None)
        reply.headers[PREFIX_HEADER] = prefix or "/"
        try:
            self.send(reply, fault)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def answer(self, request: RecordedRequest, fault: Fault | None, under_api: bool) -> Reply:
        if fault is not None and (fault.status is not None or fault.body is not None):
            reply = fault_reply(fault)
        else:
            found = find_route(request.method, request.route) if under_api else None
            if found is None:
                reply = json_reply(openai_error(404, f"Unknown route {request.method} {request.path}"), 404)
            else:
                handler, params = found
                try:
                    reply = handler(Call(request, params, self.server.owner.store))
                except Exception:
                    reply = json_reply(openai_error(500, traceback.format_exc()), 500)
        if fault is not None:
            reply.headers.update(fault.headers)
        return reply

    def read_body(self) -> bytes:
        if self.headers.get("transfer-encoding", "").lower() == "chunked":
            return self.read_chunked()
        length = int(self.headers.get("content-length") or 0)
        return self.rfile.read(length) if length else b""

    def read_chunked(self) -> bytes:
        body = bytearray()
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return bytes(body)
            body += self.rfile.read(size)
            self.rfile.readline()

    def send(self, reply: Reply, fault: Fault | None) -> None:
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.events is None:
            self.send_header("content-length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
            return
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        self.stream(reply.events, fault)

    def stream(self, frames: list[bytes], fault: Fault | None) -> None:
        cut_after = fault.cut_stream_after if fault else None
        error_event = fault.sse_error_event if fault else None
        for sent, frame in enumerate(frames):
            if cut_after is not None and sent >= cut_after:
                self.drop_connection()
                return
            if error_event is not None and fault is not None and sent >= fault.sse_error_after:
                self.write_chunk(sse_frame(dict(error_event), "error"))
                break
            self.write_chunk(frame)
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def write_chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def drop_connection(self) -> None:
        """End the response mid-body: the client sees the stream end without its last chunk."""
        self.wfile.flush()
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)


def fault_reply(fault: Fault) -> Reply:
    status = fault.status if fault.status is not None else 200
    if fault.body is None:
        return json_reply(openai_error(status), status)
    if isinstance(fault.body, bytes):
        return Reply(status, {"content-type": "application/octet-stream"}, fault.body)
    if isinstance(fault.body, str):
        return Reply(status, {"content-type": "text/plain"}, fault.body.encode())
    return Reply(status, {"content-type": "application/json"}, json.dumps(fault.body).encode())
