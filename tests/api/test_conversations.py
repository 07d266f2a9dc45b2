"""conversations: stored Responses API state and its items (OpenAI's API, forwarded by the gateway's catch-all route)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "conversations"
CONVERSATION = {
    "id": "conv_68d0",
    "object": "conversation",
    "created_at": 1758560000,
    "metadata": {"topic": "demo"},
}
MESSAGE = {
    "type": "message",
    "id": "msg_abc",
    "status": "completed",
    "role": "user",
    "content": [{"type": "input_text", "text": "Hello!"}],
}
ITEMS = {"object": "list", "data": [MESSAGE], "first_id": "msg_abc", "last_id": "msg_abc", "has_more": False}

CASES = [
    Case(
        "conversations.create",
        "POST",
        "/conversations",
        kwargs={
            "items": [{"type": "message", "role": "user", "content": "Hello!"}],
            "metadata": {"topic": "demo"},
        },
        body={
            "items": [{"type": "message", "role": "user", "content": "Hello!"}],
            "metadata": {"topic": "demo"},
        },
        reply=CONVERSATION,
        returns="Conversation",
        expect={"id": "conv_68d0"},
    ),
    Case(
        "conversations.retrieve",
        "GET",
        "/conversations/conv_68d0",
        kwargs={"conversation_id": "conv_68d0"},
        reply=CONVERSATION,
        returns="Conversation",
        expect={"created_at": 1758560000},
    ),
    Case(
        "conversations.update",
        "POST",
        "/conversations/conv_68d0",
        kwargs={"conversation_id": "conv_68d0", "metadata": {"topic": "other"}},
        body={"metadata": {"topic": "other"}},
        reply={**CONVERSATION, "metadata": {"topic": "other"}},
        returns="Conversation",
        expect={"id": "conv_68d0"},
    ),
    Case(
        "conversations.delete",
        "DELETE",
        "/conversations/conv_68d0",
        kwargs={"conversation_id": "conv_68d0"},
        reply={"id": "conv_68d0", "object": "conversation.deleted", "deleted": True},
        returns="ConversationDeleted",
        expect={"deleted": True},
    ),
    Case(
        "conversations.items.create",
        "POST",
        "/conversations/conv_68d0/items",
        kwargs={
            "conversation_id": "conv_68d0",
            "items": [{"type": "message", "role": "user", "content": "Hello!"}],
        },
        body={"items": [{"type": "message", "role": "user", "content": "Hello!"}]},
        reply=ITEMS,
        returns="ConversationItemList",
        expect={"data.0.type_": "message", "data.0.id": "msg_abc"},
    ),
    Case(
        "conversations.items.list",
        "GET",
        "/conversations/conv_68d0/items",
        kwargs={"conversation_id": "conv_68d0", "limit": 10, "order": "asc"},
        query={"limit": "10", "order": "asc"},
        reply=ITEMS,
        returns="ConversationItemList",
        expect={"has_more": False},
    ),
    Case(
        "conversations.items.retrieve",
        "GET",
        "/conversations/conv_68d0/items/msg_abc",
        kwargs={"conversation_id": "conv_68d0", "item_id": "msg_abc"},
        reply=MESSAGE,
        returns="ConversationItem",
        expect={"type_": "message", "additional_properties.role": "user"},
    ),
    Case(
        "conversations.items.delete",
        "DELETE",
        "/conversations/conv_68d0/items/msg_abc",
        kwargs={"conversation_id": "conv_68d0", "item_id": "msg_abc"},
        reply=CONVERSATION,
        returns="Conversation",
        expect={"id": "conv_68d0"},
    ),
]

ERROR = ErrorCase(
    "conversations.retrieve",
    kwargs={"conversation_id": "conv_missing"},
    reply=provider_error("Conversation not found."),
    message="Conversation not found.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
