"""OpenAI bodies for embeddings, models, images, audio and moderations."""

import base64
import hashlib
import struct
from collections.abc import Mapping
from typing import Any

from tests.harness.chat_bodies import count_tokens, echo_of
from tests.harness.replies import new_id, now

EMBEDDING_SIZE = 8
MODEL_IDS = ("gpt-4o-mini", "gpt-4o", "text-embedding-3-small", "whisper-1", "tts-1", "dall-e-3")
MODERATION_CATEGORIES = (
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
)
FLAGGED_WORD = "attack"
# A tiny valid PNG (1x1, transparent), returned as image data.
PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def vector_for(text: str) -> list[float]:
    """A deterministic unit-scale vector derived from the text."""
    digest = hashlib.sha256(text.encode()).digest()
    return [round(byte / 255, 6) for byte in digest[:EMBEDDING_SIZE]]


def as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    return [str(value)]


def embeddings(request: Mapping[str, Any]) -> dict[str, Any]:
    inputs = as_list(request.get("input", ""))
    as_base64 = request.get("encoding_format") == "base64"
    data = []
    for index, text in enumerate(inputs):
        vector = vector_for(text)
        encoded: Any = vector
        if as_base64:
            encoded = base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
        data.append({"object": "embedding", "index": index, "embedding": encoded})
    tokens = sum(count_tokens(text) for text in inputs)
    return {
        "object": "list",
        "data": data,
        "model": request.get("model", "text-embedding-3-small"),
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }


def model(model_id: str) -> dict[str, Any]:
    return {"id": model_id, "object": "model", "created": 1_700_000_000, "owned_by": "upstream"}


def model_list() -> dict[str, Any]:
    return {"object": "list", "data": [model(model_id) for model_id in MODEL_IDS]}


def image_generation(request: Mapping[str, Any]) -> dict[str, Any]:
    count = int(request.get("n") or 1)
    prompt = str(request.get("prompt", ""))
    if request.get("response_format") == "b64_json":
        item: dict[str, Any] = {"b64_json": base64.b64encode(PNG_1X1).decode()}
    else:
        item = {"url": "https://images.example.invalid/generated.png"}
    item["revised_prompt"] = echo_of(prompt)
    return {"created": now(), "data": [dict(item) for _ in range(count)]}


def speech_audio(request: Mapping[str, Any]) -> bytes:
    """Fake audio: an MP3 frame-sync marker followed by the input text."""
    return b"\xff\xfb\x90\x00" + str(request.get("input", "")).encode()


def transcription(audio: bytes) -> dict[str, Any]:
    """The transcript of fake audio: the audio bytes read as text, echoed."""
    text = audio.decode(errors="replace").strip() or "silence"
    return {"text": echo_of(text), "usage": {"type": "duration", "seconds": 1}}


def moderation(request: Mapping[str, Any]) -> dict[str, Any]:
    results = []
    for text in as_list(request.get("input", "")):
        flagged = FLAGGED_WORD in text.lower()
        categories = {name: flagged and name == "violence" for name in MODERATION_CATEGORIES}
        scores = {name: (0.91 if categories[name] else 0.001) for name in MODERATION_CATEGORIES}
        results.append(
            {
                "flagged": flagged,
                "categories": categories,
                "category_scores": scores,
                "category_applied_input_types": {name: ["text"] for name in MODERATION_CATEGORIES},
            }
        )
    return {
        "id": new_id("modr-"),
        "model": request.get("model", "omni-moderation-latest"),
        "results": results,
    }
