"""`client.webhooks`: check a webhook event's signature locally and decode it into its typed event.

The provider signs each delivery the Standard Webhooks way: HMAC-SHA256, keyed with the endpoint's
secret (`whsec_` + base64; any other string is used as its UTF-8 bytes), over
`{webhook-id}.{webhook-timestamp}.{body}`, sent base64-encoded as `v1,<signature>` in `webhook-signature`
(several, space-separated, while a secret is rotated). Nothing is sent over the network.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from ._exceptions import InvalidWebhookPayloadError, InvalidWebhookSignatureError, PortkeyValidationError

if TYPE_CHECKING:
    from typing import TypeAlias

    from portkey_generated.models.batch_webhook_event import BatchWebhookEvent
    from portkey_generated.models.eval_run_webhook_event import EvalRunWebhookEvent
    from portkey_generated.models.fine_tuning_job_webhook_event import FineTuningJobWebhookEvent
    from portkey_generated.models.realtime_call_incoming_webhook_event import (
        RealtimeCallIncomingWebhookEvent,
    )
    from portkey_generated.models.response_webhook_event import ResponseWebhookEvent

    WebhookEvent: TypeAlias = (
        BatchWebhookEvent
        | EvalRunWebhookEvent
        | FineTuningJobWebhookEvent
        | RealtimeCallIncomingWebhookEvent
        | ResponseWebhookEvent
    )

__all__ = [
    "AsyncWebhooks",
    "InvalidWebhookPayloadError",
    "InvalidWebhookSignatureError",
    "WebhookEvent",
    "Webhooks",
]

DEFAULT_TOLERANCE = 300
"""Seconds a delivery's timestamp may differ from this machine's clock (either way)."""

HeadersLike: TypeAlias = Mapping[str, str] | httpx.Headers


class Webhooks:
    """`client.webhooks`: `unwrap` (check, then decode) and `verify_signature` (check only)."""

    def __init__(self, default_secret: Callable[[], str | None]) -> None:
        self._default_secret = default_secret

    def unwrap(
        self, payload: str | bytes, headers: HeadersLike, *, secret: str | None = None
    ) -> WebhookEvent:
        """Check the delivery's signature (see `verify_signature`), then decode its event.

        Raises `InvalidWebhookSignatureError` for a bad signature and `InvalidWebhookPayloadError`
        for a body that is not a known event.
        """
        self.verify_signature(payload, headers, secret=secret)
        return decode_event(payload)

    def verify_signature(
        self,
        payload: str | bytes,
        headers: HeadersLike,
        *,
        secret: str | None = None,
        tolerance: int = DEFAULT_TOLERANCE,
    ) -> None:
        """Check that the delivery was signed with `secret` (default: the client's `webhook_secret`)
        less than `tolerance` seconds from now; `payload` is the raw request body, unparsed."""
        key = secret if secret is not None else self._default_secret()
        if not key:
            raise PortkeyValidationError(
                "secret",
                "no webhook secret: pass secret=... or build the client with webhook_secret=...",
            )
        verify(payload, headers, key, tolerance=tolerance, now=int(time.time()))


class AsyncWebhooks(Webhooks):
    """`client.webhooks` of `AsyncPortkey`: the checks are local, so its methods are the same."""


def verify(payload: str | bytes, headers: HeadersLike, secret: str, *, tolerance: int, now: int) -> None:
    """The signature check itself; raises `InvalidWebhookSignatureError` naming what is wrong."""
    lookup = httpx.Headers(headers)
    webhook_id = _required(lookup, "webhook-id")
    timestamp = _required(lookup, "webhook-timestamp")
    signatures = _required(lookup, "webhook-signature")
    try:
        sent_at = int(timestamp)
    except ValueError:
        raise InvalidWebhookSignatureError(
            f"webhook-timestamp is not a whole number of Unix seconds: {timestamp[:40]!r}"
        ) from None
    if now - sent_at > tolerance:
        raise InvalidWebhookSignatureError(
            f"webhook-timestamp is {now - sent_at} s old, more than the tolerance of {tolerance} s"
        )
    if sent_at - now > tolerance:
        raise InvalidWebhookSignatureError(
            f"webhook-timestamp is {sent_at - now} s in the future, more than the tolerance of {tolerance} s"
        )
    body = payload if isinstance(payload, bytes) else payload.encode()
    signed = f"{webhook_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(_key(secret), signed, hashlib.sha256).digest()).decode()
    offered = [part.removeprefix("v1,") for part in signatures.split()]
    if not any(hmac.compare_digest(expected, candidate) for candidate in offered):
        raise InvalidWebhookSignatureError(
            "webhook-signature does not match the body signed with the webhook secret "
            "(wrong secret, or the body was changed: pass the raw request body, not re-serialised JSON)"
        )


def decode_event(payload: str | bytes) -> WebhookEvent:
    """The typed event of a webhook body, chosen by its `type`."""
    try:
        data: Any = json.loads(payload)
    except ValueError as error:
        raise InvalidWebhookPayloadError(f"the webhook body is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise InvalidWebhookPayloadError(
            f"the webhook body is a JSON {type(data).__name__}, not an event object"
        )
    event: dict[str, Any] = data  # pyright: ignore[reportUnknownVariableType]
    kind = event.get("type")
    decode = _decoders().get(kind) if isinstance(kind, str) else None
    if decode is None:
        raise InvalidWebhookPayloadError(
            f"unknown webhook event type {kind!r}; known: {', '.join(sorted(_decoders()))}"
        )
    try:
        return decode(event)
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidWebhookPayloadError(
            f"webhook event {kind!r} does not have the expected shape: {error!r}"
        ) from None


def _decoders() -> dict[str, Callable[[dict[str, Any]], WebhookEvent]]:
    """Each known event type and the model that decodes it (the types as `openapi/paths/webhooks.yaml` lists them)."""
    from portkey_generated.models import batch_webhook_event_type as batch
    from portkey_generated.models import eval_run_webhook_event_type as eval_run
    from portkey_generated.models import fine_tuning_job_webhook_event_type as fine_tuning
    from portkey_generated.models import realtime_call_incoming_webhook_event_type as call
    from portkey_generated.models import response_webhook_event_type as response
    from portkey_generated.models.batch_webhook_event import BatchWebhookEvent
    from portkey_generated.models.eval_run_webhook_event import EvalRunWebhookEvent
    from portkey_generated.models.fine_tuning_job_webhook_event import FineTuningJobWebhookEvent
    from portkey_generated.models.realtime_call_incoming_webhook_event import (
        RealtimeCallIncomingWebhookEvent,
    )
    from portkey_generated.models.response_webhook_event import ResponseWebhookEvent

    families: list[tuple[set[str], Callable[[dict[str, Any]], WebhookEvent]]] = [
        (set(batch.BATCH_WEBHOOK_EVENT_TYPE_VALUES), BatchWebhookEvent.from_dict),
        (set(eval_run.EVAL_RUN_WEBHOOK_EVENT_TYPE_VALUES), EvalRunWebhookEvent.from_dict),
        (set(fine_tuning.FINE_TUNING_JOB_WEBHOOK_EVENT_TYPE_VALUES), FineTuningJobWebhookEvent.from_dict),
        (
            set(call.REALTIME_CALL_INCOMING_WEBHOOK_EVENT_TYPE_VALUES),
            RealtimeCallIncomingWebhookEvent.from_dict,
        ),
        (set(response.RESPONSE_WEBHOOK_EVENT_TYPE_VALUES), ResponseWebhookEvent.from_dict),
    ]
    return {kind: decode for kinds, decode in families for kind in kinds}


def _required(headers: httpx.Headers, name: str) -> str:
    value: str = headers.get(name, "")
    if not value:
        raise InvalidWebhookSignatureError(
            f"the {name} header is missing; pass the delivery's request headers"
        )
    return value


def _key(secret: str) -> bytes:
    if not secret.startswith("whsec_"):
        return secret.encode()
    try:
        return base64.b64decode(secret.removeprefix("whsec_"), validate=True)
    except binascii.Error:
        raise PortkeyValidationError(
            "secret", "a secret starting with whsec_ must continue in base64 (as the provider shows it)"
        ) from None
