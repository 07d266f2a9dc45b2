"""client.webhooks: signatures checked locally (Standard Webhooks: HMAC-SHA256 over id.timestamp.body),
events decoded into their typed models, and every failure a typed error that never shows the secret."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

import pytest

import portkey_typed._webhooks as webhooks_module
from portkey_typed import (
    AsyncPortkey,
    InvalidWebhookPayloadError,
    InvalidWebhookSignatureError,
    Portkey,
    PortkeyError,
    PortkeyValidationError,
)

# The published Standard Webhooks example: this secret, id, timestamp and body give this signature.
VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_BODY = '{"test": 2432232314}'
VECTOR_HEADERS = {
    "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
    "webhook-timestamp": "1614265330",
    "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
}
NOW = 1614265330
SECRET = "whsec_" + base64.b64encode(b"endpoint-secret-bytes").decode()


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webhooks_module.time, "time", lambda: float(NOW))


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest) -> Portkey | AsyncPortkey:
    kind = Portkey if request.param == "sync" else AsyncPortkey
    return kind(base_url="http://127.0.0.1:9/v1")


def signed(event: dict[str, Any], *, secret: str = SECRET, at: int = NOW) -> tuple[str, dict[str, str]]:
    body = json.dumps(event)
    key = base64.b64decode(secret.removeprefix("whsec_")) if secret.startswith("whsec_") else secret.encode()
    digest = hmac.new(key, f"msg_1.{at}.{body}".encode(), hashlib.sha256).digest()
    return body, {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(at),
        "webhook-signature": "v1," + base64.b64encode(digest).decode(),
    }


def event(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"id": "evt_685343a1", "object": "event", "created_at": 1750287018, "type": kind, "data": data}


def test_the_published_example_verifies(client: Portkey | AsyncPortkey) -> None:
    client.webhooks.verify_signature(VECTOR_BODY, VECTOR_HEADERS, secret=VECTOR_SECRET)
    client.webhooks.verify_signature(VECTOR_BODY.encode(), VECTOR_HEADERS, secret=VECTOR_SECRET)


@pytest.mark.parametrize(
    ("kind", "data", "model"),
    [
        ("batch.completed", {"id": "batch_1"}, "BatchWebhookEvent"),
        ("eval.run.canceled", {"id": "evalrun_1"}, "EvalRunWebhookEvent"),
        ("fine_tuning.job.succeeded", {"id": "ftjob_1"}, "FineTuningJobWebhookEvent"),
        ("response.incomplete", {"id": "resp_1"}, "ResponseWebhookEvent"),
    ],
)
def test_unwrap_decodes_each_event_family(
    client: Portkey | AsyncPortkey, kind: str, data: dict[str, Any], model: str
) -> None:
    body, headers = signed(event(kind, data))
    decoded = client.webhooks.unwrap(body, headers, secret=SECRET)
    assert type(decoded).__name__ == model
    assert decoded.type_ == kind
    assert decoded.id == "evt_685343a1"
    assert decoded.created_at == 1750287018


def test_unwrap_decodes_an_incoming_call_with_its_sip_headers(client: Portkey | AsyncPortkey) -> None:
    data = {
        "call_id": "rtc_479",
        "sip_headers": [{"name": "From", "value": "sip:+142555512112@sip.example.com"}],
    }
    body, headers = signed(event("realtime.call.incoming", data))
    decoded = client.webhooks.unwrap(body, headers, secret=SECRET)
    assert type(decoded).__name__ == "RealtimeCallIncomingWebhookEvent"
    assert decoded.data.call_id == "rtc_479"
    assert decoded.data.sip_headers[0].value == "sip:+142555512112@sip.example.com"


def test_the_clients_webhook_secret_is_the_default(client: Portkey | AsyncPortkey) -> None:
    body, headers = signed(event("batch.failed", {"id": "batch_1"}))
    client = client.with_options(webhook_secret=SECRET)
    assert client.webhooks.unwrap(body, headers).type_ == "batch.failed"
    with pytest.raises(InvalidWebhookSignatureError):
        client.webhooks.verify_signature(body, headers, secret="whsec_" + base64.b64encode(b"other").decode())


def test_no_secret_anywhere_names_both_ways_to_give_one(client: Portkey | AsyncPortkey) -> None:
    body, headers = signed(event("batch.failed", {"id": "batch_1"}))
    with pytest.raises(PortkeyValidationError, match=r"secret=.*webhook_secret="):
        client.webhooks.unwrap(body, headers)


def test_headers_are_read_case_insensitively_and_any_listed_signature_may_match(
    client: Portkey | AsyncPortkey,
) -> None:
    body, headers = signed(event("batch.expired", {"id": "batch_1"}))
    rotated = {
        "Webhook-Id": headers["webhook-id"],
        "WEBHOOK-TIMESTAMP": headers["webhook-timestamp"],
        "Webhook-Signature": "v1,b2xkLXNpZ25hdHVyZQ== " + headers["webhook-signature"],
    }
    client.webhooks.verify_signature(body, rotated, secret=SECRET)


def test_a_plain_secret_is_used_as_its_bytes(client: Portkey | AsyncPortkey) -> None:
    body, headers = signed(event("batch.expired", {"id": "batch_1"}), secret="plain-secret")
    client.webhooks.verify_signature(body, headers, secret="plain-secret")


def _tampered(headers: dict[str, str]) -> dict[str, str]:
    return {**headers, "webhook-id": "msg_2"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda body, headers: (body.replace("batch_1", "batch_2"), headers), "does not match"),
        (lambda body, headers: (body, _tampered(headers)), "does not match"),
        (lambda body, headers: (body, {**headers, "webhook-timestamp": str(NOW - 301)}), "301 s old"),
        (lambda body, headers: (body, {**headers, "webhook-timestamp": str(NOW + 301)}), "in the future"),
        (lambda body, headers: (body, {**headers, "webhook-timestamp": "yesterday"}), "not a whole number"),
        (
            lambda body, headers: (body, {k: v for k, v in headers.items() if k != "webhook-signature"}),
            "webhook-signature header is missing",
        ),
    ],
)
def test_a_bad_delivery_is_refused_naming_why_and_never_showing_the_secret(
    client: Portkey | AsyncPortkey, change: Any, message: str
) -> None:
    body, headers = change(*signed(event("batch.completed", {"id": "batch_1"})))
    with pytest.raises(InvalidWebhookSignatureError, match=message) as caught:
        client.webhooks.unwrap(body, headers, secret=SECRET)
    assert isinstance(caught.value, PortkeyError)
    assert isinstance(caught.value, ValueError)
    assert SECRET not in str(caught.value)
    assert SECRET.removeprefix("whsec_") not in str(caught.value)


def test_the_tolerance_is_adjustable(client: Portkey | AsyncPortkey) -> None:
    body, headers = signed(event("batch.completed", {"id": "batch_1"}), at=NOW - 1000)
    client.webhooks.verify_signature(body, headers, secret=SECRET, tolerance=1001)
    with pytest.raises(InvalidWebhookSignatureError):
        client.webhooks.verify_signature(body, headers, secret=SECRET)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (event("batch.paused", {"id": "batch_1"}), "unknown webhook event type 'batch.paused'"),
        (["not", "an", "object"], "JSON list"),
        (event("batch.completed", {}), "does not have the expected shape"),
    ],
)
def test_a_signed_body_that_is_not_a_known_event_is_a_payload_error(
    client: Portkey | AsyncPortkey, payload: Any, message: str
) -> None:
    body = json.dumps(payload)
    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    signature = base64.b64encode(
        hmac.new(key, f"msg_1.{NOW}.{body}".encode(), hashlib.sha256).digest()
    ).decode()
    headers = {"webhook-id": "msg_1", "webhook-timestamp": str(NOW), "webhook-signature": f"v1,{signature}"}
    with pytest.raises(InvalidWebhookPayloadError, match=message):
        client.webhooks.unwrap(body, headers, secret=SECRET)


def test_a_whsec_secret_that_is_not_base64_is_a_validation_error(client: Portkey | AsyncPortkey) -> None:
    with pytest.raises(PortkeyValidationError, match="base64") as caught:
        client.webhooks.verify_signature(VECTOR_BODY, VECTOR_HEADERS, secret="whsec_not*base64")
    assert "not*base64" not in str(caught.value)
