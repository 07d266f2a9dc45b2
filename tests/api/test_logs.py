"""logs: custom log entries, stored logs, log exports and the audit log (control plane)."""

from __future__ import annotations

import pytest

from .cases import NO_BODY, Case, ErrorCase, check, check_error, management_error

AREA = "logs"
LOG_ID = "a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d"
EXPORT_ID = "c9d0e1f2-a3b4-4c5d-8e6f-7a8b9c0d1e2f"
ORGANISATION = "6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a"
WORKSPACE = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
USER = "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b"
CUSTOM_LOG = {
    "request": {
        "url": "https://api.example-llm.com/v1/generate",
        "method": "POST",
        "headers": {"content-type": "application/json"},
        "body": {"model": "in-house-7b", "prompt": "Summarise the ticket"},
    },
    "response": {"status": 200, "body": {"text": "The customer asks for a refund."}, "response_time": 912},
    "metadata": {"trace_id": "ticket-4411", "span_name": "summarise", "_user": "support-bot"},
}
FILTERS = {
    "time_of_generation_min": "2024-06-01T00:00:00Z",
    "time_of_generation_max": "2024-06-30T23:59:59Z",
    "cost_min": 1,
}
FIELDS = ["id", "trace_id", "created_at", "ai_model", "cost", "response_status_code"]
EXPORT = {
    "id": EXPORT_ID,
    "organisation_id": ORGANISATION,
    "filters": FILTERS,
    "requested_data": FIELDS,
    "status": "success",
    "description": "June spend review",
    "created_at": "2024-07-01T08:00:00.000Z",
    "last_updated_at": "2024-07-01T08:04:00.000Z",
    "created_by": USER,
    "workspace_id": WORKSPACE,
    "object": "export",
}
EXPORT_PATH = f"/logs/exports/{EXPORT_ID}"
AUDIT_WINDOW = {
    "start_time": "2024-07-01T00:00:00Z",
    "end_time": "2024-07-02T00:00:00Z",
    "organisation_id": ORGANISATION,
}

CASES = [
    Case("logs.create", "POST", "/logs", kwargs={"body": CUSTOM_LOG}, body=CUSTOM_LOG, reply=NO_BODY),
    Case(
        "logs.retrieve",
        "GET",
        f"/logs/{LOG_ID}",
        args=(LOG_ID,),
        reply={
            "_id": LOG_ID,
            "request": {
                "url": "https://api.portkey.ai/v1/chat/completions",
                "method": "POST",
                "body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}]},
                "portkeyHeaders": {"x-portkey-provider": "openai", "x-portkey-trace-id": "ticket-4411"},
            },
            "response": {
                "status": 200,
                "body": {"id": "chatcmpl-9a1", "object": "chat.completion"},
                "responseTime": 640,
                "lastUsedOptionJsonPath": "config",
            },
            "organisation_id": ORGANISATION,
            "created_at": "2024-07-01T10:11:12.000Z",
            "metrics": {
                "ai_model": "gpt-4o-mini",
                "cost": 0.0042,
                "is_success": True,
                "trace_id": "ticket-4411",
            },
        },
        returns="LogRecord",
        expect={
            "field_id": LOG_ID,
            "request.method": "POST",
            "response.response_time": 640,
            "metrics.ai_model": "gpt-4o-mini",
            "created_at": "2024-07-01T10:11:12+00:00",
        },
    ),
    Case(
        "logs.exports.list",
        "GET",
        "/logs/exports",
        kwargs={"workspace_id": WORKSPACE},
        query={"workspace_id": WORKSPACE},
        reply={"object": "list", "total": 1, "data": [EXPORT]},
        returns="LogExportList",
        expect={"total": 1, "data.0.status": "success", "data.0.requested_data": FIELDS},
    ),
    Case(
        "logs.exports.create",
        "POST",
        "/logs/exports",
        kwargs={
            "workspace_id": WORKSPACE,
            "filters": FILTERS,
            "requested_data": FIELDS,
            "description": "June spend review",
        },
        body={
            "workspace_id": WORKSPACE,
            "filters": FILTERS,
            "requested_data": FIELDS,
            "description": "June spend review",
        },
        reply={"id": EXPORT_ID, "total": 1250, "object": "export"},
        returns="LogExportWriteResult",
        expect={"id": EXPORT_ID, "total": 1250},
    ),
    Case(
        "logs.exports.retrieve",
        "GET",
        EXPORT_PATH,
        args=(EXPORT_ID,),
        reply=EXPORT,
        returns="LogExport",
        expect={"description": "June spend review", "filters.cost_min": 1, "created_by": USER},
    ),
    Case(
        "logs.exports.update",
        "PUT",
        EXPORT_PATH,
        args=(EXPORT_ID,),
        kwargs={"filters": {**FILTERS, "ai_model": "gpt-4o"}},
        body={"filters": {**FILTERS, "ai_model": "gpt-4o"}},
        reply={"id": EXPORT_ID, "total": 310, "object": "export"},
        returns="LogExportWriteResult",
        expect={"total": 310},
    ),
    Case(
        "logs.exports.start",
        "POST",
        f"{EXPORT_PATH}/start",
        args=(EXPORT_ID,),
        reply={"message": "Export started", "object": "export"},
        returns="LogExportTaskResult",
        expect={"message": "Export started"},
    ),
    Case(
        "logs.exports.cancel",
        "POST",
        f"{EXPORT_PATH}/cancel",
        args=(EXPORT_ID,),
        reply={"message": "Export cancelled", "object": "export"},
        returns="LogExportTaskResult",
        expect={"message": "Export cancelled"},
    ),
    Case(
        "logs.exports.download",
        "GET",
        f"{EXPORT_PATH}/download",
        args=(EXPORT_ID,),
        reply={"signed_url": "https://exports.portkey.ai/c9d0e1f2.jsonl?signature=abc"},
        returns="LogExportDownload",
        expect={"signed_url": "https://exports.portkey.ai/c9d0e1f2.jsonl?signature=abc"},
    ),
    Case(
        "audit_logs.list",
        "GET",
        "/audit-logs",
        kwargs={**AUDIT_WINDOW, "method": "DELETE", "resource_type": "config"},
        query={**AUDIT_WINDOW, "method": "DELETE", "resource_type": "config"},
        reply={
            "records": [
                {
                    "timestamp": "2024-07-01T09:15:00.000Z",
                    "method": "DELETE",
                    "uri": "/v1/configs/pc-old-1a2b",
                    "request_id": "req-77f1",
                    "user_id": USER,
                    "user_type": "user",
                    "organisation_id": ORGANISATION,
                    "response_status_code": 200,
                    "resource_type": "config",
                    "action": "delete",
                    "client_ip": "203.0.113.9",
                    "country": "DE",
                }
            ],
            "total": 1,
            "object": "list",
        },
        returns="AuditLogList",
        expect={"total": 1, "records.0.uri": "/v1/configs/pc-old-1a2b", "records.0.user_type": "user"},
    ),
]

ERROR = ErrorCase(
    "logs.exports.retrieve",
    args=(EXPORT_ID,),
    reply=management_error("Export not found"),
    message="Export not found",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
