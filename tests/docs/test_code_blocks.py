"""Every Python block of the README and docs/ runs, in order, against the real gateway on loopback and
the tests' own upstream; a block that cannot run offline says why (see tests/docs/blocks.py)."""

from __future__ import annotations

from pathlib import Path
from unittest import SkipTest

import httpx
import pytest

from tests.docs.blocks import ROOT, bad_skips, code_blocks, documents, is_code, module_source, parse
from tests.harness import Gateway, Upstream

DOCUMENTED_GATEWAYS = {("127.0.0.1", 8787), ("localhost", 8787)}
"""Where the docs' examples find a gateway on this machine; the tests send those calls to theirs."""
UPSTREAM_PREFIX = "/docs"


@pytest.fixture
def loopback_only(servers: tuple[Gateway, Upstream], monkeypatch: pytest.MonkeyPatch) -> Upstream:
    """Send calls to the documented local gateway to the tests' gateway, with the tests' upstream as the
    provider's host; refuse any call that would leave this machine."""
    gateway, upstream = servers

    def redirect(request: httpx.Request) -> None:
        url = request.url
        if (url.host, url.port) in DOCUMENTED_GATEWAYS:
            request.url = url.copy_with(host="127.0.0.1", port=gateway.port)
            request.headers["host"] = f"127.0.0.1:{gateway.port}"
            request.headers.setdefault("x-portkey-custom-host", upstream.url(UPSTREAM_PREFIX))
        elif url.host not in ("127.0.0.1", "localhost"):
            raise AssertionError(
                f"a docs block called {url}, off this machine: mark it "
                '<!-- skip: next "why it cannot run offline" -->'
            )

    sync_send = httpx.HTTPTransport.handle_request
    async_send = httpx.AsyncHTTPTransport.handle_async_request

    def handle_request(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        redirect(request)
        return sync_send(self, request)

    async def handle_async_request(self: httpx.AsyncHTTPTransport, request: httpx.Request) -> httpx.Response:
        redirect(request)
        return await async_send(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", handle_request)
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", handle_async_request)
    for name in (
        "PORTKEY_API_KEY",
        "PORTKEY_BASE_URL",
        "PORTKEY_VIRTUAL_KEY",
        "PORTKEY_CONFIG",
        "PORTKEY_PROVIDER",
    ):
        monkeypatch.delenv(name, raising=False)
    upstream.reset()
    return upstream


@pytest.mark.parametrize("path", documents(), ids=lambda p: str(p.relative_to(ROOT)))
def test_python_blocks_run(path: Path, loopback_only: Upstream) -> None:
    ran, skipped = [], []
    for example in parse(path):
        try:
            example.evaluate()
        except SkipTest as reason:
            skipped.append(f"line {example.line}: {reason}")
            continue
        except Exception as error:
            raise AssertionError(
                f"{path.name} line {example.line}: {type(error).__name__}: {error}"
            ) from error
        if is_code(example):
            ran.append(example.line)
    print(f"{path.name}: ran blocks at lines {ran}; skipped {skipped}")


def test_calls_reach_the_upstream_through_the_gateway(loopback_only: Upstream) -> None:
    """The README's first example really answers from the tests' upstream, through the real gateway."""
    readme = parse(ROOT / "README.md")
    first = next(example for example in readme if is_code(example))
    first.evaluate()
    assert loopback_only.requests_to(UPSTREAM_PREFIX), "the README's first example sent nothing upstream"


@pytest.mark.parametrize("path", documents(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_skip_gives_its_reason(path: Path) -> None:
    assert not bad_skips(path), f'write skips as <!-- skip: next "reason" -->: {bad_skips(path)}'


def test_type_check_modules_keep_the_markdown_line_numbers() -> None:
    readme = ROOT / "README.md"
    markdown = readme.read_text().splitlines()
    module = module_source(readme).splitlines()
    for first, source in code_blocks(parse(readme)):
        for offset, line in enumerate(source.splitlines()):
            assert module[first - 1 + offset] == line == markdown[first - 1 + offset]
