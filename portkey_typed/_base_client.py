"""What the sync and async clients share: options, headers, request building, errors, decoding."""

from __future__ import annotations

import base64
import inspect
import ipaddress
import json
import logging
import math
import os
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar, cast

import httpx
from typing_extensions import Self, Unpack

from portkey_generated.header_options import HEADER_OPTIONS, ClientOptions, PortkeyHeaderOptions
from portkey_generated.resources._base import (
    DEFAULT_CALL_OPTIONS,
    NOT_GIVEN,
    Body,
    CallOptions,
    NotGiven,
    Operation,
    Query,
    Timeout,
)
from portkey_generated.types import DecodeError

from ._config import encode_config
from ._deadline import attempt_limit, install
from ._encoding import (
    bearer,
    check_headers,
    check_value,
    compact_json,
    encode,
    header_json,
    json_body,
    json_or_text,
    metadata,
)
from ._exceptions import (
    APIError,
    APIResponseValidationError,
    APIStatusError,
    PortkeyValidationError,
    error_message,
    status_error_class,
)
from ._json_parser import parse_json
from ._redaction import (
    HELD_SECRETS,
    is_secret_header,
    masked,
    redact_text,
    request_secrets,
    scrub,
    secret_strings,
    shown_url,
)
from ._version import __version__

if TYPE_CHECKING:
    from ._legacy import LLMOptions

T = TypeVar("T")
log = logging.getLogger("portkey_typed")

