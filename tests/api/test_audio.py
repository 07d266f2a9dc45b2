"""audio: speech from text, transcriptions and translations of recordings (OpenAI-compatible, data plane)."""

from __future__ import annotations

import pytest

from portkey_typed import UnprocessableEntityError

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "audio"
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00\xff\xfb\x90d\x00"
WAV = b"RIFF$\x00\x00\x00WAVEfmt "

CASES = [
    Case(
        "audio.speech.create",
        "POST",
        "/audio/speech",
        kwargs={
            "model": "gpt-4o-mini-tts",
            "input": "Your order has shipped.",
            "voice": "alloy",
            "speed": 1.1,
        },
        body={"model": "gpt-4o-mini-tts", "input": "Your order has shipped.", "voice": "alloy", "speed": 1.1},
        reply=MP3,
        returns="bytes",
    ),
    Case(
        "audio.transcriptions.create",
        "POST",
        "/audio/transcriptions",
        kwargs={
            "file": ("call.wav", WAV, "audio/wav"),
            "model": "whisper-1",
            "language": "en",
            "response_format": "verbose_json",
            "temperature": 0,
        },
        body={
            "file": "file:call.wav",
            "model": "whisper-1",
            "language": "en",
            "response_format": "verbose_json",
            "temperature": "0",
        },
        reply={
            "text": "Hello, I would like a refund.",
            "language": "english",
            "duration": 2.4,
            "segments": [
                {
                    "id": 0,
                    "seek": 0,
                    "start": 0.0,
                    "end": 2.4,
                    "text": "Hello, I would like a refund.",
                    "tokens": [50364, 2425, 11],
                    "temperature": 0.0,
                    "avg_logprob": -0.21,
                    "compression_ratio": 0.9,
                    "no_speech_prob": 0.01,
                }
            ],
            "usage": {"type": "duration", "seconds": 3},
        },
        returns="Transcription",
        expect={"text": "Hello, I would like a refund.", "segments.0.end": 2.4, "usage.seconds": 3},
    ),
    Case(
        "audio.translations.create",
        "POST",
        "/audio/translations",
        kwargs={"file": ("anruf.wav", WAV, "audio/wav"), "model": "whisper-1"},
        body={"file": "file:anruf.wav", "model": "whisper-1"},
        reply={"text": "Good morning, my parcel has not arrived."},
        returns="Translation",
        expect={"text": "Good morning, my parcel has not arrived."},
    ),
]

ERROR = ErrorCase(
    "audio.speech.create",
    kwargs={"model": "gpt-4o-mini-tts", "input": "", "voice": "alloy"},
    status=422,
    reply=provider_error("Input must not be empty"),
    error=UnprocessableEntityError,
    message="Input must not be empty",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
