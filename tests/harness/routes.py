"""The upstream's routes: which function answers each (method, path under /v1)."""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from tests.harness import anthropic_bodies, chat_bodies, management, openai_bodies, responses_bodies
from tests.harness.multipart import parse_form
from tests.harness.recording import RecordedRequest
from tests.harness.replies import Reply, bytes_reply, json_reply, openai_error, sse_frame, sse_reply
from tests.harness.store import Store

DONE_FRAME = sse_frame("[DONE]")


@dataclass(frozen=True)
class Call:
    """A request being answered, with the path parameters of its route and the shared store."""

    request: RecordedRequest
    params: Mapping[str, str]
    store: Store

    @property
    def body(self) -> dict[str, Any]:
        parsed = self.request.json
        return parsed if isinstance(parsed, dict) else {}

    @property
    def streaming(self) -> bool:
        return self.body.get("stream") is True


Handler = Callable[[Call], Reply]


def not_found(what: str) -> Reply:
    return json_reply(openai_error(404, f"No such {what}"), 404)


def chat(call: Call) -> Reply:
    if call.streaming:
        frames = [sse_frame(chunk) for chunk in chat_bodies.chat_chunks(call.body)]
        return sse_reply([*frames, DONE_FRAME])
    return json_reply(chat_bodies.chat_completion(call.body))


def completions(call: Call) -> Reply:
    if call.streaming:
        frames = [sse_frame(chunk) for chunk in chat_bodies.text_completion_chunks(call.body)]
        return sse_reply([*frames, DONE_FRAME])
    return json_reply(chat_bodies.text_completion(call.body))


def embeddings(call: Call) -> Reply:
    return json_reply(openai_bodies.embeddings(call.body))


def list_models(call: Call) -> Reply:
    return json_reply(openai_bodies.model_list())


def retrieve_model(call: Call) -> Reply:
    return json_reply(openai_bodies.model(call.params["id"]))


def generate_image(call: Call) -> Reply:
    return json_reply(openai_bodies.image_generation(call.body))


def speech(call: Call) -> Reply:
    return bytes_reply(openai_bodies.speech_audio(call.body), "audio/mpeg")


def transcribe(call: Call) -> Reply:
    form = parse_form(call.request.headers.get("content-type", ""), call.request.body)
    _, audio = form.files.get("file", ("", b""))
    result = openai_bodies.transcription(audio)
    if form.values.get("response_format") == "text":
        return bytes_reply(result["text"].encode(), "text/plain")
    return json_reply(result)


def moderate(call: Call) -> Reply:
    return json_reply(openai_bodies.moderation(call.body))


def listing(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "object": "list",
        "data": items,
        "first_id": items[0]["id"] if items else None,
        "last_id": items[-1]["id"] if items else None,
        "has_more": False,
    }


def upload_file(call: Call) -> Reply:
    form = parse_form(call.request.headers.get("content-type", ""), call.request.body)
    filename, content = form.files.get("file", ("upload.bin", b""))
    return json_reply(call.store.add_file(filename, form.values.get("purpose", "user_data"), content))


def list_files(call: Call) -> Reply:
    return json_reply(listing(list(call.store.files.values())))


def retrieve_file(call: Call) -> Reply:
    found = call.store.files.get(call.params["id"])
    return json_reply(found) if found else not_found("file")


def delete_file(call: Call) -> Reply:
    file_id = call.params["id"]
    if not call.store.delete_file(file_id):
        return not_found("file")
    return json_reply({"id": file_id, "object": "file", "deleted": True})


def file_content(call: Call) -> Reply:
    content = call.store.file_contents.get(call.params["id"])
    return bytes_reply(content, "application/octet-stream") if content is not None else not_found("file")


def create_batch(call: Call) -> Reply:
    return json_reply(call.store.add_batch(call.body))


def list_batches(call: Call) -> Reply:
    return json_reply(listing(list(call.store.batches.values())))


def retrieve_batch(call: Call) -> Reply:
    found = call.store.batches.get(call.params["id"])
    return json_reply(found) if found else not_found("batch")


def cancel_batch(call: Call) -> Reply:
    found = call.store.cancel_batch(call.params["id"])
    return json_reply(found) if found else not_found("batch")


def create_response(call: Call) -> Reply:
    inputs = responses_bodies.input_items(call.body)
    if call.streaming:
        events = responses_bodies.response_events(call.body)
        final = events[-1][1]["response"]
        call.store.add_response(final, inputs)
        return sse_reply([sse_frame(data, name) for name, data in events])
    created = responses_bodies.response(call.body)
    call.store.add_response(created, inputs)
    return json_reply(created)


def retrieve_response(call: Call) -> Reply:
    found = call.store.responses.get(call.params["id"])
    return json_reply(found) if found else not_found("response")


def delete_response(call: Call) -> Reply:
    response_id = call.params["id"]
    if not call.store.delete_response(response_id):
        return not_found("response")
    return json_reply({"id": response_id, "object": "response", "deleted": True})


def response_input_items(call: Call) -> Reply:
    found = call.store.response_inputs.get(call.params["id"])
    return json_reply(listing(found)) if found is not None else not_found("response")


def messages(call: Call) -> Reply:
    if call.streaming:
        events = anthropic_bodies.message_events(call.body)
        return sse_reply([sse_frame(data, name) for name, data in events])
    return json_reply(anthropic_bodies.message(call.body))


def count_message_tokens(call: Call) -> Reply:
    return json_reply(anthropic_bodies.count_tokens_reply(call.body))


ROUTES: list[tuple[str, str, Handler]] = [
    ("POST", "chat/completions", chat),
    ("POST", "completions", completions),
    ("POST", "embeddings", embeddings),
    ("GET", "models", list_models),
    ("GET", "models/{id}", retrieve_model),
    ("POST", "images/generations", generate_image),
    ("POST", "audio/speech", speech),
    ("POST", "audio/transcriptions", transcribe),
    ("POST", "audio/translations", transcribe),
    ("POST", "moderations", moderate),
    ("GET", "files", list_files),
    ("POST", "files", upload_file),
    ("GET", "files/{id}", retrieve_file),
    ("DELETE", "files/{id}", delete_file),
    ("GET", "files/{id}/content", file_content),
    ("GET", "batches", list_batches),
    ("POST", "batches", create_batch),
    ("GET", "batches/{id}", retrieve_batch),
    ("POST", "batches/{id}/cancel", cancel_batch),
    ("POST", "responses", create_response),
    ("GET", "responses/{id}", retrieve_response),
    ("DELETE", "responses/{id}", delete_response),
    ("GET", "responses/{id}/input_items", response_input_items),
    ("POST", "messages", messages),
    ("POST", "messages/count_tokens", count_message_tokens),
    *management.ROUTES,
]

COMPILED = [
    (method, re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$"), handler)
    for method, template, handler in ROUTES
]


def find_route(method: str, route: str) -> tuple[Handler, dict[str, str]] | None:
    for route_method, pattern, handler in COMPILED:
        found = pattern.match(route)
        if found and route_method == method:
            return handler, found.groupdict()
    return None
