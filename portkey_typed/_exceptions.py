"""The errors portkey-typed raises, named as the openai SDK names them so `except` clauses port over."""

from __future__ import annotations

from typing import Any, cast

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APIStreamError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "PortkeyError",
    "PortkeyValidationError",
    "RateLimitError",
    "RequestTimeoutError",
    "UnprocessableEntityError",
]


class PortkeyError(Exception):
    """Base of every error portkey-typed raises."""


class PortkeyValidationError(PortkeyError, ValueError):
    """An option or argument is wrong; raised before anything is sent."""

    def __init__(self, option: str, problem: str) -> None:
        super().__init__(f"{option}: {problem}")
        self.option = option
        self.problem = problem


class InvalidWebhookSignatureError(PortkeyError, ValueError):
    """A webhook delivery is not signed with the secret, is too old or too new, or lacks a header."""


class InvalidWebhookPayloadError(PortkeyError, ValueError):
    """A correctly signed webhook body is not an event this client knows how to decode."""


class APIError(PortkeyError):
    """A call failed: the gateway could not be reached, or it answered with an error."""

    message: str
    request: httpx.Request | None
    body: object | None
    """The error: the inner `error` object of a `{"error": {...}}` body (as the openai SDK gives it), else
    the parsed body (JSON), or the raw text when it is not JSON, or None."""
    code: str | None
    """The error's `code` (`"invalid_api_key"`, say), when the body has one."""
    type: str | None
    """The error's `type` (`"invalid_request_error"`, say), when the body has one."""
    param: str | None
    """The request parameter the error is about, when the body names one."""

    def __init__(
        self, message: str, *, request: httpx.Request | None = None, body: object | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        inner = error_object(body)
        self.body = inner
        fields = cast("dict[str, Any]", inner) if isinstance(inner, dict) else {}
        self.code, self.type, self.param = (_text(fields.get(k)) for k in ("code", "type", "param"))


class APIConnectionError(APIError):
    """The request did not get an answer: connection refused or reset, DNS, a stream cut short."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The request took longer than its timeout."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)


class APIResponseValidationError(APIError):
    """The gateway answered 2xx, but the body does not match the type the description promises."""

    response: httpx.Response
    status_code: int

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The gateway answered with a 4xx or 5xx status."""

    response: httpx.Response
    status_code: int
    request_id: str | None
    trace_id: str | None

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id") or response.headers.get("request-id")
        self.trace_id = response.headers.get("x-portkey-trace-id") or None

    def __str__(self) -> str:
        return f"Error code: {self.status_code} - {self.message}"


class BadRequestError(APIStatusError):
    """400: the gateway or the provider rejected the request."""


class AuthenticationError(APIStatusError):
    """401: a key is missing or wrong."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not do this."""


class NotFoundError(APIStatusError):
    """404: no such route or object."""


class RequestTimeoutError(APIStatusError):
    """408: the gateway's `request_timeout` ran out before the provider answered."""


class ConflictError(APIStatusError):
    """409: the object is in a state that conflicts with the request."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well-formed but cannot be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests."""


class InternalServerError(APIStatusError):
    """A 5xx status: the gateway or the provider failed."""


class APIStreamError(APIError):
    """The server sent an error inside a stream that had started well (an `event: error`)."""

    status_code: int | None
    response: httpx.Response

    def __init__(
        self, message: str, *, response: httpx.Response, body: object | None, status_code: int | None
    ) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = status_code


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    408: RequestTimeoutError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """The error class for an HTTP status."""
    if status >= 500:
        return InternalServerError
    return _BY_STATUS.get(status, APIStatusError)


def error_message(body: Any, status: int, content_type: str) -> str:
    """A clean message out of any of the gateway's error bodies (and the management API's
    `{"success": false, "data": {"message": ...}}`), or one that says what came instead."""
    if isinstance(body, dict):
        body = cast("dict[str, Any]", body)
        for nested in ("error", "data"):
            inner: Any = body.get(nested)
            if isinstance(inner, dict) and cast("dict[str, Any]", inner).get("message"):
                return str(cast("dict[str, Any]", inner)["message"])
        error: Any = body.get("error")
        if isinstance(error, str) and error:
            return error
        for key in ("message", "html-message", "detail"):
            if body.get(key):
                return str(body[key])
        return f"HTTP {status} with a JSON body that carries no message: {_short(body)}"
    if body is None or body == "":
        return f"HTTP {status} with an empty body"
    text = str(body)
    if "html" in content_type or text.lstrip().lower().startswith(("<!doctype", "<html")):
        return f"HTTP {status} with an HTML page instead of JSON: {_short(text)}"
    return f"HTTP {status} with a body that is not JSON: {_short(text)}"


def error_object(body: object) -> object:
    """The inner `error` object of a `{"error": {...}}` body, else the body itself."""
    found: object = body
    if isinstance(body, dict):
        inner: object = cast("dict[str, Any]", body).get("error")
        if isinstance(inner, dict):
            found = cast(object, inner)
    return found


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _short(value: object, limit: int = 200) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
