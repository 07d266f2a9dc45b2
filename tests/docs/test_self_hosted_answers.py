"""docs/self-hosted.md's table of what a self-hosted gateway answers a management call holds for every
management operation, against the real gateway."""

from __future__ import annotations

import re

import httpx
import pytest

from portkey_typed import APIStatusError, BadRequestError, NotFoundError, Portkey
from tests.api import spec
from tests.docs.blocks import ROOT
from tests.harness import Gateway, Upstream

DOC = ROOT / "docs" / "self-hosted.md"
ROW = re.compile(
    r"^\| (?P<methods>[A-Z, ]+) \| `(?P<status>\d{3}) (?P<body>\{.*\})` \| `(?P<error>\w+)` \|$", re.M
)


def documented() -> dict[str, tuple[int, str, str]]:
    """Method -> (status, body, error class) from the document's table."""
    rows = {}
    for row in ROW.finditer(DOC.read_text()):
        for method in row["methods"].split(", "):
            rows[method] = (int(row["status"]), row["body"], row["error"])
    return rows


def test_the_table_covers_every_method_of_the_management_api() -> None:
    methods = {op.method for op in spec.operations() if op.plane == "control" and op.transport == "http"}
    assert methods <= set(documented()), f"docs/self-hosted.md has no row for {methods - set(documented())}"


def test_every_management_call_gets_the_documented_answer(servers: tuple[Gateway, Upstream]) -> None:
    gateway, _ = servers
    table = documented()
    wrong = []
    with httpx.Client(base_url=gateway.origin, headers={"x-portkey-api-key": "pk-test"}) as http:
        for op in spec.operations():
            if op.plane != "control" or op.transport != "http":
                continue
            # an operation outside /v1 (model_pricing.retrieve) matches no route, as PUT does
            path = op.url_path({name: "x" for name in op.path_params})
            body = spec.required_body(op) if op.body_kind == "json" else None
            answer = http.request(op.method, path, json=body)
            status, text, _ = table["PUT" if op.server_path is not None else op.method]
            if (answer.status_code, answer.text) != (status, text):
                wrong.append(f"{op.method} {path}: {answer.status_code} {answer.text[:80]}")
    assert not wrong, "answers that docs/self-hosted.md does not give:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("call", "method"),
    [(lambda c: c.configs.list(), "GET"), (lambda c: c.configs.update("pc-x", name="n"), "PUT")],
    ids=["configs.list", "configs.update"],
)
def test_the_client_raises_the_documented_class(servers: tuple[Gateway, Upstream], call, method) -> None:  # type: ignore[no-untyped-def]
    gateway, upstream = servers
    errors = {"BadRequestError": BadRequestError, "NotFoundError": NotFoundError}
    client = Portkey(base_url=gateway.base_url, provider="openai", custom_host=upstream.url(), max_retries=0)
    with client, pytest.raises(errors[documented()[method][2]]):
        call(client)


def test_hosted_only_calls_of_the_gateways_side_get_the_documented_answers(
    servers: tuple[Gateway, Upstream],
) -> None:
    gateway, upstream = servers
    upstream.reset()
    client = Portkey(
        base_url=gateway.base_url, provider="openai", custom_host=upstream.url("/fb"), max_retries=0
    )
    with client:
        with pytest.raises(APIStatusError):
            client.feedback.create(trace_id="t-1", value=1)
        assert [(r.method, r.path) for r in upstream.requests_to("/fb")] == [("POST", "/fb/v1/feedback")]
        with pytest.raises(NotFoundError):
            client.feedback.update("f-1", value=1)
        with pytest.raises(APIStatusError):  # offline: 500, InternalServerError; online it depends on Portkey
            client.prompts.render("pp-1", variables={})
