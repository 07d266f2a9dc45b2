"""chatkit: OpenAI's ChatKit sessions and threads (a beta API, forwarded by the gateway's catch-all route);
every call opts in with `OpenAI-Beta: chatkit_beta=v1`, as the official SDK does."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error
from .harness import Gateway, call, client, json_reply

AREA = "chatkit"
SESSION_ID = "cksess_68d5b1e2c1f08190a1d2e3f4a5b6c7d8"
THREAD_ID = "cthr_68d5b2a0f1c48190b2c3d4e5f6a7b8c9"
SESSION = {
    "id": SESSION_ID,
    "object": "chatkit.session",
    "expires_at": 1760000600,
    "client_secret": "ek_68d5b1e2_secret",
    "workflow": {"id": "wf_support", "version": None, "state_variables": None, "tracing": {"enabled": True}},
    "user": "user-42",
    "rate_limits": {"max_requests_per_1_minute": 10},
    "max_requests_per_1_minute": 10,
    "status": "active",
    "chatkit_configuration": {"history": {"enabled": True}},
}
THREAD = {
    "id": THREAD_ID,
    "object": "chatkit.thread",
    "created_at": 1760000100,
    "title": "Refund for order 1182",
    "status": {"type": "locked", "reason": "Escalated to a person"},
    "user": "user-42",
}
PAGE = {"limit": 20, "order": "desc", "after": "cthr_0"}
SENT_PAGE = {"limit": "20", "order": "desc", "after": "cthr_0"}

CASES = [
    Case(
        "beta.chatkit.sessions.create",
        "POST",
        "/chatkit/sessions",
        kwargs={
            "workflow": {"id": "wf_support", "tracing": {"enabled": True}},
            "user": "user-42",
            "expires_after": {"anchor": "created_at", "seconds": 600},
        },
        body={
            "workflow": {"id": "wf_support", "tracing": {"enabled": True}},
            "user": "user-42",
            "expires_after": {"anchor": "created_at", "seconds": 600},
        },
        reply=SESSION,
        returns="ChatkitSession",
        expect={
            "status": "active",
            "workflow.tracing.enabled": True,
            "rate_limits.max_requests_per_1_minute": 10,
        },
    ),
    Case(
        "beta.chatkit.sessions.cancel",
        "POST",
        f"/chatkit/sessions/{SESSION_ID}/cancel",
        args=(SESSION_ID,),
        reply={**SESSION, "status": "cancelled"},
        returns="ChatkitSession",
        expect={"status": "cancelled"},
    ),
    Case(
        "beta.chatkit.threads.list",
        "GET",
        "/chatkit/threads",
        kwargs={**PAGE, "user": "user-42"},
        query={**SENT_PAGE, "user": "user-42"},
        reply={
            "object": "list",
            "data": [THREAD],
            "first_id": THREAD_ID,
            "last_id": THREAD_ID,
            "has_more": False,
        },
        returns="ChatkitThreadList",
        expect={"data.0.status.type_": "locked", "data.0.title": "Refund for order 1182"},
    ),
    Case(
        "beta.chatkit.threads.retrieve",
        "GET",
        f"/chatkit/threads/{THREAD_ID}",
        args=(THREAD_ID,),
        reply=THREAD,
        returns="ChatkitThread",
        expect={"status.reason": "Escalated to a person"},
    ),
    Case(
        "beta.chatkit.threads.delete",
        "DELETE",
        f"/chatkit/threads/{THREAD_ID}",
        args=(THREAD_ID,),
        reply={"id": THREAD_ID, "object": "chatkit.thread.deleted", "deleted": True},
        returns="ChatkitThreadDeleted",
        expect={"deleted": True},
    ),
    Case(
        "beta.chatkit.threads.list_items",
        "GET",
        f"/chatkit/threads/{THREAD_ID}/items",
        args=(THREAD_ID,),
        kwargs={"limit": 20, "order": "asc"},
        query={"limit": "20", "order": "asc"},
        reply={
            "object": "list",
            "data": [
                {
                    "id": "cthi_1",
                    "object": "chatkit.thread_item",
                    "created_at": 1760000101,
                    "thread_id": THREAD_ID,
                    "type": "chatkit.user_message",
                    "content": [{"type": "input_text", "text": "Where is my refund?"}],
                    "attachments": [],
                    "inference_options": None,
                }
            ],
            "first_id": "cthi_1",
            "last_id": "cthi_1",
            "has_more": False,
        },
        returns="ChatkitThreadItemList",
        expect={"data.0.type_": "chatkit.user_message", "data.0.thread_id": THREAD_ID},
    ),
]

ERROR = ErrorCase(
    "beta.chatkit.threads.retrieve",
    args=("cthr_missing",),
    reply=provider_error("No thread found with id 'cthr_missing'."),
    message="No thread found with id 'cthr_missing'.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)


async def test_every_call_opts_in_to_the_beta_and_a_caller_may_override_it(flavor: str) -> None:
    gateway = Gateway(json_reply(THREAD), json_reply(THREAD))
    portkey = client(flavor, gateway)
    await call(portkey, "beta.chatkit.threads.retrieve", THREAD_ID)
    assert gateway.last.headers["openai-beta"] == "chatkit_beta=v1"
    await call(
        portkey, "beta.chatkit.threads.retrieve", THREAD_ID, extra_headers={"OpenAI-Beta": "chatkit_beta=v2"}
    )
    assert gateway.last.headers["openai-beta"] == "chatkit_beta=v2"
