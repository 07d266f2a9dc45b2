"""evals: evaluations, their runs and graded output items (OpenAI's API, forwarded by the gateway's catch-all route)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "evals"
SOURCE = {"type": "custom", "item_schema": {"type": "object"}, "include_sample_schema": True}
GRADER = {
    "type": "string_check",
    "name": "exact",
    "input": "{{sample.output_text}}",
    "reference": "{{item.answer}}",
    "operation": "eq",
}
EVAL = {
    "object": "eval",
    "id": "eval_67abd54d",
    "name": "answers",
    "data_source_config": SOURCE,
    "testing_criteria": [GRADER],
    "created_at": 1739314509,
    "metadata": {},
}
RUN = {
    "object": "eval.run",
    "id": "evalrun_67e57965",
    "eval_id": EVAL["id"],
    "name": "gpt-4o-mini run",
    "status": "completed",
    "model": "gpt-4o-mini",
    "created_at": 1743092069,
    "report_url": "https://platform.example/evals/1",
    "result_counts": {"total": 3, "passed": 2, "failed": 1, "errored": 0},
    "data_source": {"type": "jsonl", "source": {"type": "file_id", "id": "file-1"}},
    "metadata": None,
    "error": None,
}
ITEM = {
    "object": "eval.run.output_item",
    "id": "outputitem_1",
    "run_id": RUN["id"],
    "eval_id": EVAL["id"],
    "created_at": 1743092076,
    "status": "pass",
    "datasource_item_id": 5,
    "datasource_item": {"answer": "Paris"},
    "results": [{"name": "exact", "score": 1.0, "passed": True}],
    "sample": {"output": [{"role": "assistant", "content": "Paris"}]},
}
PAGE = {"object": "list", "first_id": "a", "last_id": "b", "has_more": False}
RUN_PATH = f"/evals/{EVAL['id']}/runs/{RUN['id']}"
RUN_KWARGS = {"eval_id": EVAL["id"], "run_id": RUN["id"]}

CASES = [
    Case(
        "evals.create",
        "POST",
        "/evals",
        kwargs={"name": "answers", "data_source_config": SOURCE, "testing_criteria": [GRADER]},
        body={"name": "answers", "data_source_config": SOURCE, "testing_criteria": [GRADER]},
        reply=EVAL,
        returns="Eval",
        expect={"id": EVAL["id"]},
    ),
    Case(
        "evals.list",
        "GET",
        "/evals",
        kwargs={"limit": 3, "order_by": "updated_at"},
        query={"limit": "3", "order_by": "updated_at"},
        reply={**PAGE, "data": [EVAL]},
        returns="EvalList",
        expect={"data.0.name": "answers"},
    ),
    Case(
        "evals.retrieve",
        "GET",
        f"/evals/{EVAL['id']}",
        kwargs={"eval_id": EVAL["id"]},
        reply=EVAL,
        returns="Eval",
        expect={"created_at": 1739314509},
    ),
    Case(
        "evals.update",
        "POST",
        f"/evals/{EVAL['id']}",
        kwargs={"eval_id": EVAL["id"], "name": "renamed"},
        body={"name": "renamed"},
        reply={**EVAL, "name": "renamed"},
        returns="Eval",
        expect={"name": "renamed"},
    ),
    Case(
        "evals.delete",
        "DELETE",
        f"/evals/{EVAL['id']}",
        kwargs={"eval_id": EVAL["id"]},
        reply={"object": "eval.deleted", "deleted": True, "eval_id": EVAL["id"]},
        returns="EvalDeleted",
        expect={"deleted": True},
    ),
    Case(
        "evals.runs.create",
        "POST",
        f"/evals/{EVAL['id']}/runs",
        kwargs={"eval_id": EVAL["id"], "name": "gpt-4o-mini run", "data_source": RUN["data_source"]},
        body={"name": "gpt-4o-mini run", "data_source": RUN["data_source"]},
        reply={**RUN, "status": "queued"},
        returns="EvalRun",
        expect={"status": "queued"},
    ),
    Case(
        "evals.runs.list",
        "GET",
        f"/evals/{EVAL['id']}/runs",
        kwargs={"eval_id": EVAL["id"], "status": "completed"},
        query={"status": "completed"},
        reply={**PAGE, "data": [RUN]},
        returns="EvalRunList",
        expect={"data.0.result_counts.passed": 2},
    ),
    Case(
        "evals.runs.retrieve",
        "GET",
        RUN_PATH,
        kwargs=RUN_KWARGS,
        reply=RUN,
        returns="EvalRun",
        expect={"model": "gpt-4o-mini"},
    ),
    Case(
        "evals.runs.cancel",
        "POST",
        RUN_PATH,
        kwargs=RUN_KWARGS,
        reply={**RUN, "status": "canceled"},
        returns="EvalRun",
        expect={"status": "canceled"},
    ),
    Case(
        "evals.runs.delete",
        "DELETE",
        RUN_PATH,
        kwargs=RUN_KWARGS,
        reply={"object": "eval.run.deleted", "deleted": True, "run_id": RUN["id"]},
        returns="EvalRunDeleted",
        expect={"run_id": RUN["id"]},
    ),
    Case(
        "evals.runs.output_items.list",
        "GET",
        f"{RUN_PATH}/output_items",
        kwargs={**RUN_KWARGS, "status": "fail"},
        query={"status": "fail"},
        reply={**PAGE, "data": [ITEM]},
        returns="EvalRunOutputItemList",
        expect={"data.0.datasource_item_id": 5},
    ),
    Case(
        "evals.runs.output_items.retrieve",
        "GET",
        f"{RUN_PATH}/output_items/outputitem_1",
        kwargs={**RUN_KWARGS, "output_item_id": "outputitem_1"},
        reply=ITEM,
        returns="EvalRunOutputItem",
        expect={"status": "pass"},
    ),
]

ERROR = ErrorCase(
    "evals.retrieve",
    kwargs={"eval_id": "eval_missing"},
    reply=provider_error("Eval not found."),
    message="Eval not found.",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
