"""The places where a user of the client expects completions, as source text with `|` at the cursor.

Each position is written for `Portkey` and for `AsyncPortkey`; `expected` must all be among the
labels the engine offers there.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Position:
    name: str
    source: str
    expected: frozenset[str]
    pyright_only: bool = False

    def cursor(self) -> tuple[str, int, int]:
        """The source without the marker, and the marker's (line, column), both zero-based."""
        before, after = self.source.split("|", 1)
        lines = before.split("\n")
        return before + after, len(lines) - 1, len(lines[-1])


def positions(client: str) -> list[Position]:
    prefix = f"from portkey_typed import {client}\n\nclient = {client}()\n"
    awaited = "await " if client == "AsyncPortkey" else ""
    body = "async def main() -> None:\n" if awaited else "def main() -> None:\n"
    return [
        Position(
            "constructor keywords",
            f"from portkey_typed import {client}\n\nclient = {client}(|",
            frozenset(
                {
                    "api_key=",
                    "virtual_key=",
                    "config=",
                    "provider=",
                    "base_url=",
                    "trace_id=",
                    "Authorization=",
                }
            ),
        ),
        Position(
            "resources after client.",
            prefix + "client.|",
            frozenset({"chat", "embeddings", "completions", "files", "configs", "feedback", "with_options"}),
        ),
        Position(
            "methods after client.chat.completions.",
            prefix + "client.chat.completions.|",
            frozenset({"create", "with_raw_response"}),
        ),
        Position(
            "body keywords inside create(",
            prefix + "client.chat.completions.create(|",
            frozenset({"model=", "messages=", "temperature=", "tools=", "stream="}),
        ),
        Position(
            "fields after resp.choices[0].message.",
            prefix
            + body
            + f'    resp = {awaited}client.chat.completions.create(model="m", messages=[])\n'
            + "    resp.choices[0].message.|",
            frozenset({"content", "role", "tool_calls"}),
        ),
        Position(
            "GatewayConfig keys in a dict literal",
            'from portkey_typed.types import GatewayConfig\n\nconfig: GatewayConfig = {"|"}',
            frozenset({'"strategy"', '"targets"', '"retry"', '"request_timeout"'}),
            pyright_only=True,
        ),
        Position(
            "role literals in a message dict",
            prefix + 'client.chat.completions.create(model="m", messages=[{"role": "|"}])',
            frozenset({'"user"', '"system"', '"assistant"', '"tool"'}),
            pyright_only=True,
        ),
    ]
