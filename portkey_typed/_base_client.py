"""What the sync and async clients share: options, headers, request building, errors, decoding."""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, Literal, NamedTuple, TypeVar, cast

import httpx
from typing_extensions import Self, Unpack

from portkey_generated.header_options import HEADER_OPTIONS, PortkeyHeaderOptions
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
from ._encoding import bearer, check_value, compact_json, encode, header_json, json_or_text, metadata
from ._exceptions import (
    APIResponseValidationError,
    APIStatusError,
    PortkeyValidationError,
    error_message,
    status_error_class,
)
from ._legacy import LLMOptions, legacy_config
from ._redaction import masked, secret_strings
from ._version import __version__

T = TypeVar("T")
log = logging.getLogger("portkey_typed")

HOSTED_BASE_URL = "https://api.portkey.ai/v1"
LOCAL_BASE_URL = "http://localhost:8787/v1"
DEFAULT_TIMEOUT = httpx.Timeout(600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
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
    {"base_url", "authorization", "timeout", "max_retries", "default_headers", "mode", "llms"}
)
_SECRET_WORDS = (
    "authorization",
    "api-key",
    "apikey",
    "secret",
    "token",
    "password",
    "private-key",
    "passphrase",
)
_LOOPBACK_NAMES = {"localhost", "host.docker.internal"}


class InsecureTransportWarning(UserWarning):
    """A credential is about to travel over plain http to a host that is not this machine."""


class Prepared(NamedTuple):
    """A request ready to send, the same bytes on every attempt."""

    method: str
    url: str
    headers: dict[str, str]
    params: dict[str, Any] | None
    content: bytes | None
    data: dict[str, Any] | None
    files: list[tuple[str, Any]] | None
    timeout: httpx.Timeout
    max_retries: int


class ClientChanges(PortkeyHeaderOptions, total=False):
    """What `with_options` takes: any constructor keyword but `http_client`."""

    base_url: str
    authorization: str
    timeout: Timeout
    max_retries: int
    default_headers: Mapping[str, str]
    mode: Literal["single", "fallback", "loadbalance"]
    llms: Sequence[LLMOptions]


HttpClientT = TypeVar("HttpClientT", httpx.Client, httpx.AsyncClient)


