"""Every script in examples/ runs as a user runs it, against the real gateway and the tests' upstream
(the control-plane example against the upstream's recorder of the management API)."""

import ast
import json
from collections.abc import Callable

import pytest

from tests.harness import Upstream
from tests.harness.examples import EXAMPLES, LOCAL_PORTKEY_KEY

from .conftest import RunExample

SCRIPTS = sorted(path.name for path in EXAMPLES.glob("*.py") if path.name != "example_setup.py")

EXPECTED_OUTPUT = {
    "quickstart.py": ["answer : echo: Say hello in five words.", "option used='config.targets[1]'"],
    "async_calls.py": [
        f"Name a {thing}. -> echo: Name a {thing}." for thing in ("colour", "river", "planet")
    ],
    "streaming.py": [
        "echo: Count from one to five.\n",
        "reply : echo: Describe a lighthouse in one line.",
        "finish: stop, usage: 13 tokens",
        "echo: Name three seas.\n",
        "reply : echo: Name three lakes.",
    ],
    "routing.py": [
        "gpt-4o-mini answered (config.targets[1])",
        "plan=pro: gpt-4o answered (config.targets[0])",
        "plan=free: gpt-4o-mini answered (config.targets[1])",
        "answered (config.targets[0].targets[",
    ],
    "legacy_api.py": ["gpt-4o-mini answered (config.targets[1])", "answered: echo: Hi"],
    "trace_and_metadata.py": [
        "draft : trace id req-",
        "review: trace id req-",
        "the shared client itself sends no trace id: None",
    ],
    "response_headers.py": [
        "trace id          : headers-example",
        "target used       : config",
        "cache             : DISABLED",
        "reply             : echo: Hello again",
    ],
    "errors.py": [
        "timed out (RequestTimeoutError)",
        "timed out (APITimeoutError)",
        "answer: echo: Hello",
        "rate limited (429): ",
        "not found (404): ",
        "invalid trace_id: ",
        "log: retrying after HTTP 429",
    ],
    "embeddings.py": ["4 vectors of 8 dimensions from text-embedding-3-small"],
    "files_and_batches.py": [
        "uploaded questions.jsonl",
        "ours among them: True",
        ": cancelling",
        "file deleted: True",
    ],
    "tool_calls.py": [
        'model asks: search_docs({"query": "How do I rotate a virtual key?"})',
        "model: echo: Rotate a virtual key from its page",
    ],
    "control_plane.py": [
        "page 0 of size 2: 2 of 3 keys",
        "walked every page: found our 3 keys",
        "note: rotated by an example",
        "retrieving a deleted key: NotFoundError (404)",
    ],
}


def test_every_example_has_expectations() -> None:
    assert set(SCRIPTS) == set(EXPECTED_OUTPUT)


@pytest.mark.parametrize("name", SCRIPTS)
def test_example_runs(name: str, run_example: RunExample, upstream: Upstream) -> None:
    run = run_example(name)
    assert run.returncode == 0, f"{name} exited {run.returncode}:\n{run.stdout}\n{run.stderr}"
    for expected in EXPECTED_OUTPUT[name]:
        assert expected in run.stdout, f"{name} did not print {expected!r}:\n{run.stdout}\n{run.stderr}"
    UPSTREAM_CHECKS.get(name, lambda upstream: None)(upstream)


@pytest.mark.parametrize("name", [*SCRIPTS, "service/app.py"])
def test_example_says_how_to_run_it_here_and_on_hosted_portkey(name: str) -> None:
    docstring = ast.get_docstring(ast.parse((EXAMPLES / name).read_text())) or ""
    assert "PORTKEY_API_KEY=pk-" in docstring, name
    assert "PORTKEY_BASE_URL=" in docstring or "make demo" in docstring, name


def tool_answer_went_back(upstream: Upstream) -> None:
    first, second = (request.json for request in upstream.requests_to(route="chat/completions"))
    assert [m["role"] for m in first["messages"]] == ["system", "user"]
    assert [m["role"] for m in second["messages"]] == ["system", "user", "assistant", "tool"]
    call = second["messages"][2]["tool_calls"][0]
    assert second["messages"][3]["tool_call_id"] == call["id"]
    assert json.loads(call["function"]["arguments"]) == {"query": "How do I rotate a virtual key?"}


def management_calls_carry_the_api_key_only(upstream: Upstream) -> None:
    requests = upstream.requests
    assert {request.route for request in requests} >= {"configs", "virtual-keys"}
    assert all(request.headers.get("x-portkey-api-key") == LOCAL_PORTKEY_KEY for request in requests)
    assert not any("x-portkey-config" in request.headers for request in requests)
    pages = [r.query for r in requests if r.method == "GET" and r.route == "virtual-keys"]
    assert "current_page=1&page_size=2" in pages


def client_retried_the_rate_limit(upstream: Upstream) -> None:
    statuses_seen = len(upstream.requests_to(route="chat/completions"))
    assert statuses_seen == 2 + 2 + 3 + 1  # two timeouts, 429 then a retry, 429 three times, the 404


UPSTREAM_CHECKS: dict[str, Callable[[Upstream], None]] = {
    "tool_calls.py": tool_answer_went_back,
    "control_plane.py": management_calls_carry_the_api_key_only,
    "errors.py": client_retried_the_rate_limit,
}


@pytest.mark.parametrize("name", [*SCRIPTS, "service/app.py"])
def test_the_readme_links_the_example(name: str) -> None:
    readme = (EXAMPLES.parent / "README.md").read_text()
    assert f"](examples/{name})" in readme
