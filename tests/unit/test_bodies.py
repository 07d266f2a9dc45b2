"""Request bodies: multipart files and list fields, and JSON from any Mapping or Sequence."""

from __future__ import annotations

import io
from pathlib import Path

import httpx

from portkey_typed import Portkey

from .mock_gateway import MockGateway, json_reply


def _parts(request: httpx.Request) -> list[tuple[str, bytes]]:
    boundary = request.headers["content-type"].split("boundary=")[1].encode()
    parts = []
    for chunk in request.read().split(b"--" + boundary)[1:-1]:
        head, _, payload = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
        name = head.split(b'name="')[1].split(b'"')[0].decode()
        parts.append((name, payload))
    return parts


def test_list_fields_go_out_as_repeated_parts_and_files_whole(gateway: MockGateway) -> None:
    gateway.script(json_reply({"text": "hello"}))
    client = Portkey(provider="openai", http_client=gateway.sync_http())
    upload = io.BytesIO(b"RIFF-audio-bytes")
    upload.read(4)  # a caller's half-read file is still sent from its start
    client.audio.transcriptions.create(
        file=("clip.wav", upload, "audio/wav"),
        model="whisper-1",
        temperature=0.5,
        extra_body={"timestamp_granularities[]": ["word", "segment"]},
    )
    parts = _parts(gateway.last)
    assert ("timestamp_granularities[]", b"word") in parts
    assert ("timestamp_granularities[]", b"segment") in parts
    assert ("model", b"whisper-1") in parts
    assert ("temperature", b"0.5") in parts
    assert ("file", b"RIFF-audio-bytes") in parts


def test_json_bodies_accept_any_mapping_and_sequence(gateway: MockGateway) -> None:
    from types import MappingProxyType

    client = Portkey(provider="openai", http_client=gateway.sync_http())
    client.chat.completions.create(
        model="m",
        messages=(MappingProxyType({"role": "user", "content": "Hi"}),),  # type: ignore[arg-type]
        stop=("a", "b"),
    )
    assert gateway.last.content == (
        b'{"messages":[{"role":"user","content":"Hi"}],"model":"m","stop":["a","b"]}'
    )


def test_an_open_file_goes_out_under_its_own_name(gateway: MockGateway, tmp_path: Path) -> None:
    gateway.script(json_reply({"id": "file-1", "object": "file", "purpose": "batch"}))
    client = Portkey(provider="openai", http_client=gateway.sync_http())
    path = tmp_path / "batch.jsonl"
    path.write_text('{"custom_id": "r1"}\n')
    with path.open("rb") as upload:
        client.files.create(file=upload, purpose="batch")
    assert b'filename="batch.jsonl"' in gateway.last.read()
    assert ("file", b'{"custom_id": "r1"}') in _parts(gateway.last)


def test_a_left_out_argument_is_left_out_and_none_is_sent_as_null(gateway: MockGateway) -> None:
    # The body keeps what the caller gave: NOT_GIVEN (the only NotGiven there is) drops a field.
    from portkey_typed import NOT_GIVEN, NotGiven

    assert NotGiven() is NOT_GIVEN
    gateway.script(
        json_reply({"id": "c", "object": "chat.completion", "created": 1, "model": "m", "choices": []})
    )
    client = Portkey(provider="openai", http_client=gateway.sync_http())

    client.chat.completions.create(model="m", messages=[], temperature=NotGiven(), seed=None, user=NOT_GIVEN)

    assert gateway.last.read() == b'{"messages":[],"model":"m","seed":null}'
