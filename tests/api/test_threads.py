"""threads: the OpenAI Assistants threads, their messages, runs and run steps, reached as
`client.beta.threads` (data plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "threads"
THREAD_ID = "thread_abc123"
MESSAGE_ID = "msg_abc123"
RUN_ID = "run_abc123"
STEP_ID = "step_abc123"
THREAD = {
    "id": THREAD_ID,
    "object": "thread",
    "created_at": 1699012949,
    "tool_resources": None,
    "metadata": {},
}
MESSAGE = {
    "id": MESSAGE_ID,
    "object": "thread.message",
    "created_at": 1699017614,
    "thread_id": THREAD_ID,
    "status": "completed",
    "incomplete_details": None,
    "completed_at": 1699017615,
    "incomplete_at": None,
    "role": "user",
    "content": [{"type": "text", "text": {"value": "Where is order 1042?", "annotations": []}}],
    "assistant_id": None,
    "run_id": None,
    "attachments": [],
    "metadata": {},
}
RUN = {
    "id": RUN_ID,
    "object": "thread.run",
    "created_at": 1699063290,
    "thread_id": THREAD_ID,
    "assistant_id": "asst_abc123",
    "status": "requires_action",
    "required_action": {
        "type": "submit_tool_outputs",
        "submit_tool_outputs": {
            "tool_calls": [
                {
                    "id": "call_001",
                    "type": "function",
                    "function": {"name": "lookup_order", "arguments": '{"number":"1042"}'},
                }
            ]
        },
    },
    "last_error": None,
    "expires_at": 1699063890,
    "started_at": 1699063291,
    "cancelled_at": None,
    "failed_at": None,
    "completed_at": None,
    "incomplete_details": None,
    "model": "gpt-4o",
    "instructions": "You answer order questions.",
    "tools": [{"type": "function", "function": {"name": "lookup_order"}}],
    "metadata": {},
    "usage": None,
    "temperature": 1.0,
    "top_p": 1.0,
    "max_prompt_tokens": 1000,
    "max_completion_tokens": 1000,
    "truncation_strategy": {"type": "auto", "last_messages": None},
    "tool_choice": "auto",
    "parallel_tool_calls": True,
    "response_format": "auto",
}
STEP = {
    "id": STEP_ID,
    "object": "thread.run.step",
    "created_at": 1699063291,
    "assistant_id": "asst_abc123",
    "thread_id": THREAD_ID,
    "run_id": RUN_ID,
    "type": "tool_calls",
    "status": "completed",
    "step_details": {
        "type": "tool_calls",
        "tool_calls": [
            {
                "id": "call_001",
                "type": "function",
                "function": {
                    "name": "lookup_order",
                    "arguments": '{"number":"1042"}',
                    "output": '{"status":"shipped"}',
                },
            }
        ],
    },
    "last_error": None,
    "expired_at": None,
    "cancelled_at": None,
    "failed_at": None,
    "completed_at": 1699063295,
    "metadata": {},
    "usage": {"prompt_tokens": 123, "completion_tokens": 45, "total_tokens": 168},
}
PAGE = {"object": "list", "has_more": False}
THREAD_PATH = f"/threads/{THREAD_ID}"
MESSAGE_PATH = f"{THREAD_PATH}/messages/{MESSAGE_ID}"
RUN_PATH = f"{THREAD_PATH}/runs/{RUN_ID}"
USER_MESSAGE = {"role": "user", "content": "Where is order 1042?"}

CASES = [
    Case(
        "beta.threads.create",
        "POST",
        "/threads",
        kwargs={"messages": [USER_MESSAGE]},
        body={"messages": [USER_MESSAGE]},
        reply=THREAD,
        returns="Thread",
        expect={"id": THREAD_ID, "tool_resources": None},
    ),
    Case(
        "beta.threads.create_and_run",
        "POST",
        "/threads/runs",
        kwargs={"assistant_id": "asst_abc123", "thread": {"messages": [USER_MESSAGE]}},
        body={"assistant_id": "asst_abc123", "thread": {"messages": [USER_MESSAGE]}},
        reply={**RUN, "status": "queued", "required_action": None},
        returns="ThreadRun",
        expect={"status": "queued", "required_action": None},
    ),
    Case(
        "beta.threads.retrieve",
        "GET",
        THREAD_PATH,
        args=(THREAD_ID,),
        reply=THREAD,
        returns="Thread",
        expect={"created_at": 1699012949},
    ),
    Case(
        "beta.threads.update",
        "POST",
        THREAD_PATH,
        args=(THREAD_ID,),
        kwargs={"tool_resources": {"code_interpreter": {"file_ids": ["file-7XbW2nQk9LmP"]}}},
        body={"tool_resources": {"code_interpreter": {"file_ids": ["file-7XbW2nQk9LmP"]}}},
        reply={**THREAD, "tool_resources": {"code_interpreter": {"file_ids": ["file-7XbW2nQk9LmP"]}}},
        returns="Thread",
        expect={"tool_resources.code_interpreter.file_ids": ["file-7XbW2nQk9LmP"]},
    ),
    Case(
        "beta.threads.delete",
        "DELETE",
        THREAD_PATH,
        args=(THREAD_ID,),
        reply={"id": THREAD_ID, "object": "thread.deleted", "deleted": True},
        returns="ThreadDeleted",
        expect={"deleted": True},
    ),
    Case(
        "beta.threads.messages.list",
        "GET",
        f"{THREAD_PATH}/messages",
        args=(THREAD_ID,),
        kwargs={"run_id": RUN_ID, "order": "asc"},
        query={"run_id": RUN_ID, "order": "asc"},
        reply={**PAGE, "data": [MESSAGE], "first_id": MESSAGE_ID, "last_id": MESSAGE_ID},
        returns="ThreadMessageList",
        expect={"data.0.content.0.text.value": "Where is order 1042?"},
    ),
    Case(
        "beta.threads.messages.create",
        "POST",
        f"{THREAD_PATH}/messages",
        args=(THREAD_ID,),
        kwargs=USER_MESSAGE,
        body=USER_MESSAGE,
        reply=MESSAGE,
        returns="ThreadMessage",
        expect={"role": "user", "content.0.__class__.__name__": "ThreadMessageContentText"},
    ),
    Case(
        "beta.threads.messages.retrieve",
        "GET",
        MESSAGE_PATH,
        args=(THREAD_ID, MESSAGE_ID),
        reply=MESSAGE,
        returns="ThreadMessage",
        expect={"status": "completed", "completed_at": 1699017615},
    ),
    Case(
        "beta.threads.messages.update",
        "POST",
        MESSAGE_PATH,
        args=(THREAD_ID, MESSAGE_ID),
        kwargs={"metadata": {"reviewed": "yes"}},
        body={"metadata": {"reviewed": "yes"}},
        reply={**MESSAGE, "metadata": {"reviewed": "yes"}},
        returns="ThreadMessage",
        expect={"metadata.additional_properties": {"reviewed": "yes"}},
    ),
    Case(
        "beta.threads.messages.delete",
        "DELETE",
        MESSAGE_PATH,
        args=(THREAD_ID, MESSAGE_ID),
        reply={"id": MESSAGE_ID, "object": "thread.message.deleted", "deleted": True},
        returns="ThreadMessageDeleted",
        expect={"deleted": True},
    ),
    Case(
        "beta.threads.runs.list",
        "GET",
        f"{THREAD_PATH}/runs",
        args=(THREAD_ID,),
        kwargs={"limit": 5},
        query={"limit": "5"},
        reply={**PAGE, "data": [RUN], "first_id": RUN_ID, "last_id": RUN_ID},
        returns="ThreadRunList",
        expect={"data.0.status": "requires_action"},
    ),
    Case(
        "beta.threads.runs.create",
        "POST",
        f"{THREAD_PATH}/runs",
        args=(THREAD_ID,),
        kwargs={"assistant_id": "asst_abc123", "additional_instructions": "Be brief."},
        body={"assistant_id": "asst_abc123", "additional_instructions": "Be brief."},
        reply={**RUN, "status": "queued", "required_action": None},
        returns="ThreadRun",
        expect={"status": "queued"},
    ),
    Case(
        "beta.threads.runs.retrieve",
        "GET",
        RUN_PATH,
        args=(THREAD_ID, RUN_ID),
        reply=RUN,
        returns="ThreadRun",
        expect={
            "required_action.submit_tool_outputs.tool_calls.0.function.name": "lookup_order",
            "truncation_strategy.type_": "auto",
        },
    ),
    Case(
        "beta.threads.runs.update",
        "POST",
        RUN_PATH,
        args=(THREAD_ID, RUN_ID),
        kwargs={"metadata": {"ticket": "4411"}},
        body={"metadata": {"ticket": "4411"}},
        reply={**RUN, "metadata": {"ticket": "4411"}},
        returns="ThreadRun",
        expect={"metadata.additional_properties": {"ticket": "4411"}},
    ),
    Case(
        "beta.threads.runs.submit_tool_outputs",
        "POST",
        f"{RUN_PATH}/submit_tool_outputs",
        args=(THREAD_ID, RUN_ID),
        kwargs={"tool_outputs": [{"tool_call_id": "call_001", "output": '{"status":"shipped"}'}]},
        body={"tool_outputs": [{"tool_call_id": "call_001", "output": '{"status":"shipped"}'}]},
        reply={**RUN, "status": "in_progress", "required_action": None},
        returns="ThreadRun",
        expect={"status": "in_progress"},
    ),
    Case(
        "beta.threads.runs.cancel",
        "POST",
        f"{RUN_PATH}/cancel",
        args=(THREAD_ID, RUN_ID),
        reply={**RUN, "status": "cancelling", "required_action": None},
        returns="ThreadRun",
        expect={"status": "cancelling"},
    ),
    Case(
        "beta.threads.runs.steps.list",
        "GET",
        f"{RUN_PATH}/steps",
        args=(THREAD_ID, RUN_ID),
        reply={**PAGE, "data": [STEP], "first_id": STEP_ID, "last_id": STEP_ID},
        returns="ThreadRunStepList",
        expect={"data.0.usage.total_tokens": 168},
    ),
    Case(
        "beta.threads.runs.steps.retrieve",
        "GET",
        f"{RUN_PATH}/steps/{STEP_ID}",
        args=(THREAD_ID, RUN_ID, STEP_ID),
        reply=STEP,
        returns="ThreadRunStep",
        expect={
            "step_details.__class__.__name__": "ThreadRunStepToolCallsDetails",
            "step_details.tool_calls.0.function.output": '{"status":"shipped"}',
        },
    ),
]

ERROR = ErrorCase(
    "beta.threads.retrieve",
    args=("thread_missing",),
    reply=provider_error("No thread found with id 'thread_missing'."),
    message="No thread found with id 'thread_missing'.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
