"""analytics: graphs, summaries and groups over a time window of requests (control plane).

Every call takes the same window and filters; the table below gives, per call, its path, one data point
and the summary the answer carries, and the figure read back from the typed result."""

from __future__ import annotations

from typing import Any

import pytest

from portkey_typed import BadRequestError

from .cases import Case, ErrorCase, check, check_error, management_error

AREA = "analytics"
WINDOW = {"time_of_generation_min": "2024-06-01T00:00:00Z", "time_of_generation_max": "2024-06-08T00:00:00Z"}
FILTERS = {
    "workspace_slug": "ws-research-4b1c",
    "status_code": "200,429",
    "cost_min": 0.5,
    "metadata": '{"env":"prod"}',
}
SENT_FILTERS = {
    "workspace_slug": "ws-research-4b1c",
    "status_code": "200,429",
    "cost_min": "0.5",
    "metadata": '{"env":"prod"}',
}
DAY = "2024-06-01T00:00:00.000Z"
DAY_READ = "2024-06-01T00:00:00+00:00"

# (method, path, summary, one data point, returned class, {dotted path: value read back})
GRAPHS: list[tuple[str, str, dict[str, Any], dict[str, Any], str, dict[str, Any]]] = [
    (
        "requests",
        "requests",
        {"total": 1840},
        {"timestamp": DAY, "total": 263},
        "AnalyticsCountGraph",
        {"summary.total": 1840, "data_points.0.total": 263},
    ),
    (
        "cost",
        "cost",
        {"total": 412.5, "avg": 0.22},
        {"timestamp": DAY, "total": 58.9, "avg": 0.21},
        "AnalyticsTotalAverageGraph",
        {"summary.avg": 0.22, "data_points.0.timestamp": DAY_READ},
    ),
    (
        "latency",
        "latency",
        {"avg": 812.4, "p50": 640.0, "p90": 1490.0, "p99": 3210.0},
        {"timestamp": DAY, "avg": 790.2, "p50": 620.0, "p90": 1400.0, "p99": 2980.0},
        "AnalyticsLatencyGraph",
        {"summary.p99": 3210.0, "data_points.0.p50": 620.0},
    ),
    (
        "tokens",
        "tokens",
        {"total": 920331, "avg": 500.2},
        {"timestamp": DAY, "total": 130500, "avg": 496.1},
        "AnalyticsTotalAverageGraph",
        {"summary.total": 920331},
    ),
    (
        "users",
        "users",
        {"total": 37},
        {"timestamp": DAY, "total": 12},
        "AnalyticsCountGraph",
        {"summary.total": 37},
    ),
    (
        "users_requests",
        "users/requests",
        {"total": 1840, "unique": 37, "avg": 49.7},
        {"timestamp": DAY, "avg": 21.9},
        "AnalyticsUserRequestsGraph",
        {"summary.unique": 37, "data_points.0.avg": 21.9},
    ),
    (
        "errors",
        "errors",
        {"total": 41},
        {"timestamp": DAY, "total": 6},
        "AnalyticsCountGraph",
        {"summary.total": 41},
    ),
    (
        "errors_rate",
        "errors/rate",
        {"rate": 2.2},
        {"timestamp": DAY, "rate": 2.3},
        "AnalyticsRateGraph",
        {"summary.rate": 2.2},
    ),
    (
        "errors_stacks",
        "errors/stacks",
        {"total": 41},
        {
            "timestamp": DAY,
            "stats": [{"response_status_code": 429, "count": 5}, {"response_status_code": 500, "count": 1}],
        },
        "AnalyticsErrorStacksGraph",
        {"data_points.0.stats.0.response_status_code": 429},
    ),
    (
        "errors_status_codes",
        "errors/status-codes",
        {"total_errors": 41, "unique_error_codes": 3},
        {"status_code": 429, "count": 30},
        "AnalyticsStatusCodesGraph",
        {"summary.unique_error_codes": 3, "data_points.0.count": 30},
    ),
    (
        "requests_rescued",
        "requests/rescued",
        {"retry": 25, "fallback": 9},
        {"timestamp": DAY, "retry": [{"retry_success_count": 1, "count": 4}], "fallback": 2},
        "AnalyticsRescuedGraph",
        {"summary.fallback": 9, "data_points.0.retry.0.count": 4},
    ),
    (
        "cache_hit_rate",
        "cache/hit-rate",
        {"total": 310, "rate": 16.8},
        {
            "timestamp": DAY,
            "simple_hits": 40,
            "semantic_hits": 5,
            "rate": 17.1,
            "cumulative_simple_cache_savings": 3.2,
            "cumulative_semantic_cache_savings": 0.4,
        },
        "AnalyticsCacheHitRateGraph",
        {"summary.rate": 16.8, "data_points.0.semantic_hits": 5},
    ),
    (
        "cache_latency",
        "cache/latency",
        {},
        {"timestamp": DAY, "avg": 35.0},
        "AnalyticsCacheLatencyGraph",
        {"data_points.0.avg": 35.0},
    ),
    (
        "feedbacks",
        "feedbacks",
        {"total": 88},
        {"timestamp": DAY, "total": 11},
        "AnalyticsCountGraph",
        {"summary.total": 88},
    ),
    (
        "feedbacks_scores",
        "feedbacks/scores",
        {"total": 88},
        {"score": 10, "total": 51},
        "AnalyticsFeedbackScoresGraph",
        {"data_points.0.score": 10},
    ),
    (
        "feedbacks_weighted",
        "feedbacks/weighted",
        {"avg": 7.4},
        {"timestamp": DAY, "avg": 7.9},
        "AnalyticsAverageGraph",
        {"summary.avg": 7.4},
    ),
    (
        "feedbacks_ai_models",
        "feedbacks/ai-models",
        {},
        {"ai_model": "gpt-4o-mini", "total": 40, "avg_weighted_feedback": 8.1},
        "AnalyticsFeedbackModelsGraph",
        {"data_points.0.ai_model": "gpt-4o-mini"},
    ),
]

