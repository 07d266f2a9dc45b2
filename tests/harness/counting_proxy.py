"""A TCP proxy on loopback that counts the connections it accepts, to see whether a client reuses them."""

import asyncio
import contextlib
import threading
from types import TracebackType

from tests.harness.ports import LOOPBACK

CHUNK = 65536
SETTLE_SECONDS = 5.0
"""How long closing waits for the connections still forwarding (their clients have gone) to finish."""


class CountingProxy:
    """Forwards every connection to `port` on loopback; `accepted` counts the connections clients opened."""

    def __init__(self, port: int) -> None:
        self.target_port = port
        self.accepted = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._stopped: asyncio.Event | None = None
        self.port = 0
        self._thread = threading.Thread(
            target=self._loop.run_until_complete, args=(self._serve(),), daemon=True
        )
        self._thread.start()
        self._ready.wait(timeout=10)

    def url(self, path: str = "") -> str:
        return f"http://{LOOPBACK}:{self.port}{path}"

    async def _serve(self) -> None:
        self._stopped = asyncio.Event()
        server = await asyncio.start_server(self._forward, LOOPBACK, 0, backlog=512)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        async with server:
            await self._stopped.wait()
        forwarding = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        if forwarding:
            await asyncio.wait(forwarding, timeout=SETTLE_SECONDS)
        for task in forwarding:
            task.cancel()
        await asyncio.gather(*forwarding, return_exceptions=True)

    async def _forward(self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter) -> None:
        self.accepted += 1
        try:
            target_in, target_out = await asyncio.open_connection(LOOPBACK, self.target_port)
        except OSError:
            client_out.close()
            return
        with contextlib.suppress(asyncio.CancelledError):  # closing the proxy cancels what is left
            await asyncio.gather(_pipe(client_in, target_out), _pipe(target_in, client_out))

    def close(self) -> None:
        if self._stopped is not None:
            self._loop.call_soon_threadsafe(self._stopped.set)
        self._thread.join(timeout=10)
        self._loop.close()

    def __enter__(self) -> "CountingProxy":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    try:
        while data := await source.read(CHUNK):
            sink.write(data)
            await sink.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        sink.close()
