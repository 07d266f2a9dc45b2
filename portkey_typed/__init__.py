"""portkey-typed: a fully typed Python client for the Portkey AI gateway.

from portkey_typed import Portkey

client = Portkey(provider="openai", authorization="sk-...")
chat = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])
"""

from typing import TYPE_CHECKING, Any

from portkey_generated.header_options import PortkeyHeaderOptions
from portkey_generated.resources._base import NOT_GIVEN, AsyncStream, NotGiven, RawResponse, Stream

from ._base_client import HOSTED_BASE_URL, LOCAL_BASE_URL, InsecureTransportWarning, UnsupportedOptionWarning
from ._client import AsyncPortkey, ClientChanges, Portkey
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APIStreamError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    InvalidWebhookPayloadError,
    InvalidWebhookSignatureError,
    NotFoundError,
    PermissionDeniedError,
    PortkeyError,
    PortkeyValidationError,
    RateLimitError,
    RequestTimeoutError,
    UnprocessableEntityError,
)
from ._response import APIResponse
from ._version import __version__

if TYPE_CHECKING:
    from portkey_generated.response_headers import PortkeyResponseHeaders

    from ._chat_stream import accumulate_chat_completion, async_accumulate_chat_completion
    from ._legacy import LLMOptions
    from ._realtime import AsyncRealtimeConnection, RealtimeConnection

_LAZY = {
    "accumulate_chat_completion": "._chat_stream",
    "async_accumulate_chat_completion": "._chat_stream",
    "RealtimeConnection": "._realtime",
    "AsyncRealtimeConnection": "._realtime",
    "LLMOptions": "._legacy",
    "PortkeyResponseHeaders": "portkey_generated.response_headers",
}


def __getattr__(name: str) -> Any:
    """Load what needs generated models or attrs only when it is first used."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "HOSTED_BASE_URL",
    "LOCAL_BASE_URL",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APIStreamError",
    "APITimeoutError",
    "AsyncPortkey",
    "AsyncRealtimeConnection",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "ClientChanges",
    "ConflictError",
    "InsecureTransportWarning",
    "InternalServerError",
    "InvalidWebhookPayloadError",
    "InvalidWebhookSignatureError",
    "LLMOptions",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "Portkey",
    "PortkeyError",
    "PortkeyHeaderOptions",
    "PortkeyResponseHeaders",
    "PortkeyValidationError",
    "RateLimitError",
    "RawResponse",
    "RealtimeConnection",
    "RequestTimeoutError",
    "Stream",
    "UnprocessableEntityError",
    "UnsupportedOptionWarning",
    "__version__",
    "accumulate_chat_completion",
    "async_accumulate_chat_completion",
]
