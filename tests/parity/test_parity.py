"""The same user scripts, run once with portkey-ai and once with portkey_typed (only the import differs),
through the real gateway to the tests' upstream: the same output, and the same requests on the wire but
for the differences below, each explained in docs/migration.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.harness import Upstream
from tests.harness.replies import openai_error
from tests.parity.recorder import Recorder
from tests.parity.runner import Run, ported, run_script
from tests.unit.test_official_keywords import OFFICIAL_KEYWORDS

SCRIPTS = sorted((Path(__file__).parent / "scripts").glob("*.py"))
ROOT = Path(__file__).resolve().parents[2]
MIGRATION = ROOT / "docs" / "migration.md"

OFFICIAL_ONLY_HEADERS = {
    "x-portkey-api-key": "portkey-ai sends it empty when no Portkey API key is set",
    "x-portkey-package-version": "portkey-ai names itself; portkey-typed does in its User-Agent",
    "x-portkey-runtime": "portkey-ai names the Python implementation; portkey-typed's User-Agent does",
    "x-portkey-runtime-version": "portkey-ai names the Python version; portkey-typed's User-Agent does",
}
PLACEHOLDER_AUTHORIZATION = "Bearer OPENAI_API_KEY"
"""What portkey-ai sends as `Authorization` when no provider key is given; portkey-typed sends none."""
OFFICIAL_ONLY_BODY_FIELDS = {("/v1/embeddings", "encoding_format"): "base64"}
"""portkey-ai asks for base64 embeddings (and hands the undecoded string back); portkey-typed asks for none."""
DIFFERENCES = [*OFFICIAL_ONLY_HEADERS, "OPENAI_API_KEY", "encoding_format"]


def plan_faults(upstream: Upstream, script: str) -> None:
    """The upstream's misbehaviour a script expects, scheduled anew for each run."""
    if script == "errors":
        upstream.plan(
            model="parity-no-such-model", status=404, body=openai_error(404, "The model does not exist")
        )
    if script == "config_dict":
        upstream.plan(prefix="/first", status=500)


def official_form(run: Run) -> Run:
    """The official run with its documented differences taken out (each checked to be what we expect)."""
    for request in run.sent:
        headers = request["headers"]
        for name in OFFICIAL_ONLY_HEADERS:
            assert name in headers, (
                f"portkey-ai no longer sends {name}: update the parity suite and the guide"
            )
            del headers[name]
        if headers.get("authorization") == PLACEHOLDER_AUTHORIZATION:
            del headers["authorization"]
    for request in (*run.sent, *run.forwarded):
        for (path, field), value in OFFICIAL_ONLY_BODY_FIELDS.items():
            body = request["body"]
            if request["path"].endswith(path) and isinstance(body, dict) and body.get(field) == value:
                del body[field]
    return run


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_the_same_script_sends_the_same_requests(
    script: Path,
    official_python: Path,
    recorder: Recorder,
    parity_upstream: Upstream,
    tmp_path: Path,
) -> None:
    source = script.read_text()
    runs: list[Run] = []
    for python, text in ((official_python, source), (Path(sys.executable), ported(source))):
        parity_upstream.reset()
        plan_faults(parity_upstream, script.stem)
        folder = tmp_path / str(len(runs))
        folder.mkdir()
        runs.append(run_script(python, text, recorder, parity_upstream, folder))
    official, ours = official_form(runs[0]), runs[1]

    assert ours.stdout == official.stdout
    assert ours.sent == official.sent
    assert ours.forwarded == official.forwarded
    assert [status for status, _ in ours.answers] == [status for status, _ in official.answers]
    if script.stem == "anthropic":
        for run in (official, ours):
            assert all("content_blocks" in _message(answer) for _, answer in run.answers)


def _message(answer: Any) -> dict[str, Any]:
    message: dict[str, Any] = answer["choices"][0]["message"]
    return message


def test_the_official_keywords_kept_as_data_are_the_installed_sdk_s(official_python: Path) -> None:
    probe = (
        "import inspect, json, portkey_ai\n"
        "for c in (portkey_ai.Portkey, portkey_ai.AsyncPortkey):\n"
        "    ps = inspect.signature(c.__init__).parameters.values()\n"
        "    print(json.dumps([p.name for p in ps if p.name != 'self' and p.kind is not p.VAR_KEYWORD]))\n"
    )
    done = subprocess.run([str(official_python), "-c", probe], capture_output=True, text=True, check=True)

    for line in done.stdout.splitlines():
        assert tuple(json.loads(line)) == OFFICIAL_KEYWORDS


def test_every_difference_is_in_the_migration_guide() -> None:
    guide = MIGRATION.read_text()
    readme = (ROOT / "README.md").read_text()

    assert [d for d in DIFFERENCES if d not in guide] == []
    assert "docs/migration.md" in readme