GROUP_PAGE = {"current_page": 0, "page_size": 25}
SENT_GROUP_PAGE = {"current_page": "0", "page_size": "25"}

CASES = [
    *(
        Case(
            f"analytics.graphs.{method}",
            "GET",
            f"/analytics/graphs/{path}",
            kwargs={**WINDOW, **FILTERS},
            query={**WINDOW, **SENT_FILTERS},
            reply={"summary": summary, "data_points": [point], "object": "analytics-graph"},
            returns=returns,
            expect={"object_": "analytics-graph", **expect},
        )
        for method, path, summary, point, returns, expect in GRAPHS
    ),
    Case(
        "analytics.summary.cache",
        "GET",
        "/analytics/summary/cache",
        kwargs=WINDOW,
        query=WINDOW,
        reply={
            "summary": {"hits": 310, "avg_latency": 35.2, "total_requests": 1840, "cache_speedup": 95.6},
            "object": "analytics-summary",
        },
        returns="AnalyticsCacheSummary",
        expect={"summary.hits": 310, "summary.cache_speedup": 95.6},
    ),
    Case(
        "analytics.groups.users",
        "GET",
        "/analytics/groups/users",
        kwargs={**WINDOW, **GROUP_PAGE},
        query={**WINDOW, **SENT_GROUP_PAGE},
        reply={
            "object": "list",
            "total": 1,
            "data": [
                {"user": "grace@example.com", "requests": "412", "cost": "81.3", "object": "analytics-group"}
            ],
        },
        returns="AnalyticsUserGroupList",
        expect={"data.0.user": "grace@example.com", "data.0.requests": "412"},
    ),
    Case(
        "analytics.groups.ai_models",
        "GET",
        "/analytics/groups/ai-models",
        kwargs={**WINDOW, "virtual_keys": "openai-prod-1a2b"},
        query={**WINDOW, "virtual_keys": "openai-prod-1a2b"},
        reply={
            "object": "list",
            "total": 2,
            "data": [
                {"ai_model": "gpt-4o-mini", "requests": "1320", "object": "analytics-group"},
                {"ai_model": "claude-3-5-sonnet-20241022", "requests": "520", "object": "analytics-group"},
            ],
        },
        returns="AnalyticsModelGroupList",
        expect={"total": 2, "data.1.ai_model": "claude-3-5-sonnet-20241022"},
    ),
    Case(
        "analytics.groups.metadata",
        "GET",
        "/analytics/groups/metadata/env",
        args=("env",),
        kwargs=WINDOW,
        query=WINDOW,
        reply={
            "object": "list",
            "total": 1,
            "data": [
                {
                    "metadata_value": "prod",
                    "requests": 1700,
                    "cost": 390.1,
                    "avg_tokens": 512.0,
                    "avg_weighted_feedback": 7.6,
                    "requests_with_feedback": 80,
                    "last_seen": "2024-06-07T23:59:12.000Z",
                    "object": "analytics-group",
                }
            ],
        },
        returns="AnalyticsMetadataGroupList",
        expect={"data.0.metadata_value": "prod", "data.0.last_seen": "2024-06-07T23:59:12+00:00"},
    ),
    Case(
        "analytics.groups.workspaces",
        "GET",
        "/analytics/groups/workspaces",
        kwargs=WINDOW,
        query=WINDOW,
        reply={
            "object": "list",
            "total": 1,
            "data": [{"workspace_id": "ws-research-4b1c", "requests": "96", "object": "analytics-group"}],
        },
        returns="AnalyticsWorkspaceGroupList",
        expect={"total": 1, "data.0.additional_properties.workspace_id": "ws-research-4b1c"},
    ),
]

ERROR = ErrorCase(
    "analytics.graphs.requests",
    kwargs=WINDOW,
    status=400,
    reply=management_error("time_of_generation_max must be after time_of_generation_min"),
    error=BadRequestError,
    message="time_of_generation_max must be after time_of_generation_min",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
