"""images: generation, edits and variations (OpenAI-compatible, data plane)."""

from __future__ import annotations

import pytest

from portkey_typed import BadRequestError

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "images"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
URL_RESULT = {
    "created": 1718003300,
    "data": [
        {"url": "https://images.example.com/a1.png", "revised_prompt": "A red bicycle against a white wall"}
    ],
}

CASES = [
    Case(
        "images.generate",
        "POST",
        "/images/generations",
        kwargs={
            "model": "gpt-image-1",
            "prompt": "A red bicycle",
            "size": "1024x1024",
            "quality": "high",
            "n": 1,
        },
        body={
            "model": "gpt-image-1",
            "prompt": "A red bicycle",
            "size": "1024x1024",
            "quality": "high",
            "n": 1,
        },
        reply={
            "created": 1718003300,
            "data": [{"b64_json": "iVBORw0KGgo="}],
            "background": "opaque",
            "output_format": "png",
            "quality": "high",
            "size": "1024x1024",
            "usage": {
                "total_tokens": 4200,
                "input_tokens": 10,
                "output_tokens": 4190,
                "input_tokens_details": None,
            },
        },
        returns="ImagesResponse",
        expect={"data.0.b64_json": "iVBORw0KGgo=", "usage.output_tokens": 4190, "output_format": "png"},
    ),
    Case(
        "images.edit",
        "POST",
        "/images/edits",
        kwargs={
            "image": ("bike.png", PNG, "image/png"),
            "prompt": "Make the bicycle blue",
            "model": "dall-e-2",
            "n": 1,
        },
        body={"image": "file:bike.png", "prompt": "Make the bicycle blue", "model": "dall-e-2", "n": "1"},
        reply=URL_RESULT,
        returns="ImagesResponse",
        expect={"data.0.url": "https://images.example.com/a1.png"},
    ),
    Case(
        "images.create_variation",
        "POST",
        "/images/variations",
        kwargs={"image": ("bike.png", PNG, "image/png"), "size": "512x512", "response_format": "url"},
        body={"image": "file:bike.png", "size": "512x512", "response_format": "url"},
        reply=URL_RESULT,
        returns="ImagesResponse",
        expect={"created": 1718003300, "data.0.revised_prompt": "A red bicycle against a white wall"},
    ),
]

ERROR = ErrorCase(
    "images.generate",
    kwargs={"prompt": "something not allowed"},
    status=400,
    reply=provider_error("Your request was rejected by the safety system.", "image_generation_user_error"),
    error=BadRequestError,
    message="Your request was rejected by the safety system.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
