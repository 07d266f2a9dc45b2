"""videos: video generation jobs (OpenAI's API, forwarded by the gateway's catch-all route)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "videos"
VIDEO = {
    "id": "video_123",
    "object": "video",
    "model": "sora-2",
    "status": "queued",
    "progress": 0,
    "created_at": 1712697600,
    "completed_at": None,
    "expires_at": None,
    "prompt": "A calico cat playing a piano on stage",
    "size": "1280x720",
    "seconds": "8",
    "remixed_from_video_id": None,
    "error": None,
}
CHARACTER = {"id": "char_1", "name": "Mia", "created_at": 1712697700}
MP4 = b"\x00\x00\x00\x18ftypmp42"

CASES = [
    Case(
        "videos.create",
        "POST",
        "/videos",
        kwargs={"prompt": "A calico cat playing a piano on stage", "model": "sora-2", "seconds": "8"},
        body={"prompt": "A calico cat playing a piano on stage", "model": "sora-2", "seconds": "8"},
        reply=VIDEO,
        returns="Video",
        expect={"status": "queued", "seconds": "8"},
    ),
    Case(
        "videos.list",
        "GET",
        "/videos",
        kwargs={"limit": 1},
        query={"limit": "1"},
        reply={
            "object": "list",
            "data": [VIDEO],
            "first_id": "video_123",
            "last_id": "video_123",
            "has_more": False,
        },
        returns="VideoList",
        expect={"data.0.id": "video_123"},
    ),
    Case(
        "videos.retrieve",
        "GET",
        "/videos/video_123",
        kwargs={"video_id": "video_123"},
        reply={**VIDEO, "status": "completed", "progress": 100},
        returns="Video",
        expect={"progress": 100},
    ),
    Case(
        "videos.delete",
        "DELETE",
        "/videos/video_123",
        kwargs={"video_id": "video_123"},
        reply={"id": "video_123", "object": "video.deleted", "deleted": True},
        returns="VideoDeleted",
        expect={"deleted": True},
    ),
    Case(
        "videos.download_content",
        "GET",
        "/videos/video_123/content",
        kwargs={"video_id": "video_123", "variant": "video"},
        query={"variant": "video"},
        reply=MP4,
        returns="bytes",
    ),
    Case(
        "videos.remix",
        "POST",
        "/videos/video_123/remix",
        kwargs={"video_id": "video_123", "prompt": "Make it night"},
        body={"prompt": "Make it night"},
        reply={**VIDEO, "id": "video_456", "remixed_from_video_id": "video_123"},
        returns="Video",
        expect={"remixed_from_video_id": "video_123"},
    ),
    Case(
        "videos.edit",
        "POST",
        "/videos/edits",
        kwargs={"video": {"id": "video_123"}, "prompt": "Add rain"},
        body={"video": {"id": "video_123"}, "prompt": "Add rain"},
        reply={**VIDEO, "id": "video_789"},
        returns="Video",
        expect={"id": "video_789"},
    ),
    Case(
        "videos.extend",
        "POST",
        "/videos/extensions",
        kwargs={"video": {"id": "video_123"}, "prompt": "The cat bows", "seconds": "4"},
        body={"video": {"id": "video_123"}, "prompt": "The cat bows", "seconds": "4"},
        reply={**VIDEO, "id": "video_790"},
        returns="Video",
        expect={"id": "video_790"},
    ),
    Case(
        "videos.create_character",
        "POST",
        "/videos/characters",
        kwargs={"video": ("mia.mp4", MP4, "video/mp4"), "name": "Mia"},
        body={"video": "file:mia.mp4", "name": "Mia"},
        reply=CHARACTER,
        returns="VideoCharacter",
        expect={"name": "Mia"},
    ),
    Case(
        "videos.get_character",
        "GET",
        "/videos/characters/char_1",
        kwargs={"character_id": "char_1"},
        reply=CHARACTER,
        returns="VideoCharacter",
        expect={"id": "char_1"},
    ),
]

ERROR = ErrorCase(
    "videos.retrieve",
    kwargs={"video_id": "video_missing"},
    reply=provider_error("Video not found."),
    message="Video not found.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
