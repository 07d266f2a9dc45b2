"""portkey-typed: a fully typed Python client for the Portkey AI gateway.

from portkey_typed import Portkey

client = Portkey(provider="openai", authorization="sk-...")
chat = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])
"""

from portkey_generated.header_options import PortkeyHeaderOptions
from portkey_generated.resources._base import NOT_GIVEN, AsyncStream, NotGiven, RawResponse, Stream
from portkey_generated.response_headers import PortkeyResponseHeaders

from ._base_client import HOSTED_BASE_URL, LOCAL_BASE_URL, InsecureTransportWarning
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
    NotFoundError,
    PermissionDeniedError,
    PortkeyError,
    PortkeyValidationError,
    RateLimitError,
    RequestTimeoutError,
    UnprocessableEntityError,
)
from ._legacy import LLMOptions
from ._response import APIResponse

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
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "ClientChanges",
    "ConflictError",
    "InsecureTransportWarning",
    "InternalServerError",
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
    "RequestTimeoutError",
    "Stream",
    "UnprocessableEntityError",
]
