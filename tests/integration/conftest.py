"""Session fixtures for the integration suite: the test-owned upstream and the real gateway on loopback."""

from collections.abc import AsyncIterator, Generator, Iterator

import pytest

from portkey_typed import AsyncPortkey, Portkey
from tests.harness import Gateway, GatewayNotInstalledError, Upstream, start_gateway, start_upstream

GATEWAY_LOG_TAIL_CHARS = 4000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration/" in item.nodeid:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def upstream() -> Iterator[Upstream]:
    with start_upstream() as running:
        yield running


@pytest.fixture(scope="session")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    try:
        running = start_gateway(log_dir=tmp_path_factory.mktemp("gateway"))
    except GatewayNotInstalledError as missing:
        pytest.fail(str(missing), pytrace=False)
    with running:
        yield running


@pytest.fixture(autouse=True)
def fresh_upstream(upstream: Upstream) -> Iterator[None]:
    """Each test starts with no scheduled faults and an empty request record."""
    upstream.reset()
    yield
    upstream.reset()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Attach the tail of the gateway's log to a failing test's report."""
    report = yield
    running = getattr(item, "funcargs", {}).get("gateway")
    if report.failed and isinstance(running, Gateway):
        tail = running.log_text()[-GATEWAY_LOG_TAIL_CHARS:]
        report.sections.append(("gateway log", f"{running.log_path}\n{tail}"))
    return report


@pytest.fixture
def client(gateway: Gateway, upstream: Upstream) -> Iterator[Portkey]:
    """A facade client sending to upstream prefix `/a` through the gateway, without client retries."""
    portkey = Portkey(
        base_url=gateway.base_url,
        provider="openai",
        custom_host=upstream.url("/a"),
        authorization="sk-test",
        max_retries=0,
        timeout=10.0,
    )
    with portkey:
        yield portkey


@pytest.fixture
async def async_client(gateway: Gateway, upstream: Upstream) -> AsyncIterator[AsyncPortkey]:
    portkey = AsyncPortkey(
        base_url=gateway.base_url,
        provider="openai",
        custom_host=upstream.url("/a"),
        authorization="sk-test",
        max_retries=0,
        timeout=10.0,
    )
    async with portkey:
        yield portkey


@pytest.fixture
def config_client(gateway: Gateway) -> Iterator[Portkey]:
    """A facade client with no provider or custom host of its own: calls route by the config they pass.

    (The gateway lets an `x-portkey-custom-host` header override every target's `custom_host`.)
    """
    with Portkey(base_url=gateway.base_url, max_retries=0, timeout=10.0) as portkey:
        yield portkey


@pytest.fixture
async def async_config_client(gateway: Gateway) -> AsyncIterator[AsyncPortkey]:
    async with AsyncPortkey(base_url=gateway.base_url, max_retries=0, timeout=10.0) as portkey:
        yield portkey