HOSTED_BASE_URL = "https://api.portkey.ai/v1"
LOCAL_BASE_URL = "http://localhost:8787/v1"
DEFAULT_TIMEOUT = httpx.Timeout(600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
"""The connection pool of a client that makes its own: 100 connections stay open between calls."""
USER_AGENT = f"portkey-typed/{__version__} python/{sys.version_info.major}.{sys.version_info.minor}"
TIMEOUT_MARGIN = 1.0
"""Seconds the client waits beyond the gateway's own `request_timeout`, so the gateway's 408 arrives first."""
ENVIRONMENT = {
    "api_key": "PORTKEY_API_KEY",
    "virtual_key": "PORTKEY_VIRTUAL_KEY",
    "config": "PORTKEY_CONFIG",
    "provider": "PORTKEY_PROVIDER",
}
CLIENT_SETTINGS = frozenset(
    {
        "base_url",
        "authorization",
        "timeout",
        "max_retries",
        "default_headers",
        "mode",
        "llms",
        "websocket_base_url",
        "webhook_secret",
    }
)
"""The settings (not header options) that `with_options` can change."""
_LOOPBACK_NAMES = {"localhost", "host.docker.internal"}


class InsecureTransportWarning(UserWarning):
    """A credential (the client's own, or one given for a single call in `extra_headers` or a config) is
    about to travel over plain http to a host that is not this machine."""


class UnsupportedOptionWarning(UserWarning):
    """A portkey-ai keyword this client accepts but has no use for; the message says what to use instead."""


class Prepared(NamedTuple):
    """A request ready to send, the same bytes on every attempt."""

    method: str
    url: httpx.URL
    headers: httpx.Headers
    params: dict[str, Any] | None
    content: bytes | None
    data: dict[str, Any] | None
    files: list[tuple[str, Any]] | None
    timeout: httpx.Timeout
    max_retries: int
    limit: float | None
    """Seconds one attempt may take in all (see `attempt_limit`); None: no limit."""


class ClientChanges(PortkeyHeaderOptions, total=False):
    """What `with_options` takes: any constructor keyword but `http_client`."""

    base_url: str
    authorization: str
    Authorization: str
    instrumentation: bool
    calculate_audio_duration: bool
    timeout: Timeout
    max_retries: int
    default_headers: Mapping[str, str]
    mode: Literal["single", "fallback", "loadbalance"]
    llms: Sequence[LLMOptions]
    websocket_base_url: str
    webhook_secret: str


HttpClientT = TypeVar("HttpClientT", httpx.Client, httpx.AsyncClient)


class ClientCore(ClientOptions[HttpClientT, "LLMOptions"]):
    """The state and the request-building logic of `Portkey` and `AsyncPortkey`."""

    _http: HttpClientT
    _owns_http: bool
    _http_class: type[HttpClientT]
    _base_url: str
    _headers: dict[str, str]
    _control_headers: dict[str, str]
    _wire_headers: dict[tuple[bool, bool], httpx.Headers]
    """The client's headers as httpx takes them, by (data plane, JSON body), built once per client."""
    _options: dict[str, Any]
    _settings: dict[str, Any]
    _metadata: dict[str, str]
    _timeout: httpx.Timeout
    _limit: float | None
    _max_retries: int
    _websocket_base_url: str
    _webhook_secret: str | None

    def _setup_client(self, settings: dict[str, Any], options: dict[str, Any]) -> None:
        """The constructor's work (its signature is the generated `ClientOptions.__init__`)."""
        http_client = settings.pop("http_client")
        settings["base_url"] = settings["base_url"] or os.environ.get("PORTKEY_BASE_URL") or None
        _compatibility_settings(settings, stacklevel=4)
        legacy = settings["mode"] is not None or settings["llms"] is not None
        self._configure(settings, _with_defaults(options, legacy=legacy))
        self._owns_http = http_client is None
        self._http = http_client or self._http_class(timeout=self._timeout, limits=DEFAULT_LIMITS)
        install(self._http)

    def _configure(self, settings: dict[str, Any], options: dict[str, Any]) -> None:
        """Check every option and build the headers once; raises before any request is made."""
        options = {k: v for k, v in options.items() if v is not None}
        mode, llms = settings.get("mode"), settings.get("llms")
        if mode is not None or llms is not None:
            if "config" in options:
                raise PortkeyValidationError(
                    "config", "give either config= or the older mode= and llms=, not both"
                )
            from ._legacy import legacy_config

            config, trace_id, llm_metadata = legacy_config(mode or "single", _llm_list(llms))
            options["config"] = config
            if trace_id is not None:
                options.setdefault("trace_id", trace_id)
            if llm_metadata:
                options["metadata"] = {**llm_metadata, **options.get("metadata", {})}

        headers: dict[str, str] = {"user-agent": USER_AGENT}
        headers.update(check_headers("default_headers", settings.get("default_headers") or {}))
        for name, value in sorted(options.items()):
            option = HEADER_OPTIONS[name]
            headers[option.header] = encode_config(value) if name == "config" else encode(option, value)
        authorization = settings.get("authorization")
        if authorization:
            headers["authorization"] = bearer(authorization)
        base_url, basic = _base_url(settings.get("base_url"), "api_key" in options)
        if basic and authorization:
            raise PortkeyValidationError(
                "base_url",
                "carries a user and password, which would replace authorization=; give only one of them",
            )

        self._settings = settings
        self._options = options
        self._headers = headers
        self._control_headers = {k: v for k, v in headers.items() if k not in _GATEWAY_HEADERS}
        if basic:
            self._headers["authorization"] = self._control_headers["authorization"] = basic
        self._wire_headers = {
            (data, has_json): self._headers_for(data, has_json)
            for data in (True, False)
            for has_json in (True, False)
        }
        self._metadata = metadata(options["metadata"]) if "metadata" in options else {}
        self._base_url = base_url
        self._max_retries = _max_retries(settings.get("max_retries", DEFAULT_MAX_RETRIES))
        self._timeout = _with_floor(_timeout(settings.get("timeout", NOT_GIVEN)), options)
        self._limit = attempt_limit(self._timeout)
        sends_secret = any(is_secret_header(h) for h in headers) or any(
            any(secret_strings(v)) for v in options.values()
        )
        self._websocket_base_url = _websocket_base_url(settings.get("websocket_base_url"), self._base_url)
        self._webhook_secret = _webhook_secret(settings.get("webhook_secret"))
        if sends_secret:
            _warn_if_insecure(self._base_url)

    @property
    def websocket_base_url(self) -> str:
        """The base URL of realtime WebSocket connections: `websocket_base_url=`, else `base_url` as ws(s)."""
        return self._websocket_base_url

    @property
    def webhook_secret(self) -> str | None:
        """The secret webhook signatures are checked with (`webhook_secret=`), or None."""
        return self._webhook_secret

    def with_options(self, **changes: Unpack[ClientChanges]) -> Self:
        """A copy with some options changed, sharing this client's connection pool. Any value overrides
        (False, 0 and "" too), None removes an option, metadata is merged key by key, and the
        environment is not read again."""
        settings, options = self._changed(dict(changes))
        clone = type(self).__new__(type(self))
        clone._configure(settings, options)
        clone._http = self._http
        clone._owns_http = False
        return clone

    def _changed(self, changes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """The settings and options of a copy with `changes`: any value overrides (False, 0 and "" too),
        None removes an option, and metadata is merged key by key."""
        _compatibility_settings(changes, stacklevel=4)
        unknown = sorted(set(changes) - set(HEADER_OPTIONS) - CLIENT_SETTINGS)
        if unknown:
            raise TypeError(f"with_options() got unexpected keyword argument(s): {', '.join(unknown)}")
        settings = {**self._settings}
        options = {**self._options}
        for key, value in changes.items():
            if key in CLIENT_SETTINGS:
                settings[key] = value
            elif key == "metadata" and value is not None:
                options["metadata"] = {**self._metadata, **metadata(value)}
            elif value is None:
                options.pop(key, None)
            else:
                options[key] = value
        if "mode" in changes or "llms" in changes:
            if "config" not in changes:
                options.pop("config", None)
        else:
            settings["mode"] = settings["llms"] = None
        return settings, options

    def _headers_for(
        self, data_plane: bool, has_json: bool, call_headers: Mapping[str, str] | None = None
    ) -> httpx.Headers:
        """The headers of a request to the data or control plane, with a JSON content type or without."""
        base = self._headers if data_plane else self._control_headers
        return _as_httpx_headers({**base, **(call_headers or {}), **(_JSON_CONTENT if has_json else {})})

    def _prepare(
        self, op: Operation, path: str, query: Query | None, body: object, call: CallOptions
    ) -> Prepared:
        data_plane = op.plane == "data"
        call_headers: dict[str, str] | None = None
        params = dict(query) if query else None
        timeout = self._timeout
        max_retries = self._max_retries
        if call != DEFAULT_CALL_OPTIONS:
            call_headers = self._call_headers(call)
            if _call_has_secrets(call_headers, call.config):
                _warn_if_insecure(self._base_url)
            if call.extra_query:
                params = {**(params or {}), **_query("extra_query", call.extra_query)}
            if not isinstance(call.timeout, NotGiven):
                timeout = _with_floor(_timeout(call.timeout), self._options)
            if isinstance(call.config, (Mapping, str)):
                timeout = _with_floor(timeout, {**self._options, "config": call.config})
            if not isinstance(call.max_retries, NotGiven):
                max_retries = _max_retries(call.max_retries)
            if call.extra_body:
                extra_body = cast(object, call.extra_body)
                if not isinstance(extra_body, Mapping):
                    raise PortkeyValidationError(
                        "extra_body", f"must be a mapping, not {type(extra_body).__name__}"
                    )
                compact_json(call.extra_body, "extra_body")
                if body is not None and not isinstance(body, Mapping):
                    raise PortkeyValidationError(
                        "extra_body",
                        f"{op.operation_id} sends a {type(body).__name__}, not an object, so extra_body cannot be merged into it",
                    )
                body = {**cast("Mapping[str, object]", body or {}), **call.extra_body}
        content = data = files = None
        if op.body == "multipart" and isinstance(body, Mapping):
            data, files = _multipart(cast("Mapping[str, object]", body))
        elif body is not None:
            content = json_body(body)
        if call_headers is None:
            headers = self._wire_headers[data_plane, content is not None]
        else:
            headers = self._headers_for(data_plane, content is not None, call_headers)
        return Prepared(
            op.method,
            _url(_operation_base(self._base_url, op) + path),
            headers,
            params,
            content,
            data,
            files,
            timeout,
            max_retries,
            self._limit if timeout is self._timeout else attempt_limit(timeout),
        )

    def _build(self, prepared: Prepared) -> httpx.Request:
        """The httpx request of one attempt; anything httpx refuses becomes a `PortkeyValidationError`."""
        try:
            request = self._http.build_request(
                prepared.method,
                prepared.url,
                headers=prepared.headers,
                params=prepared.params,
                content=prepared.content,
                data=prepared.data,
                files=prepared.files,
                timeout=prepared.timeout,
            )
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise _unbuildable(exc) from None
        if self._webhook_secret:
            request.extensions[HELD_SECRETS] = (self._webhook_secret,)
        return request

    def _call_headers(self, call: CallOptions) -> dict[str, str]:
        headers: dict[str, str] = {}
        for name in ("trace_id", "cache_force_refresh", "cache_namespace"):
            value = getattr(call, name)
            if not isinstance(value, NotGiven):
                headers[HEADER_OPTIONS[name].header] = encode(HEADER_OPTIONS[name], value)
        if not isinstance(call.metadata, NotGiven):
            merged = {**self._metadata, **metadata(call.metadata)}
            headers[HEADER_OPTIONS["metadata"].header] = header_json(merged)
        if not isinstance(call.config, NotGiven):
            headers[HEADER_OPTIONS["config"].header] = encode_config(call.config)
        headers.update(check_headers("extra_headers", call.extra_headers or {}))
        return headers

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        body = _body(response)
        message = error_message(body, response.status_code, response.headers.get("content-type", ""))
        return scrub(status_error_class(response.status_code)(message, response=response, body=body))

    def _not_a_stream(self, op: Operation, response: httpx.Response) -> APIResponseValidationError:
        """The error for a streamed call answered with something other than an event stream."""
        body = _body(response)
        kind = response.headers.get("content-type") or "no content type"
        detail = error_message(body, response.status_code, kind)
        return scrub(
            APIResponseValidationError(
                f"{op.operation_id}: asked for an event stream but got HTTP {response.status_code} with {kind}: {detail}",
                response=response,
                body=body,
            )
        )

    def _parse(self, op: Operation, decode: Callable[[Any], T], response: httpx.Response) -> T:
        """`_decode`, with the secrets of the request masked in any error it raises."""
        try:
            return self._decode(op, decode, response)
        except APIError as exc:
            scrub(exc)
            raise

    def _decode(self, op: Operation, decode: Callable[[Any], T], response: httpx.Response) -> T:
        """The typed result of a 2xx answer; APIResponseValidationError saying what came when it does not
        fit (an empty or non-JSON body, or a value of the wrong JSON type, named by its path)."""
        kind = op.response
        if kind == "binary":
            return decode(response.content)
        if kind == "text":
            return decode(response.text)
        if kind == "none":
            return decode(None)
        content = response.content
        try:
            data = parse_json(content)
        except ValueError:
            raise self._not_json(op, response) from None
        try:
            return decode(data)
        except DecodeError as exc:
            where = exc.path or "the body"
            raise APIResponseValidationError(
                f"{op.operation_id}: the response does not match its schema: {where}: {exc.problem}",
                response=response,
                body=data,
            ) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise APIResponseValidationError(
                f"{op.operation_id}: the response does not match its schema ({type(exc).__name__}: {exc})",
                response=response,
                body=data,
            ) from None

    def _not_json(self, op: Operation, response: httpx.Response) -> APIResponseValidationError:
        """What came instead of JSON (`_parse` masks the request's secrets in it)."""
        if not response.content:
            kind = response.headers.get("content-type") or "no content type"
            what = f"an empty body ({kind}) where JSON was expected"
        else:
            what = f"a body that is not JSON: {response.text[:200]!r}"
        return APIResponseValidationError(
            f"{op.operation_id}: HTTP {response.status_code} with {what}",
            response=response,
            body=response.text or None,
        )

    def _log_attempt(self, prepared: Prepared, request: httpx.Request, attempt: int) -> None:
        if log.isEnabledFor(logging.DEBUG):
            secrets = request_secrets(request)
            shown = {
                k: "***" if is_secret_header(k) else redact_text(_masked_header(k, v), secrets)
                for k, v in prepared.headers.items()
            }
            log.debug(
                "%s %s attempt %d of %d headers=%s",
                request.method,
                shown_url(request.url),
                attempt + 1,
                prepared.max_retries + 1,
                shown,
            )

    def __repr__(self) -> str:
        shown = {
            "base_url": self._base_url,
            **{k: masked(v) for k, v in self._options.items() if not HEADER_OPTIONS[k].secret},
        }
        hidden = [k for k in self._options if HEADER_OPTIONS[k].secret]
        if self._settings.get("authorization"):
            hidden.append("authorization")
        if self._webhook_secret:
            hidden.append("webhook_secret")
        text = ", ".join(f"{k}={v!r}" for k, v in shown.items())
        if hidden:
            text += ", " + ", ".join(f"{k}='***'" for k in sorted(hidden))
        return f"{type(self).__name__}({text})"


def _with_defaults(options: dict[str, Any], *, legacy: bool) -> dict[str, Any]:
    """The constructor's options, with those it leaves out read from PORTKEY_* variables (once: a
    `with_options` copy keeps what its client had). The older `mode` + `llms` make their own config.
    `strict_open_ai_compliance` defaults to False, as portkey-ai sends it: the gateway reads a missing
    header as strict and would drop provider-specific fields (Anthropic's `content_blocks`, say)."""
    for name, variable in ENVIRONMENT.items():
        value = os.environ.get(variable)
        if options.get(name) is None and value and not (legacy and name == "config"):
            options[name] = json_or_text(value) if name == "config" else value
    if options.get("strict_open_ai_compliance") is None:
        options["strict_open_ai_compliance"] = False
    return options


def _compatibility_settings(settings: dict[str, Any], *, stacklevel: int) -> None:
    """Fold portkey-ai's spellings into ours: `Authorization=` is `authorization=`; `instrumentation=True`
    and `calculate_audio_duration=True` have no counterpart here and say what to use instead."""
    spelt = settings.pop("Authorization", None)
    if spelt is not None:
        bearer(spelt, "Authorization")
        if settings.get("authorization") not in (None, spelt):
            raise PortkeyValidationError(
                "Authorization", "give the provider key once, as authorization= or Authorization="
            )
        settings["authorization"] = spelt
    for name in ("instrumentation", "calculate_audio_duration"):
        value = settings.pop(name, None)
        if value is not None and not isinstance(value, bool):
            raise PortkeyValidationError(name, f"must be True or False, not {type(value).__name__}")
        if value:
            warnings.warn(_UNSUPPORTED[name], UnsupportedOptionWarning, stacklevel=stacklevel)


_UNSUPPORTED = {
    "instrumentation": (
        "instrumentation=True: portkey-typed installs no OpenTelemetry instrumentation; group calls in "
        "Portkey's logs with trace_id=, or instrument the httpx client you pass as http_client= "
        "(opentelemetry-instrumentation-httpx)"
    ),
    "calculate_audio_duration": (
        "calculate_audio_duration=True: portkey-typed does not measure audio files; to have hosted "
        "Portkey price a transcription by its length, pass "
        "extra_headers={'x-portkey-audio-file-duration': '<milliseconds>'} on the call"
    ),
}


def _websocket_base_url(value: object, base_url: str) -> str:
    """The realtime base URL: the one given (ws:// or wss://), else `base_url` with a ws(s) scheme."""
    if value is None:
        url = httpx.URL(base_url)
        return str(url.copy_with(scheme="wss" if url.scheme == "https" else "ws"))
    if not isinstance(value, (str, httpx.URL)):
        raise PortkeyValidationError("websocket_base_url", f"must be a string, not {type(value).__name__}")
    text = check_value("websocket_base_url", str(value))
    parsed = httpx.URL(text)
    if parsed.scheme not in ("ws", "wss") or not parsed.host:
        raise PortkeyValidationError(
            "websocket_base_url",
            f"must be a ws:// or wss:// URL such as wss://api.portkey.ai/v1, not {text!r}",
        )
    return text.rstrip("/")


def _webhook_secret(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise PortkeyValidationError(
            "webhook_secret", "must be the webhook's signing secret, a non-empty string"
        )
    return value


_JSON_CONTENT = {"content-type": "application/json"}


def _as_httpx_headers(headers: dict[str, str]) -> httpx.Headers:
    """`headers` as httpx keeps them (built once per client, or once per call that adds its own), so
    no attempt converts them again; anything httpx refuses becomes a `PortkeyValidationError`."""
    try:
        return httpx.Headers(headers)
    except (TypeError, ValueError) as exc:
        raise PortkeyValidationError(
            "headers", f"httpx cannot send them ({type(exc).__name__}: {exc}); check the header values"
        ) from None


@lru_cache(maxsize=512)
def _url(text: str) -> httpx.URL:
    """The parsed URL of a request (parsing costs more than the rest of building the request, and a
    service calls the same few URLs over and over, so parsed URLs are kept)."""
    try:
        return httpx.URL(text)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise _unbuildable(exc) from None


def _unbuildable(exc: Exception) -> PortkeyValidationError:
    """The error for a request httpx refuses to build (its URL, say), naming httpx's own complaint."""
    return PortkeyValidationError(
        "request", f"httpx cannot build it ({type(exc).__name__}: {exc}); check the arguments"
    )


_GATEWAY_HEADERS = frozenset(
    {o.header for o in HEADER_OPTIONS.values() if o.name != "api_key"} | {"authorization"}
)
"""The client's headers that steer the gateway (provider, config, credentials of the provider...):
control-plane calls (Portkey's management API) leave them out and authenticate with the API key."""


def _operation_base(base_url: str, op: Operation) -> str:
    """The base URL of one operation: without the suffix (`/v1`) its own server does not have."""
    suffix = op.base_suffix_dropped
    return base_url[: -len(suffix)] if suffix and base_url.endswith(suffix) else base_url


def _llm_list(llms: object) -> Sequence[LLMOptions]:
    if llms is None:
        raise PortkeyValidationError("llms", "mode= needs llms=[LLMOptions(...), ...]")
    if not isinstance(llms, Sequence) or isinstance(llms, str):
        raise PortkeyValidationError("llms", f"must be a list of LLMOptions, not {type(llms).__name__}")
    return cast("Sequence[LLMOptions]", llms)


def _base_url(explicit: object, has_api_key: bool) -> tuple[str, str | None]:
    """The base URL given (or read from PORTKEY_BASE_URL, once, by the constructor), else the default,
    without a user and password; and the `Basic` authorization those make (or None)."""
    url = explicit or (HOSTED_BASE_URL if has_api_key else LOCAL_BASE_URL)
    example = f"an http(s) URL such as {LOCAL_BASE_URL}"
    if not isinstance(url, str):
        raise PortkeyValidationError("base_url", f"must be {example}, not {type(url).__name__}")
    if any(c.isspace() or not c.isprintable() for c in url):
        raise PortkeyValidationError(
            "base_url", "contains a blank or a control character; remove it (percent-encode it in a path)"
        )
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise PortkeyValidationError("base_url", f"is not a valid URL ({exc}); give {example}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise PortkeyValidationError("base_url", f"must be {example}, not {shown_url(parsed)!r}")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise PortkeyValidationError("base_url", f"has port {parsed.port}; a port is 1 to 65535")
    basic = None
    if parsed.userinfo:
        credentials = f"{parsed.username}:{parsed.password}".encode()
        basic = f"Basic {base64.b64encode(credentials).decode()}"
        parsed = parsed.copy_with(username=None, password=None)
    return str(parsed).rstrip("/"), basic


def _timeout(value: object) -> httpx.Timeout:
    if isinstance(value, NotGiven):
        return DEFAULT_TIMEOUT
    if value is None:
        return httpx.Timeout(None)
    if isinstance(value, httpx.Timeout):
        values = value.as_dict().values()
        if all(v is None or _seconds(v) for v in values):
            return value
    elif _seconds(value):
        return httpx.Timeout(float(cast("float", value)))
    raise PortkeyValidationError(
        "timeout", f"must be seconds (a finite number > 0), an httpx.Timeout of those, or None; not {value!r}"
    )


def _seconds(value: object) -> bool:
    return (
        isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0
    )


def _query(option: str, value: object) -> Mapping[str, object]:
    """Check query parameters: strings, numbers, booleans or None, or lists of those."""
    if not isinstance(value, Mapping):
        raise PortkeyValidationError(option, f"must be a mapping, not {type(value).__name__}")
    pairs = cast("Mapping[object, object]", value)
    for key, item in pairs.items():
        items = cast("list[object]", item) if isinstance(item, (list, tuple)) else [item]
        if not isinstance(key, str) or not all(_is_query_value(i) for i in items):
            raise PortkeyValidationError(
                f"{option}[{key!r}]", "must be a string, number, bool or None (or a list of those)"
            )
    return cast("Mapping[str, object]", pairs)


def _is_query_value(value: object) -> bool:
    if isinstance(value, str):
        return not any("\ud800" <= c <= "\udfff" for c in value)
    return value is None or isinstance(value, (int, float))


def _max_retries(value: object) -> int:
    if isinstance(value, NotGiven):
        return DEFAULT_MAX_RETRIES
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PortkeyValidationError("max_retries", f"must be an integer >= 0, not {value!r}")
    return value


def _with_floor(timeout: httpx.Timeout, options: Mapping[str, Any]) -> httpx.Timeout:
    """Raise the read timeout to the gateway's own `request_timeout` (plus a margin) when that is longer."""
    millis = [options["request_timeout"]] if isinstance(options.get("request_timeout"), int) else []
    config = options.get("config")
    if isinstance(config, str):
        config = json_or_text(config)
    if isinstance(config, Mapping):
        millis += _config_timeouts(cast("Mapping[str, Any]", config))
    if not millis or timeout.read is None:
        return timeout
    floor = max(millis) / 1000 + TIMEOUT_MARGIN
    if timeout.read >= floor:
        return timeout
    return httpx.Timeout(connect=timeout.connect, read=floor, write=timeout.write, pool=timeout.pool)


def _config_timeouts(config: Mapping[str, Any]) -> list[int]:
    found = [config["request_timeout"]] if isinstance(config.get("request_timeout"), int) else []
    for target in config.get("targets") or ():
        if isinstance(target, Mapping):
            found += _config_timeouts(cast("Mapping[str, Any]", target))
    return found


def _multipart(body: Body) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    """Split a multipart body into form fields and files; files are read whole, so a retry re-sends the
    same bytes. A list of files or of scalars becomes one part per item under the same name."""
    data: dict[str, Any] = {}
    files: list[tuple[str, Any]] = []
    for key, value in body.items():
        items = _as_list(value)
        if items and all(_is_file(item) for item in items):
            files.extend((key, _file(item)) for item in items)
        elif _is_file(value):
            files.append((key, _file(value)))
        elif items is not None and all(_is_scalar(item) for item in items):
            data[key] = [_form_value(item) for item in items]
        elif value is not None:
            data[key] = _form_value(value) if _is_scalar(value) else compact_json(value, key)
    if not files:  # httpx would send fields alone url-encoded; (None, value) parts keep the form multipart
        files = [(key, (None, item)) for key, value in data.items() for item in _as_list(value) or [value]]
        data = {}
    return data, files


def _as_list(value: object) -> list[object] | None:
    """The items of a list value (a tuple is one file: `(name, content[, type])`), or None."""
    return list(cast("list[object]", value)) if isinstance(value, list) else None


def _is_scalar(value: object) -> bool:
    return isinstance(value, (str, int, float, bool))


def _form_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _is_file(value: object) -> bool:
    return isinstance(value, (bytes, bytearray, tuple)) or hasattr(value, "read")


def _file(value: Any) -> Any:
    """One file part: `(name, content[, type])` as given, an open file under its own base name, or bytes."""
    if isinstance(value, tuple):
        return (value[0], _content(value[1]), *value[2:])
    name = getattr(value, "name", None)
    if hasattr(value, "read") and isinstance(name, str) and name:
        return (os.path.basename(name), _content(value))
    return _content(value)


def _content(value: Any) -> bytes:
    if hasattr(value, "read"):
        if getattr(value, "seekable", lambda: False)():
            value.seek(0)
        data = value.read()
        return data.encode() if isinstance(data, str) else bytes(data)
    return bytes(value)


def _body(response: httpx.Response) -> object | None:
    text = response.text
    if not text:
        return None
    try:
        return cast(object, json.loads(text))
    except ValueError:
        return text


def _masked_header(name: str, value: str) -> str:
    """A JSON header value (a per-call config, say) with its keys masked, for the debug log."""
    if name.startswith("x-portkey-") and value.startswith("{"):
        try:
            return header_json(masked(json.loads(value)))
        except ValueError:
            return value
    return value


def _call_has_secrets(call_headers: Mapping[str, str], config: object) -> bool:
    """Whether one call's own options carry a credential: a secret header in `extra_headers` (an
    `Authorization`, an API key...) or a key inside its config."""
    if any(value and is_secret_header(name) for name, value in call_headers.items()):
        return True
    if isinstance(config, str):
        config = json_or_text(config)
    return any(secret_strings(config))


def _warn_if_insecure(base_url: str) -> None:
    """Warn, at the caller's line, when a credential is about to go over plain http to another machine."""
    if _safe_transport(base_url):
        return
    warnings.warn(
        f"a Portkey or provider key will be sent over plain http to {httpx.URL(base_url).host}; "
        "use https, or a gateway on this machine",
        InsecureTransportWarning,
        stacklevel=_caller_level(),
    )


def _caller_level() -> int:
    """The `stacklevel` of the first frame outside portkey_typed and portkey_generated, seen from the
    function that calls `warnings.warn`."""
    here = inspect.currentframe()
    level, frame = 2, here.f_back.f_back if here is not None and here.f_back is not None else None
    while (
        frame is not None
        and frame.f_back is not None
        and frame.f_globals.get("__name__", "").startswith(("portkey_typed", "portkey_generated"))
    ):
        level, frame = level + 1, frame.f_back
    return level


def _safe_transport(base_url: str) -> bool:
    url = httpx.URL(base_url)
    if url.scheme == "https" or url.host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(url.host).is_loopback
    except ValueError:
        return False
