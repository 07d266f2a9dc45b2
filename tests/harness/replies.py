"""What an upstream route answers: a status, headers, and a body or a list of SSE frames."""

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Reply:
    """An HTTP answer; when `events` is set the body is streamed as SSE, one frame per write."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    events: list[bytes] | None = None


def json_reply(payload: Any, status: int = 200) -> Reply:
    return Reply(status, {"content-type": "application/json"}, json.dumps(payload).encode())


def bytes_reply(content: bytes, content_type: str) -> Reply:
    return Reply(200, {"content-type": content_type}, content)


def sse_frame(data: Any, event: str | None = None) -> bytes:
    """One server-sent event; `data` is JSON-encoded unless it is already a string."""
    text = data if isinstance(data, str) else json.dumps(data)
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {text}\n\n".encode()


def sse_reply(frames: list[bytes]) -> Reply:
    return Reply(200, {"content-type": "text/event-stream", "cache-control": "no-cache"}, events=frames)


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:24]}"


def now() -> int:
    return int(time.time())


def openai_error(status: int, message: str | None = None) -> dict[str, Any]:
    """An OpenAI-style error body for a status code."""
    kinds = {
        400: ("invalid_request_error", "bad_request"),
        401: ("invalid_request_error", "invalid_api_key"),
        403: ("invalid_request_error", "forbidden"),
        404: ("invalid_request_error", "not_found"),
        408: ("timeout_error", "timeout"),
        409: ("invalid_request_error", "conflict"),
        422: ("invalid_request_error", "unprocessable"),
        429: ("rate_limit_error", "rate_limit_exceeded"),
    }
    kind, code = kinds.get(status, ("server_error", "server_error"))
    text = message or f"upstream answered {status} ({code})"
    return {"error": {"message": text, "type": kind, "param": None, "code": code}}
