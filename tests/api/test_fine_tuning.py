"""fine_tuning: fine-tuning jobs, their events and checkpoints (OpenAI-compatible, data plane)."""

from __future__ import annotations

import pytest

from .cases import Case, ErrorCase, check, check_error, provider_error

AREA = "fine_tuning"
JOB_ID = "ftjob-abc123"
JOB = {
    "id": JOB_ID,
    "object": "fine_tuning.job",
    "created_at": 1718006000,
    "finished_at": None,
    "estimated_finish": 1718009600,
    "status": "running",
    "model": "gpt-4o-mini-2024-07-18",
    "fine_tuned_model": None,
    "training_file": "file-train-01",
    "validation_file": None,
    "result_files": [],
    "trained_tokens": None,
    "hyperparameters": {"n_epochs": 3, "batch_size": "auto", "learning_rate_multiplier": 1.8},
    "method": {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 3}}},
    "error": None,
    "organization_id": "org-4f1b",
    "seed": 42,
    "suffix": "support",
    "integrations": None,
    "metadata": None,
}
JOB_PATH = f"/fine_tuning/jobs/{JOB_ID}"

CASES = [
    Case(
        "fine_tuning.jobs.list",
        "GET",
        "/fine_tuning/jobs",
        kwargs={"limit": 1},
        query={"limit": "1"},
        reply={"object": "list", "data": [JOB], "has_more": True},
        returns="FineTuningJobList",
        expect={
            "has_more": True,
            "data.0.hyperparameters.batch_size": "auto",
            "data.0.hyperparameters.n_epochs": 3,
        },
    ),
    Case(
        "fine_tuning.jobs.create",
        "POST",
        "/fine_tuning/jobs",
        kwargs={
            "model": "gpt-4o-mini-2024-07-18",
            "training_file": "file-train-01",
            "suffix": "support",
            "seed": 42,
            "method": {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 3}}},
        },
        body={
            "model": "gpt-4o-mini-2024-07-18",
            "training_file": "file-train-01",
            "suffix": "support",
            "seed": 42,
            "method": {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 3}}},
        },
        reply={**JOB, "status": "validating_files", "estimated_finish": None},
        returns="FineTuningJob",
        expect={"id": JOB_ID, "status": "validating_files", "method.type_": "supervised"},
    ),
    Case(
        "fine_tuning.jobs.retrieve",
        "GET",
        JOB_PATH,
        args=(JOB_ID,),
        reply={
            **JOB,
            "status": "succeeded",
            "finished_at": 1718009000,
            "fine_tuned_model": "ft:gpt-4o-mini-2024-07-18:acme:support:9x1",
            "trained_tokens": 51234,
            "result_files": ["file-result-77"],
        },
        returns="FineTuningJob",
        expect={"fine_tuned_model": "ft:gpt-4o-mini-2024-07-18:acme:support:9x1", "trained_tokens": 51234},
    ),
    Case(
        "fine_tuning.jobs.cancel",
        "POST",
        f"{JOB_PATH}/cancel",
        args=(JOB_ID,),
        reply={**JOB, "status": "cancelled"},
        returns="FineTuningJob",
        expect={"status": "cancelled"},
    ),
    Case(
        "fine_tuning.jobs.list_events",
        "GET",
        f"{JOB_PATH}/events",
        args=(JOB_ID,),
        kwargs={"limit": 2},
        query={"limit": "2"},
        reply={
            "object": "list",
            "data": [
                {
                    "id": "ftevent-1",
                    "object": "fine_tuning.job.event",
                    "created_at": 1718006500,
                    "level": "info",
                    "message": "Step 100/300: training loss=0.42",
                    "type": "metrics",
                    "data": {"step": 100, "train_loss": 0.42},
                }
            ],
            "has_more": True,
        },
        returns="FineTuningJobEventList",
        expect={"data.0.message": "Step 100/300: training loss=0.42", "data.0.level": "info"},
    ),
    Case(
        "fine_tuning.jobs.checkpoints.list",
        "GET",
        f"{JOB_PATH}/checkpoints",
        args=(JOB_ID,),
        reply={
            "object": "list",
            "data": [
                {
                    "id": "ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB",
                    "object": "fine_tuning.job.checkpoint",
                    "created_at": 1718008000,
                    "fine_tuned_model_checkpoint": "ft:gpt-4o-mini-2024-07-18:acme:support:9x1:ckpt-step-200",
                    "fine_tuning_job_id": JOB_ID,
                    "step_number": 200,
                    "metrics": {"step": 200, "train_loss": 0.31, "valid_loss": 0.35},
                }
            ],
            "first_id": "ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB",
            "last_id": "ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB",
            "has_more": False,
        },
        returns="FineTuningJobCheckpointList",
        expect={"data.0.step_number": 200, "data.0.metrics.train_loss": 0.31},
    ),
]

ERROR = ErrorCase(
    "fine_tuning.jobs.retrieve",
    args=("ftjob-missing",),
    reply=provider_error("Could not find fine-tune: ftjob-missing"),
    message="Could not find fine-tune: ftjob-missing",
)


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_call(case: Case, flavor: str) -> None:
    await check(case, flavor, AREA)


async def test_error(flavor: str) -> None:
    await check_error(ERROR, flavor, AREA)
