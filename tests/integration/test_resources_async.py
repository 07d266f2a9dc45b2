"""The same resources through the async client."""

from portkey_generated.models.chat_completion import ChatCompletion
from portkey_generated.models.completion import Completion
from portkey_generated.models.embedding_list import EmbeddingList
from portkey_generated.models.message import Message
from portkey_generated.models.response_object import ResponseObject
from portkey_typed import AsyncPortkey
from tests.harness.chat_bodies import echo_of
from tests.harness.openai_bodies import MODEL_IDS
from tests.integration.helpers import (
    ANTHROPIC_MESSAGES,
    CHAT_MODEL,
    MESSAGES,
    PROMPT,
    message_text,
    output_text,
)


async def test_chat_completion(async_client: AsyncPortkey) -> None:
    chat = await async_client.chat.completions.create(model=CHAT_MODEL, messages=MESSAGES)
    assert isinstance(chat, ChatCompletion)
    assert chat.choices[0].message.content == echo_of(PROMPT)


async def test_text_completion(async_client: AsyncPortkey) -> None:
    completion = await async_client.completions.create(model="gpt-3.5-turbo-instruct", prompt=PROMPT)
    assert isinstance(completion, Completion)
    assert completion.choices[0].text == echo_of(PROMPT)


async def test_embeddings(async_client: AsyncPortkey) -> None:
    embedded = await async_client.embeddings.create(model="text-embedding-3-small", input="one")
    assert isinstance(embedded, EmbeddingList)
    assert len(embedded.data) == 1


async def test_models(async_client: AsyncPortkey) -> None:
    assert [model.id for model in (await async_client.models.list()).data] == list(MODEL_IDS)
    assert (await async_client.models.retrieve("gpt-4o")).id == "gpt-4o"


async def test_images_and_audio(async_client: AsyncPortkey) -> None:
    images = await async_client.images.generate(model="dall-e-3", prompt="a lighthouse")
    assert isinstance(images.data, list)
    assert images.data[0].revised_prompt == echo_of("a lighthouse")
    audio = await async_client.audio.speech.create(model="tts-1", voice="alloy", input="read this")
    assert audio.endswith(b"read this")
    transcript = await async_client.audio.transcriptions.create(file=("a.mp3", b"words"), model="whisper-1")
    assert transcript.text == echo_of("words")
    translated = await async_client.audio.translations.create(file=("a.mp3", b"hola"), model="whisper-1")
    assert translated.text == echo_of("hola")


async def test_moderation(async_client: AsyncPortkey) -> None:
    moderated = await async_client.moderations.create(input="an attack")
    assert moderated.results[0].flagged is True


async def test_files_and_batches(async_client: AsyncPortkey) -> None:
    uploaded = await async_client.files.create(file=("rows.jsonl", b"{}\n"), purpose="batch")
    assert uploaded.id in [item.id for item in (await async_client.files.list()).data]
    assert (await async_client.files.retrieve(uploaded.id)).id == uploaded.id
    assert await async_client.files.content(uploaded.id) == b"{}\n"
    batch = await async_client.batches.create(
        input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    assert batch.id in [item.id for item in (await async_client.batches.list()).data]
    assert (await async_client.batches.retrieve(batch.id)).status == "validating"
    assert (await async_client.batches.cancel(batch.id)).status == "cancelling"
    assert (await async_client.files.delete(uploaded.id)).deleted is True


async def test_responses(async_client: AsyncPortkey) -> None:
    created = await async_client.responses.create(model=CHAT_MODEL, input=PROMPT)
    assert isinstance(created, ResponseObject)
    assert output_text(created) == echo_of(PROMPT)
    assert (await async_client.responses.retrieve(created.id)).id == created.id
    assert len((await async_client.responses.input_items.list(created.id)).data) == 1
    assert (await async_client.responses.delete(created.id)).deleted is True


async def test_anthropic_messages(async_client: AsyncPortkey) -> None:
    anthropic = async_client.with_options(provider="anthropic")
    message = await anthropic.messages.create(
        model="claude-3-5-haiku", max_tokens=64, messages=ANTHROPIC_MESSAGES
    )
    assert isinstance(message, Message)
    assert message_text(message) == echo_of(PROMPT)


async def test_anthropic_count_tokens(async_client: AsyncPortkey) -> None:
    counted = await async_client.with_options(provider="anthropic").messages.count_tokens(
        model="claude-3-5-haiku", messages=ANTHROPIC_MESSAGES
    )
    assert counted.input_tokens == len(PROMPT.split())