class ClientCore(Generic[HttpClientT]):
    """The state and the request-building logic of `Portkey` and `AsyncPortkey`."""

    _http: HttpClientT
    _owns_http: bool
    _http_class: type[HttpClientT]
    _base_url: str
    _headers: dict[str, str]
    _control_headers: dict[str, str]
    _options: dict[str, Any]
    _settings: dict[str, Any]
    _metadata: dict[str, str]
    _timeout: httpx.Timeout
    _max_retries: int
    _secrets: tuple[str, ...]
    _secret_headers: frozenset[str]

    def __init__(
        self,
        *,
        base_url: str | None = None,
        authorization: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: HttpClientT | None = None,
        mode: Literal["single", "fallback", "loadbalance"] | None = None,
        llms: Sequence[LLMOptions] | None = None,
        **options: Unpack[PortkeyHeaderOptions],
    ) -> None:
        """See `Portkey`: every option is checked and its header built here, before any request."""
        settings = {
            "base_url": base_url,
            "authorization": authorization,
            "timeout": timeout,
            "max_retries": max_retries,
            "default_headers": default_headers,
            "mode": mode,
            "llms": llms,
        }
        legacy = mode is not None or llms is not None
        self._configure(settings, _with_environment(dict(options), legacy=legacy))
        self._owns_http = http_client is None
        self._http = http_client or self._http_class(timeout=self._timeout)

    def _configure(self, settings: dict[str, Any], options: dict[str, Any]) -> None:
        """Check every option and build the headers once; raises before any request is made."""
        unknown = sorted(set(options) - set(HEADER_OPTIONS))
        if unknown:
            raise TypeError(
                f"{type(self).__name__}() got unexpected keyword argument(s): {', '.join(unknown)}"
            )
        options = {k: v for k, v in options.items() if v is not None}
        mode, llms = settings.get("mode"), settings.get("llms")
        if mode is not None or llms is not None:
            if "config" in options:
                raise PortkeyValidationError(
                    "config", "give either config= or the older mode= and llms=, not both"
                )
            config, trace_id, llm_metadata = legacy_config(mode or "single", _llm_list(llms))
            options["config"] = config
            if trace_id is not None:
                options.setdefault("trace_id", trace_id)
            if llm_metadata:
                options["metadata"] = {**llm_metadata, **options.get("metadata", {})}

        headers: dict[str, str] = {"user-agent": USER_AGENT}
        default_headers: Mapping[str, str] = settings.get("default_headers") or {}
        for key, value in default_headers.items():
            headers[check_value(f"default_headers[{key!r}]", key).lower()] = check_value(
                f"default_headers[{key!r}]", value
            )
        for name, value in sorted(options.items()):
            option = HEADER_OPTIONS[name]
            headers[option.header] = encode_config(value) if name == "config" else encode(option, value)
        authorization = settings.get("authorization")
        if authorization:
            headers["authorization"] = bearer(authorization)

        self._settings = settings
        self._options = options
        self._headers = headers
        self._control_headers = {k: v for k, v in headers.items() if k not in _GATEWAY_HEADERS}
        self._metadata = metadata(options["metadata"]) if "metadata" in options else {}
        self._base_url = _base_url(settings.get("base_url"), "api_key" in options)
        self._max_retries = _max_retries(settings.get("max_retries", DEFAULT_MAX_RETRIES))
        self._timeout = _with_floor(_timeout(settings.get("timeout", NOT_GIVEN)), options)
        self._secret_headers = frozenset(
            {o.header for o in HEADER_OPTIONS.values() if o.secret} | {h for h in headers if _looks_secret(h)}
        )
        self._secrets = _secret_values(headers, self._secret_headers, options)
        if self._secrets and not _safe_transport(self._base_url):
            warnings.warn(
                f"a Portkey or provider key will be sent over plain http to {httpx.URL(self._base_url).host}; "
                "use https, or a gateway on this machine",
                InsecureTransportWarning,
                stacklevel=3,
            )

    def with_options(self, **changes: Unpack[ClientChanges]) -> Self:
        """A copy with some options changed, sharing this client's connection pool."""
        settings, options = self._changed(dict(changes))
        clone = type(self).__new__(type(self))
        clone._configure(settings, options)
        clone._http = self._http
        clone._owns_http = False
        return clone

    def _changed(self, changes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """The settings and options of a copy with `changes`: any value overrides (False, 0 and "" too),
        None removes an option, and metadata is merged key by key."""
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

    def _prepare(
        self, op: Operation, path: str, query: Query | None, body: object, call: CallOptions
    ) -> Prepared:
        headers = self._headers if op.plane == "data" else self._control_headers
        params = dict(query) if query else None
        timeout = self._timeout
        max_retries = self._max_retries
        if call != DEFAULT_CALL_OPTIONS:
            headers = {**headers, **self._call_headers(call)}
            if call.extra_query:
                params = {**(params or {}), **call.extra_query}
            if not isinstance(call.timeout, NotGiven):
                timeout = _with_floor(_timeout(call.timeout), self._options)
            if isinstance(call.config, (Mapping, str)):
                timeout = _with_floor(timeout, {**self._options, "config": call.config})
            if not isinstance(call.max_retries, NotGiven):
                max_retries = _max_retries(call.max_retries)
            if call.extra_body:
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
            content = compact_json(body).encode()
            headers = {**headers, "content-type": "application/json"}
        return Prepared(
            op.method,
            _operation_base(self._base_url, op) + path,
            headers,
            params,
            content,
            data,
            files,
            timeout,
            max_retries,
        )

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
        for key, value in (call.extra_headers or {}).items():
            name = check_value(f"extra_headers[{key!r}]", key).lower()
            headers[name] = check_value(f"extra_headers[{key!r}]", value)
        return headers

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        body = _body(response)
        message = self._redact(
            error_message(body, response.status_code, response.headers.get("content-type", ""))
        )
        return status_error_class(response.status_code)(message, response=response, body=body)

    def _not_a_stream(self, op: Operation, response: httpx.Response) -> APIResponseValidationError:
        """The error for a streamed call answered with something other than an event stream."""
        body = _body(response)
        kind = response.headers.get("content-type") or "no content type"
        detail = self._redact(error_message(body, response.status_code, kind))
        return APIResponseValidationError(
            f"{op.operation_id}: asked for an event stream but got HTTP {response.status_code} with {kind}: {detail}",
            response=response,
            body=body,
        )

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
            data = json.loads(content)
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
        if not response.content:
            kind = response.headers.get("content-type") or "no content type"
            what = f"an empty body ({kind}) where JSON was expected"
        else:
            what = f"a body that is not JSON: {self._redact(response.text[:200])!r}"
        return APIResponseValidationError(
            f"{op.operation_id}: HTTP {response.status_code} with {what}",
            response=response,
            body=response.text or None,
        )

    def _redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    def _log_attempt(self, prepared: Prepared, attempt: int) -> None:
        if log.isEnabledFor(logging.DEBUG):
            shown = {
                k: (
                    "***"
                    if k in self._secret_headers or _looks_secret(k)
                    else self._redact(_masked_header(k, v))
                )
                for k, v in prepared.headers.items()
            }
            log.debug(
                "%s %s attempt %d of %d headers=%s",
                prepared.method,
                prepared.url,
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
        text = ", ".join(f"{k}={v!r}" for k, v in shown.items())
        if hidden:
            text += ", " + ", ".join(f"{k}='***'" for k in sorted(hidden))
        return f"{type(self).__name__}({text})"


def _with_environment(options: dict[str, Any], *, legacy: bool) -> dict[str, Any]:
    """The constructor's options, with those it leaves out read from PORTKEY_* variables (once: a
    `with_options` copy keeps what its client had). The older `mode` + `llms` make their own config."""
    for name, variable in ENVIRONMENT.items():
        value = os.environ.get(variable)
        if options.get(name) is None and value and not (legacy and name == "config"):
            options[name] = json_or_text(value) if name == "config" else value
    return options


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


def _base_url(explicit: str | None, has_api_key: bool) -> str:
    url = (
        explicit or os.environ.get("PORTKEY_BASE_URL") or (HOSTED_BASE_URL if has_api_key else LOCAL_BASE_URL)
    )
    check_value("base_url", url)
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise PortkeyValidationError(
            "base_url", f"must be an http(s) URL such as {LOCAL_BASE_URL}, not {url!r}"
        )
    return url.rstrip("/")


def _timeout(value: object) -> httpx.Timeout:
    if isinstance(value, NotGiven):
        return DEFAULT_TIMEOUT
    if isinstance(value, httpx.Timeout):
        return value
    if value is None:
        return httpx.Timeout(None)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise PortkeyValidationError(
            "timeout", f"must be seconds > 0, an httpx.Timeout or None, not {value!r}"
        )
    return httpx.Timeout(float(value))


def _max_retries(value: object) -> int:
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
            data[key] = _form_value(value) if _is_scalar(value) else compact_json(value)
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
    if isinstance(value, tuple):
        return (value[0], _file(value[1]), *value[2:])
    if hasattr(value, "read"):
        if getattr(value, "seekable", lambda: False)():
            value.seek(0)
        return value.read()
    return bytes(value)


def _body(response: httpx.Response) -> object | None:
    text = response.text
    if not text:
        return None
    try:
        return cast(object, json.loads(text))
    except ValueError:
        return text


def _secret_values(
    headers: Mapping[str, str], secret_headers: frozenset[str], options: Mapping[str, Any]
) -> tuple[str, ...]:
    """Every credential the client sends, longest first: secret header values, the token of an
    `Authorization: <scheme> <token>`, and the keys inside JSON options such as a config's targets."""
    found = {v for h, v in headers.items() if h in secret_headers and v}
    found |= {token for v in list(found) if (token := v.partition(" ")[2].strip())}
    for name, value in options.items():
        found.update(secret_strings(value, inside_secret=HEADER_OPTIONS[name].secret))
    return tuple(sorted(found, key=len, reverse=True))


def _masked_header(name: str, value: str) -> str:
    """A JSON header value (a per-call config, say) with its keys masked, for the debug log."""
    if name.startswith("x-portkey-") and value.startswith("{"):
        try:
            return header_json(masked(json.loads(value)))
        except ValueError:
            return value
    return value


def _looks_secret(header: str) -> bool:
    return any(word in header for word in _SECRET_WORDS)


def _safe_transport(base_url: str) -> bool:
    url = httpx.URL(base_url)
    if url.scheme == "https" or url.host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(url.host).is_loopback
    except ValueError:
        return False
