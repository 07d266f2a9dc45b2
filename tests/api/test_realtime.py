"""realtime: the HTTP calls beside the WebSocket session (client secrets, WebRTC and SIP calls, the beta
session routes). The WebSocket itself is tested in tests/unit/test_realtime_connect.py."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "realtime"
SESSION = {"type": "realtime", "model": "gpt-realtime", "instructions": "Be brief."}
SDP_ANSWER = b"v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"

CASES = [
    Case(
        "realtime.client_secrets.create",
        "POST",
        "/realtime/client_secrets",
        kwargs={"session": SESSION, "expires_after": {"anchor": "created_at", "seconds": 600}},
        body={"session": SESSION, "expires_after": {"anchor": "created_at", "seconds": 600}},
        reply={"value": "ek_68af", "expires_at": 1756310470, "session": {**SESSION, "id": "sess_1"}},
        returns="RealtimeClientSecret",
        expect={"value": "ek_68af", "expires_at": 1756310470},
    ),
    Case(
        "realtime.calls.create",
        "POST",
        "/realtime/calls",
        kwargs={"sdp": "v=0 o=- 1 2 IN IP4 127.0.0.1"},
        body={"sdp": "v=0 o=- 1 2 IN IP4 127.0.0.1"},
        reply=SDP_ANSWER,
        returns="bytes",
    ),
    Case(
        "realtime.calls.accept",
        "POST",
        "/realtime/calls/rtc_1/accept",
        kwargs={"call_id": "rtc_1", "type": "realtime", "model": "gpt-realtime"},
        body={"type": "realtime", "model": "gpt-realtime"},
    ),
    Case("realtime.calls.hangup", "POST", "/realtime/calls/rtc_1/hangup", kwargs={"call_id": "rtc_1"}),
    Case(
        "realtime.calls.refer",
        "POST",
        "/realtime/calls/rtc_1/refer",
        kwargs={"call_id": "rtc_1", "target_uri": "tel:+14155550123"},
        body={"target_uri": "tel:+14155550123"},
    ),
    Case(
        "realtime.calls.reject",
        "POST",
        "/realtime/calls/rtc_1/reject",
        kwargs={"call_id": "rtc_1", "status_code": 486},
        body={"status_code": 486},
    ),
    Case(
        "beta.realtime.sessions.create",
        "POST",
        "/realtime/sessions",
        kwargs={"model": "gpt-4o-realtime-preview"},
        body={"model": "gpt-4o-realtime-preview"},
        reply={
            "id": "sess_001",
            "object": "realtime.session",
            "model": "gpt-4o-realtime-preview",
            "client_secret": {"value": "ek_1", "expires_at": 1},
        },
        returns="RealtimeBetaSession",
        expect={"client_secret.value": "ek_1"},
    ),
    Case(
        "beta.realtime.transcription_sessions.create",
        "POST",
        "/realtime/transcription_sessions",
        kwargs={"type": "transcription"},
        body={"type": "transcription"},
        reply={
            "id": "sess_002",
            "object": "realtime.transcription_session",
            "client_secret": {"value": "ek_2", "expires_at": 2},
        },
        returns="RealtimeBetaSession",
        expect={"id": "sess_002"},
    ),
]

ERROR = ErrorCase(
    "realtime.calls.hangup",
    kwargs={"call_id": "rtc_missing"},
    reply=provider_error("Call not found."),
    message="Call not found.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
