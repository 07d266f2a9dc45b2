"""Webhook events decoded into typed models, and a realtime session through the gateway."""

from __future__ import annotations

from portkey_generated.models.batch_webhook_event import BatchWebhookEvent
from portkey_generated.models.realtime_call_incoming_webhook_event import RealtimeCallIncomingWebhookEvent
from portkey_typed import AsyncPortkey, Portkey


def finished_batch(client: Portkey, body: bytes, headers: dict[str, str]) -> str | None:
    event = client.webhooks.unwrap(body, headers, secret="whsec_...")
    if isinstance(event, BatchWebhookEvent) and event.type_ == "batch.completed":
        return event.data.id
    if isinstance(event, RealtimeCallIncomingWebhookEvent):
        client.realtime.calls.accept(call_id=event.data.call_id, type="realtime", model="gpt-realtime")
    return None


def one_answer(client: Portkey) -> str:
    with client.realtime.connect(
        model="gpt-realtime", websocket_connection_options={"open_timeout": 5}
    ) as session:
        session.send({"type": "response.create", "response": {"instructions": "Say hi."}})
        for event in session:
            if event["type"] == "response.done":
                return str(event["response"]["id"])
    return ""


async def one_answer_async(client: AsyncPortkey) -> str:
    async with client.realtime.connect(model="gpt-realtime") as session:
        await session.send({"type": "response.create"})
        async for event in session:
            if event["type"] == "response.done":
                return str(event["response"]["id"])
    return ""


def rejected(client: Portkey) -> None:
    client.realtime.connect(model="gpt-realtime", websocket_connection_options={"opn_timeout": 5})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    client.webhooks.unwrap(b"{}", {}, secret=42)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
