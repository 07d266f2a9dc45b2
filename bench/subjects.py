"""The clients under test, each behind the same small interface.

Every subject is built on an httpx client the benchmark hands in (a MockTransport or a real pool), so all
of them share one transport and only their own request building and response decoding differ. SDK
imports happen inside the methods: the fresh-process probes time them.
"""

from __future__ import annotations

import importlib
import inspect
import json
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from bench.payloads import MESSAGES, MODEL

PROVIDER_KEY = "sk-bench-0000"
EMBEDDING_INPUT = [f"sentence number {index}" for index in range(8)]


@dataclass(frozen=True)
class Target:
    """Where requests go: the gateway URL and the upstream the gateway should forward to."""

    base_url: str = "http://127.0.0.1:8787/v1"
    custom_host: str = "http://127.0.0.1:9999/v1"

    @property
    def portkey_headers(self) -> dict[str, str]:
        """The gateway headers a plain OpenAI-style client has to add by hand."""
        return {"x-portkey-provider": "openai", "x-portkey-custom-host": self.custom_host}


class Subject:
    """One client library: how to build it and make each benchmarked call."""

    name = ""

    def sync_client(self, target: Target, http: httpx.Client) -> Any:
        raise NotImplementedError

    def async_client(self, target: Target, http: httpx.AsyncClient) -> Any:
        raise NotImplementedError

    def default_async_client(self, target: Target) -> Any:
        """An async client on the SDK's own default connection pool and timeouts, as a user gets it."""
        raise NotImplementedError

    async def aclose(self, client: Any) -> None:
        closed = client.close()
        if inspect.isawaitable(closed):
            await closed

    def chat(self, client: Any) -> Any:
        return client.chat.completions.create(model=MODEL, messages=MESSAGES)

    async def achat(self, client: Any) -> Any:
        return await client.chat.completions.create(model=MODEL, messages=MESSAGES)

    def stream(self, client: Any) -> Iterator[Any]:
        result: Iterator[Any] = client.chat.completions.create(model=MODEL, messages=MESSAGES, stream=True)
        return result

    async def astream(self, client: Any) -> AsyncIterator[Any]:
        result: AsyncIterator[Any] = await client.chat.completions.create(
            model=MODEL, messages=MESSAGES, stream=True
        )
        return result

    def chunk_decoder(self) -> Callable[[str], Any] | None:
        """What turns one stream event's data into this SDK's typed chunk, when it can be called alone."""
        return None

    def embed(self, client: Any) -> Any:
        return client.embeddings.create(
            model="text-embedding-3-small", input=EMBEDDING_INPUT, encoding_format="float"
        )


class PortkeyTyped(Subject):
    name = "portkey-typed"

    def sync_client(self, target: Target, http: httpx.Client) -> Any:
        from portkey_typed import Portkey

        return Portkey(
            base_url=target.base_url,
            provider="openai",
            custom_host=target.custom_host,
            authorization=PROVIDER_KEY,
            max_retries=0,
            http_client=http,
        )

    def async_client(self, target: Target, http: httpx.AsyncClient | None) -> Any:
        from portkey_typed import AsyncPortkey

        return AsyncPortkey(
            base_url=target.base_url,
            provider="openai",
            custom_host=target.custom_host,
            authorization=PROVIDER_KEY,
            max_retries=0,
            http_client=http,
        )

    def default_async_client(self, target: Target) -> Any:
        return self.async_client(target, None)

    def resource_stream(self, client: Any, resource: str) -> Any:
        """A stream of `resource` (payloads.RESOURCE_STREAMS), to be used in a `with` block."""
        if resource == "completions":
            return client.completions.create(model=MODEL, prompt="Say hello.", stream=True)
        if resource == "responses":
            return client.responses.create(model=MODEL, input="Say hello.", stream=True)
        if resource == "messages":
            return client.messages.create(model=MODEL, max_tokens=64, messages=MESSAGES, stream=True)
        if resource == "threads/runs":
            return client.beta.threads.create_and_run(assistant_id="asst_bench", stream=True)
        raise ValueError(f"no stream call for {resource!r}")

    def chunk_decoder(self) -> Callable[[str], Any]:
        from portkey_generated.models.chat_completion_chunk import ChatCompletionChunk
        from portkey_typed._json_parser import parse_json

        decode = ChatCompletionChunk.from_dict
        return lambda data: decode(parse_json(data))


class PortkeyAI(Subject):
    """The official Portkey SDK; it sends its calls through a bundled copy of openai."""

    name = "portkey-ai"

    def sync_client(self, target: Target, http: httpx.Client) -> Any:
        return _module("portkey_ai").Portkey(
            base_url=target.base_url, provider="openai", custom_host=target.custom_host, http_client=http
        )

    def async_client(self, target: Target, http: httpx.AsyncClient | None) -> Any:
        return _module("portkey_ai").AsyncPortkey(
            base_url=target.base_url, provider="openai", custom_host=target.custom_host, http_client=http
        )

    def default_async_client(self, target: Target) -> Any:
        return self.async_client(target, None)


