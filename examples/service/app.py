"""A small chat service: FastAPI around one `AsyncPortkey`, streaming its answers to its own clients.

What it shows:

- one `AsyncPortkey` for the app's lifetime (opened and closed by the lifespan), shared by every
  request: one connection pool, and the PORTKEY_* variables read once at start;
- the caller's `x-request-id` (or the trace id of a W3C `traceparent`) becomes the Portkey trace id of
  the calls made for that request, through `with_options`, and comes back in the answer's
  `x-request-id`; the gateway's own `x-portkey-trace-id` is passed on too;
- `POST /chat` streams server-sent events (`data: {"content": ...}` per piece, then `event: done`
  with the finish reason and token usage), or answers JSON with `"stream": false`;
- the client's errors mapped to HTTP answers by class, with a message that leaks no detail of the
  provider's credentials: 429 with `Retry-After`, 504 on timeouts, 404 for an unknown model, 400 for a
  request the model refused, 502 when the gateway or provider fails. An error in the middle of a
  stream (when the status is already sent) becomes an `event: error`.

Install and run (its dependencies are the `service` extra, not the client's; `make setup` installs it)::

    pip install '.[service]'    # from a checkout
    # against a self-hosted gateway:
    PORTKEY_BASE_URL=http://127.0.0.1:8787/v1 PORTKEY_CONFIG='{"provider": "openai", "api_key": "sk-..."}' \\
        uvicorn app:app --app-dir examples/service --port 8000
    # or against hosted Portkey:
    PORTKEY_API_KEY=pk-... PORTKEY_VIRTUAL_KEY=openai-vk-... uvicorn app:app --app-dir examples/service

    curl -N localhost:8000/chat -H 'content-type: application/json' -H 'x-request-id: req-1' \\
        -d '{"messages": [{"role": "user", "content": "Hello"}]}'

`make test` runs it with uvicorn on 127.0.0.1 in front of the real gateway (tests/examples).
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from collections.abc import AsyncGenerator, AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from portkey_typed import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APIStreamError,
    APITimeoutError,
    AsyncPortkey,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    PortkeyError,
    RateLimitError,
    RequestTimeoutError,
    UnprocessableEntityError,
)
from portkey_typed.types import ChatCompletionRequestMessageParam

log = logging.getLogger("chat-service")
DEFAULT_MODEL = os.environ.get("EXAMPLE_MODEL", "gpt-4o-mini")
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
TRACEPARENT = re.compile(r"[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}")


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant"]
    content: str


class ChatRequest(BaseModel):
    messages: list[ChatMessage] = Field(min_length=1)
    model: str = DEFAULT_MODEL
    stream: bool = True
    max_tokens: int = Field(default=512, ge=1, le=4096)  # a cap of the service's own


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncGenerator[dict[str, AsyncPortkey], None]:
    """One client for the app's lifetime; every request reaches it as `request.state.portkey`."""
    async with AsyncPortkey(timeout=60.0, max_retries=2) as portkey:
        yield {"portkey": portkey}


app = FastAPI(title="chat service", lifespan=lifespan)


def trace_id(request: Request) -> str:
    """The caller's x-request-id, else its traceparent's trace id, else a new id."""
    given = request.headers.get("x-request-id", "")
    if REQUEST_ID.fullmatch(given):
        found = given
    else:
        parent = TRACEPARENT.fullmatch(request.headers.get("traceparent", "").strip().lower())
        found = parent.group(1) if parent else uuid.uuid4().hex
    request.state.trace_id = found  # for the error handler
    return found


def traced_portkey(request: Request, trace: Annotated[str, Depends(trace_id)]) -> AsyncPortkey:
    """The shared client, with this request's trace id on its calls."""
    portkey: AsyncPortkey = request.state.portkey
    return portkey.with_options(trace_id=trace, metadata={"route": request.url.path})


Portkey = Annotated[AsyncPortkey, Depends(traced_portkey)]
TraceId = Annotated[str, Depends(trace_id)]


