"""When to retry a call, and how long to wait before the next attempt."""

from __future__ import annotations

import random
import re
import time
from email.utils import parsedate_to_datetime

import httpx

INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
RETRY_STATUSES = frozenset({408, 409, 429})
_LATER_TARGET = re.compile(r"targets\[[1-9]")


def should_retry(response: httpx.Response) -> bool:
    """Retry on 408, 409, 429 and 5xx, unless the gateway already handled the request (`gateway_handled`)
    or the server says otherwise in `x-should-retry`."""
    if gateway_handled(response):
        return False
    verdict = response.headers.get("x-should-retry")
    if verdict == "true":
        return True
    if verdict == "false":
        return False
    return response.status_code in RETRY_STATUSES or response.status_code >= 500


def gateway_handled(response: httpx.Response) -> bool:
    """Whether the gateway already retried or fell back for this request, or failed itself: its
    `x-portkey-retry-attempt-count` is not 0 (-1: its retries ran out), its
    `x-portkey-last-used-option-index` names a target past the first (`config.targets[1]`), or it sent
    `x-portkey-gateway-exception`. Retrying such an answer would multiply the gateway's own attempts."""
    headers = response.headers
    count = headers.get("x-portkey-retry-attempt-count", "").strip()
    used = headers.get("x-portkey-last-used-option-index", "")
    return (
        count not in ("", "0")
        or _LATER_TARGET.search(used) is not None
        or bool(headers.get("x-portkey-gateway-exception", "").strip())
    )


def retryable_error(error: httpx.RequestError) -> bool:
    """Connection failures and timeouts are retried; a request the HTTP layer refused to send is not."""
    return isinstance(error, httpx.TransportError) and not isinstance(
        error, (httpx.LocalProtocolError, httpx.UnsupportedProtocol)
    )


def retry_delay(retries_done: int, response: httpx.Response | None) -> float:
    """Seconds to wait: the server's `retry-after-ms` / `Retry-After` up to a cap, else backoff with jitter."""
    if response is not None:
        asked = _retry_after(response.headers)
        if asked is not None and 0 <= asked <= MAX_RETRY_AFTER:
            return asked
    delay = min(INITIAL_DELAY * 2.0**retries_done, MAX_DELAY)
    return delay * (1 - 0.25 * random.random())


def _retry_after(headers: httpx.Headers) -> float | None:
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return float(millis) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).timestamp() - time.time()
    except (TypeError, ValueError, IndexError):
        return None