class OpenAISDK(Subject):
    """The openai SDK pointed at the gateway, Portkey headers added by hand."""

    name = "openai"

    def sync_client(self, target: Target, http: httpx.Client) -> Any:
        return _module("openai").OpenAI(
            base_url=target.base_url,
            api_key=PROVIDER_KEY,
            default_headers=target.portkey_headers,
            max_retries=0,
            http_client=http,
        )

    def async_client(self, target: Target, http: httpx.AsyncClient | None) -> Any:
        return _module("openai").AsyncOpenAI(
            base_url=target.base_url,
            api_key=PROVIDER_KEY,
            default_headers=target.portkey_headers,
            max_retries=0,
            http_client=http,
        )

    def default_async_client(self, target: Target) -> Any:
        return self.async_client(target, None)


@dataclass
class RawClient:
    """The floor: an httpx client plus the URL and headers, bodies as plain dicts."""

    http: Any
    url: str
    headers: dict[str, str]


class RawHttpx(Subject):
    """No SDK: `json.dumps` the body, post it with httpx, `json.loads` the answer."""

    name = "httpx+json"

    def sync_client(self, target: Target, http: httpx.Client) -> RawClient:
        return RawClient(http, target.base_url, _raw_headers(target))

    def async_client(self, target: Target, http: httpx.AsyncClient) -> RawClient:
        return RawClient(http, target.base_url, _raw_headers(target))

    def default_async_client(self, target: Target) -> RawClient:
        return self.async_client(target, httpx.AsyncClient(timeout=600.0))

    async def aclose(self, client: RawClient) -> None:
        await client.http.aclose()

    def chunk_decoder(self) -> Callable[[str], Any]:
        return json.loads

    def resource_events(self, client: RawClient, resource: str) -> Iterator[Any]:
        """The decoded `data:` of every event of a `resource` stream (the SSE `event:` lines are skipped)."""
        body = json.dumps({"model": MODEL, "stream": True}).encode()
        with client.http.stream(
            "POST", f"{client.url}/{resource}", content=body, headers=client.headers
        ) as answer:
            for line in answer.iter_lines():
                if line.startswith("data: ") and line != "data: [DONE]":
                    yield json.loads(line[6:])

    def chat(self, client: RawClient) -> Any:
        body = json.dumps({"model": MODEL, "messages": MESSAGES}).encode()
        answer = client.http.post(f"{client.url}/chat/completions", content=body, headers=client.headers)
        answer.raise_for_status()
        return json.loads(answer.content)

    async def achat(self, client: RawClient) -> Any:
        body = json.dumps({"model": MODEL, "messages": MESSAGES}).encode()
        answer = await client.http.post(
            f"{client.url}/chat/completions", content=body, headers=client.headers
        )
        answer.raise_for_status()
        return json.loads(answer.content)

    def stream(self, client: RawClient) -> Iterator[Any]:
        body = json.dumps({"model": MODEL, "messages": MESSAGES, "stream": True}).encode()
        url = f"{client.url}/chat/completions"
        with client.http.stream("POST", url, content=body, headers=client.headers) as answer:
            for line in answer.iter_lines():
                if line.startswith("data: ") and line != "data: [DONE]":
                    yield json.loads(line[6:])

    async def astream(self, client: RawClient) -> AsyncIterator[Any]:
        return self._astream(client)

    async def _astream(self, client: RawClient) -> AsyncIterator[Any]:
        body = json.dumps({"model": MODEL, "messages": MESSAGES, "stream": True}).encode()
        url = f"{client.url}/chat/completions"
        async with client.http.stream("POST", url, content=body, headers=client.headers) as answer:
            async for line in answer.aiter_lines():
                if line.startswith("data: ") and line != "data: [DONE]":
                    yield json.loads(line[6:])

    def embed(self, client: RawClient) -> Any:
        request = {"model": "text-embedding-3-small", "input": EMBEDDING_INPUT, "encoding_format": "float"}
        answer = client.http.post(
            f"{client.url}/embeddings", content=json.dumps(request).encode(), headers=client.headers
        )
        answer.raise_for_status()
        return json.loads(answer.content)


def _module(name: str) -> Any:
    """An SDK module, imported on first use (the main venv's type checker need not have it installed)."""
    return importlib.import_module(name)


def _raw_headers(target: Target) -> dict[str, str]:
    return {
        **target.portkey_headers,
        "authorization": f"Bearer {PROVIDER_KEY}",
        "content-type": "application/json",
    }


SUBJECTS: dict[str, Subject] = {
    subject.name: subject for subject in (PortkeyTyped(), PortkeyAI(), OpenAISDK(), RawHttpx())
}