def portkey_message(message: ChatMessage) -> ChatCompletionRequestMessageParam:
    if message.role == "system":
        return {"role": "system", "content": message.content}
    if message.role == "assistant":
        return {"role": "assistant", "content": message.content}
    return {"role": "user", "content": message.content}


def sse(data: object, event: str | None = None) -> str:
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {json.dumps(data)}\n\n"


@app.get("/healthz")
async def healthz() -> dict[str, bool]:
    return {"ok": True}


@app.post("/chat", response_model=None)
async def chat(body: ChatRequest, portkey: Portkey, trace: TraceId) -> Response:
    messages = [portkey_message(m) for m in body.messages]
    if not body.stream:
        raw = await portkey.chat.completions.with_raw_response.create(
            model=body.model, messages=messages, max_tokens=body.max_tokens
        )
        completion = raw.parse()
        answer = {"content": completion.choices[0].message.content, "model": completion.model}
        return JSONResponse(answer, headers=trace_headers(trace, raw.portkey.trace_id))
    raw_stream = await portkey.chat.completions.with_raw_response.create(
        model=body.model,
        messages=messages,
        max_tokens=body.max_tokens,
        stream=True,
        stream_options={"include_usage": True},
    )
    stream = raw_stream.parse()

    async def events() -> AsyncIterator[str]:
        finish_reason: str | None = None
        total_tokens: int | None = None
        async with stream:  # closes the call to the gateway when our client goes away, too
            try:
                async for chunk in stream:
                    if chunk.usage:
                        total_tokens = chunk.usage.total_tokens
                    for choice in chunk.choices:
                        if choice.delta.content:
                            yield sse({"content": choice.delta.content})
                        if choice.finish_reason:
                            finish_reason = str(choice.finish_reason)
            except APIError as error:  # the status line is sent already: report it in the stream
                log.warning("stream %s failed: %s", trace, error)
                yield sse({"error": answer_for(error)[1]}, "error")
                return
        yield sse({"finish_reason": finish_reason, "total_tokens": total_tokens}, "done")

    headers = {**trace_headers(trace, raw_stream.portkey.trace_id), "cache-control": "no-cache"}
    return StreamingResponse(events(), media_type="text/event-stream", headers=headers)


def trace_headers(trace: str, gateway_trace: str | None) -> dict[str, str]:
    return {"x-request-id": trace, "x-portkey-trace-id": gateway_trace or ""}


def answer_for(error: PortkeyError) -> tuple[int, str]:
    """This service's status and message for a failed call (never the provider's own words about keys)."""
    if isinstance(error, RateLimitError):
        return 429, "The model is busy; retry later."
    if isinstance(error, (APITimeoutError, RequestTimeoutError)):
        return 504, "The model took too long to answer."
    if isinstance(error, NotFoundError):
        return 404, f"Not found: {error.message}"
    if isinstance(error, (BadRequestError, UnprocessableEntityError)):
        return 400, f"The model refused the request: {error.message}"
    if isinstance(error, (AuthenticationError, PermissionDeniedError)):
        return 502, "The service's model credentials were refused."
    if isinstance(error, (APIConnectionError, APIStatusError, APIStreamError)):
        return 502, "The model gateway failed."
    return 500, "Internal error."


def retry_after(error: PortkeyError) -> Mapping[str, str]:
    if isinstance(error, APIStatusError):
        asked = error.response.headers.get("retry-after")
        return {"retry-after": asked if asked and asked.isdigit() else "1"}
    return {}


@app.exception_handler(PortkeyError)
async def portkey_error(request: Request, error: PortkeyError) -> JSONResponse:
    trace = str(getattr(request.state, "trace_id", ""))
    status, message = answer_for(error)
    log.warning("request %s failed: %s: %s", trace, type(error).__name__, error)
    headers = {"x-request-id": trace, **(retry_after(error) if status == 429 else {})}
    return JSONResponse({"error": {"message": message, "request_id": trace}}, status, headers=headers)
