"""Every data-plane resource the upstream serves, called through the gateway with the sync client."""

import json

from portkey_generated.models.batch import Batch
from portkey_generated.models.chat_completion import ChatCompletion
from portkey_generated.models.completion import Completion
from portkey_generated.models.completion_usage import CompletionUsage
from portkey_generated.models.embedding_list import EmbeddingList
from portkey_generated.models.file_object import FileObject
from portkey_generated.models.images_response import ImagesResponse
from portkey_generated.models.message import Message
from portkey_generated.models.model import Model
from portkey_generated.models.response_input_message import ResponseInputMessage
from portkey_generated.models.response_input_text import ResponseInputText
from portkey_generated.models.response_object import ResponseObject
from portkey_generated.models.transcription import Transcription
from portkey_generated.params import ChatFunctionParameters
from portkey_typed import Portkey
from tests.harness import Upstream
from tests.harness.chat_bodies import echo_of
from tests.harness.openai_bodies import EMBEDDING_SIZE, MODEL_IDS
from tests.integration.helpers import (
    ANTHROPIC_MESSAGES,
    CHAT_MODEL,
    MESSAGES,
    PROMPT,
    message_text,
    output_text,
)


def test_chat_completion(client: Portkey, upstream: Upstream) -> None:
    chat = client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
    assert isinstance(chat, ChatCompletion)
    assert chat.choices[0].message.content == echo_of(PROMPT)
    assert chat.choices[0].finish_reason == "stop"
    assert isinstance(chat.usage, CompletionUsage)
    assert chat.usage.total_tokens == chat.usage.prompt_tokens + chat.usage.completion_tokens
    assert upstream.last.json == {"model": CHAT_MODEL, "messages": MESSAGES}


# ChatFunctionParameters is generated as an empty TypedDict (an open JSON object), so no key type-checks.
LOOKUP_PARAMETERS: ChatFunctionParameters = {"type": "object"}  # type: ignore[typeddict-unknown-key]


def test_chat_completion_with_tool_call(client: Portkey) -> None:
    chat = client.chat.completions.create(
        model=CHAT_MODEL,
        messages=MESSAGES,
        tools=[{"type": "function", "function": {"name": "lookup", "parameters": LOOKUP_PARAMETERS}}],
    )
    calls = chat.choices[0].message.tool_calls
    assert isinstance(calls, list)
    assert calls[0].function.name == "lookup"
    assert json.loads(calls[0].function.arguments) == {"text": PROMPT}
    assert chat.choices[0].finish_reason == "tool_calls"


def test_text_completion(client: Portkey) -> None:
    completion = client.completions.create(model="gpt-3.5-turbo-instruct", prompt=PROMPT)
    assert isinstance(completion, Completion)
    assert completion.choices[0].text == echo_of(PROMPT)


def test_embeddings(client: Portkey) -> None:
    embedded = client.embeddings.create(model="text-embedding-3-small", input=["one", "two"])
    assert isinstance(embedded, EmbeddingList)
    assert [item.index for item in embedded.data] == [0, 1]
    assert all(len(item.embedding) == EMBEDDING_SIZE for item in embedded.data)


def test_models_list_and_retrieve(client: Portkey) -> None:
    listed = client.models.list()
    assert [model.id for model in listed.data] == list(MODEL_IDS)
    model = client.models.retrieve("gpt-4o")
    assert isinstance(model, Model)
    assert (model.id, model.owned_by) == ("gpt-4o", "upstream")


def test_image_generation(client: Portkey) -> None:
    images = client.images.generate(model="dall-e-3", prompt="a lighthouse")
    assert isinstance(images, ImagesResponse)
    assert isinstance(images.data, list)
    assert images.data[0].revised_prompt == echo_of("a lighthouse")
    assert images.data[0].url


def test_speech_returns_audio_bytes(client: Portkey) -> None:
    audio = client.audio.speech.create(model="tts-1", voice="alloy", input="read this")
    assert audio.endswith(b"read this")


def test_transcription_uploads_the_file(client: Portkey, upstream: Upstream) -> None:
    transcript = client.audio.transcriptions.create(file=("talk.mp3", b"spoken words"), model="whisper-1")
    assert isinstance(transcript, Transcription)
    assert transcript.text == echo_of("spoken words")
    assert upstream.last.headers["content-type"].startswith("multipart/form-data")


def test_translation(client: Portkey) -> None:
    translated = client.audio.translations.create(file=("talk.mp3", b"hola"), model="whisper-1")
    assert translated.text == echo_of("hola")


def test_moderation(client: Portkey) -> None:
    moderated = client.moderations.create(input=["a calm day", "an attack"])
    assert [result.flagged for result in moderated.results] == [False, True]


def test_files_lifecycle(client: Portkey) -> None:
    uploaded = client.files.create(file=("rows.jsonl", b'{"row": 1}\n'), purpose="batch")
    assert isinstance(uploaded, FileObject)
    assert (uploaded.filename, uploaded.purpose, uploaded.bytes_) == ("rows.jsonl", "batch", 11)
    assert uploaded.id in [item.id for item in client.files.list().data]
    assert client.files.retrieve(uploaded.id).filename == "rows.jsonl"
    assert client.files.content(uploaded.id) == b'{"row": 1}\n'
    assert client.files.delete(uploaded.id).deleted is True


def test_batches_lifecycle(client: Portkey) -> None:
    batch = client.batches.create(
        input_file_id="file-abc", endpoint="/v1/chat/completions", completion_window="24h"
    )
    assert isinstance(batch, Batch)
    assert (batch.status, batch.input_file_id) == ("validating", "file-abc")
    assert batch.id in [item.id for item in client.batches.list().data]
    assert client.batches.retrieve(batch.id).id == batch.id
    assert client.batches.cancel(batch.id).status == "cancelling"


def test_responses_lifecycle(client: Portkey) -> None:
    created = client.responses.create(model=CHAT_MODEL, input=PROMPT)
    assert isinstance(created, ResponseObject)
    assert created.status == "completed"
    assert output_text(created) == echo_of(PROMPT)
    assert client.responses.retrieve(created.id).id == created.id
    first_input = client.responses.input_items.list(created.id).data[0]
    assert isinstance(first_input, ResponseInputMessage)
    assert isinstance(first_input.content, list)
    assert isinstance(first_input.content[0], ResponseInputText)
    assert first_input.content[0].text == PROMPT
    assert client.responses.delete(created.id).deleted is True


def test_anthropic_messages(client: Portkey, upstream: Upstream) -> None:
    anthropic = client.with_options(provider="anthropic")
    message = anthropic.messages.create(model="claude-3-5-haiku", max_tokens=64, messages=ANTHROPIC_MESSAGES)
    assert isinstance(message, Message)
    assert message_text(message) == echo_of(PROMPT)
    assert message.stop_reason == "end_turn"
    assert upstream.last.headers["x-api-key"] == "sk-test"


def test_anthropic_count_tokens(client: Portkey) -> None:
    counted = client.with_options(provider="anthropic").messages.count_tokens(
        model="claude-3-5-haiku", messages=ANTHROPIC_MESSAGES
    )
    assert counted.input_tokens == len(PROMPT.split())
