"""Keep secrets out of every text the client shows: reprs, log lines, error messages and error bodies.

A secret is a credential: the value of a secret header (`authorization`, `x-portkey-api-key`, any
`*-token`, `*-secret`...), the password and user of a URL, and the value of a secret key (`api_key`,
`private_key`, `client_secret`...) inside a JSON header, a query or a JSON body. Other values near a
secret (a service account's project id, say) are not secrets and are never masked.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar, cast

import httpx

from portkey_generated.header_options import HEADER_OPTIONS

if TYPE_CHECKING:
    from ._exceptions import APIError

E = TypeVar("E", bound="APIError")
MASK = "***"
MIN_SECRET_LENGTH = 4
"""Shorter values are not credentials; masking them would garble every message that contains them."""
_SECRET_WORDS = frozenset({"secret", "token", "password", "passphrase", "authorization", "cookie"})
_SECRET_ENDINGS = ("api_key", "apikey", "private_key")
_SECRET_HEADERS = frozenset(o.header for o in HEADER_OPTIONS.values() if o.secret)


def is_secret_key(key: str) -> bool:
    """Whether a config key holds a credential: `api_key`, `virtual_key`, `aws_secret_access_key`..."""
    name = key.lower().replace("-", "_")
    option = HEADER_OPTIONS.get(name)
    if option is not None and option.secret:
        return True
    return name.endswith(_SECRET_ENDINGS) or not _SECRET_WORDS.isdisjoint(re.split(r"_+", name))


def is_secret_header(name: str) -> bool:
    """Whether a header carries a credential: Portkey's secret options, `authorization`, `x-api-key`..."""
    name = name.lower()
    return name in _SECRET_HEADERS or is_secret_key(name)


def masked(value: object) -> object:
    """A copy of a JSON-like value with the value of every secret key replaced by `***`."""
    if isinstance(value, Mapping):
        pairs = cast("Mapping[object, object]", value)
        return {k: MASK if is_secret_key(str(k)) else masked(v) for k, v in pairs.items()}
    if isinstance(value, (list, tuple)):
        return [masked(item) for item in cast("Sequence[object]", value)]
    return value


def secret_strings(value: object, *, inside_secret: bool = False) -> Iterator[str]:
    """Every non-empty string held under a secret key of a JSON-like value (all of them if `inside_secret`)."""
    if isinstance(value, Mapping):
        for key, item in cast("Mapping[object, object]", value).items():
            yield from secret_strings(item, inside_secret=inside_secret or is_secret_key(str(key)))
    elif isinstance(value, (list, tuple)):
        for item in cast("Sequence[object]", value):
            yield from secret_strings(item, inside_secret=inside_secret)
    elif inside_secret and isinstance(value, (str, int)) and not isinstance(value, bool):
        yield str(value)


HELD_SECRETS = "portkey_held_secrets"
"""The request extension naming secrets the client holds without sending them (its `webhook_secret`), so
that a server echoing one is masked too."""


def request_secrets(request: httpx.Request) -> tuple[str, ...]:
    """Every credential a request carries, longest first (see the module's docstring)."""
    found: set[str] = set(request.extensions.get(HELD_SECRETS, ()))
    for name, value in request.headers.items():
        if is_secret_header(name):
            found.add(value)
            found.update(_credential_parts(value))
        found.update(secret_strings(_json(value)))
    url = request.url
    found.update(part for part in (url.username, url.password) if part)
    found.update(value for key, value in url.params.multi_items() if is_secret_key(key))
    if request.headers.get("content-type", "").startswith("application/json"):
        with contextlib.suppress(httpx.RequestNotRead):
            found.update(secret_strings(_json(request.content.decode(errors="replace"))))
    return tuple(sorted((s for s in found if len(s) >= MIN_SECRET_LENGTH), key=len, reverse=True))


def redact_text(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


def redact_value(value: object, secrets: Sequence[str]) -> object:
    """A copy of a parsed JSON value (or text) with every secret inside its strings masked."""
    if isinstance(value, str):
        return redact_text(value, secrets)
    if isinstance(value, Mapping):
        pairs = cast("Mapping[object, object]", value)
        return {k: redact_value(v, secrets) for k, v in pairs.items()}
    if isinstance(value, (list, tuple)):
        return [redact_value(item, secrets) for item in cast("Sequence[object]", value)]
    return value


def shown_url(url: httpx.URL) -> str:
    """A URL as messages and logs show it: no user, no password, no query."""
    return str(url.copy_with(username=None, password=None, query=None))


def scrub(error: E) -> E:
    """Mask, in place, the secrets of the error's request wherever the error shows text: its message,
    its arguments, its body, and the messages of the exceptions it was raised from."""
    if error.request is None:
        return error
    secrets = request_secrets(error.request)
    if not secrets:
        return error
    error.message = redact_text(error.message, secrets)
    error.body = redact_value(error.body, secrets)
    cause: BaseException | None = error
    while cause is not None:
        cause.args = tuple(redact_value(arg, secrets) for arg in cause.args)
        cause = cause.__cause__
    return error


def _credential_parts(value: str) -> Iterator[str]:
    """The token of `<scheme> <token>`, and the user and password inside a `Basic` token."""
    scheme, _, token = value.strip().partition(" ")
    token = token.strip()
    if not token:
        return
    yield token
    if scheme.lower() == "basic":
        try:
            user, _, password = base64.b64decode(token, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return
        yield from (part for part in (user, password) if part)


def _json(text: str) -> object:
    if not text.lstrip().startswith(("{", "[")):
        return None
    try:
        return cast(object, json.loads(text))
    except ValueError:
        return None
