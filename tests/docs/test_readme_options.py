"""The README's option table is the generated one, cell by cell, and every cell is true of the client:
the header each keyword becomes, how its value is encoded on the wire, whether it is kept secret."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from portkey_generated.header_options import HEADER_OPTIONS
from portkey_typed import Portkey, PortkeyValidationError
from scripts.options_table import README, table, table_in

SECRET_SAMPLE = "s3cr3t-sample-value"


def rows() -> dict[str, list[str]]:
    """The README table's cells by keyword: [keyword, header, encoding, secret]."""
    cells = {}
    for line in table_in(README.read_text()).splitlines()[2:]:
        row = [cell.strip() for cell in line.strip("|").split("|")]
        cells[row[0].strip("`")] = row
    return cells


def sent(name: str, value: object) -> dict[str, str]:
    """The headers a client with option `name=value` sends on a chat completion."""
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(400, json={"status": "failure", "message": "stop"})

    client = Portkey(
        http_client=httpx.Client(transport=httpx.MockTransport(answer)), max_retries=0, **{name: value}
    )
    with pytest.raises(Exception, match="stop"):
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "Hi"}])
    return dict(requests[-1].headers)


def as_given(name: str) -> None:
    assert sent(name, "Value-1")[HEADER_OPTIONS[name].header] == "Value-1"


def boolean(name: str) -> None:
    header = HEADER_OPTIONS[name].header
    assert (sent(name, True)[header], sent(name, False)[header]) == ("true", "false")


def decimal(name: str) -> None:
    assert sent(name, 1500)[HEADER_OPTIONS[name].header] == "1500"


def compact_json(name: str) -> None:
    value = {"ids": ["g-1", "g 2"], "nested": {"on": True}}
    assert sent(name, value)[HEADER_OPTIONS[name].header] == json.dumps(value, separators=(",", ":"))


def json_or_string(name: str) -> None:
    compact_json(name)
    assert sent(name, '{"given": "as is"}')[HEADER_OPTIONS[name].header] == '{"given": "as is"}'


def string_mapping(name: str) -> None:
    assert (
        sent(name, {"user": "ana", "team": "ml"})[HEADER_OPTIONS[name].header] == '{"user":"ana","team":"ml"}'
    )
    assert sent(name, '{"user": "ana"}')[HEADER_OPTIONS[name].header] == '{"user": "ana"}'
    for refused in ({"n": 1}, '{"n": 1}', "user=ana"):
        with pytest.raises(PortkeyValidationError, match=name):
            sent(name, refused)


def header_names(name: str) -> None:
    assert sent(name, ["X-Custom", "x-Trace"])[HEADER_OPTIONS[name].header] == "x-custom,x-trace"


def slug_or_config(name: str) -> None:
    header = HEADER_OPTIONS[name].header
    assert sent(name, "pc-saved")[header] == "pc-saved"
    assert sent(name, {"retry": {"attempts": 2}})[header] == '{"retry":{"attempts":2}}'
    with pytest.raises(PortkeyValidationError, match="config"):
        sent(name, {"strategy": {"mode": "sideways"}})


ENCODING_CLAIMS: dict[str, Callable[[str], None]] = {
    "as given": as_given,
    '`"true"` / `"false"`': boolean,
    "decimal": decimal,
    "compact JSON (a string is sent as given)": json_or_string,
    "compact JSON of a mapping of strings to strings; a JSON string of one is sent as given": string_mapping,
    "comma-joined, lower-cased": header_names,
    "a slug as given, or the checked config as compact JSON": slug_or_config,
}


def test_the_readme_table_is_the_generated_table() -> None:
    generated = {line.split("|")[1].strip().strip("`"): line for line in table().splitlines()[2:]}
    written = {
        line.split("|")[1].strip().strip("`"): line for line in table_in(README.read_text()).splitlines()[2:]
    }
    differing = sorted(
        f"README: {written.get(k, '(no row)')}\n  want: {generated.get(k, '(no row)')}"
        for k in generated.keys() | written.keys()
        if generated.get(k) != written.get(k)
    )
    assert not differing, "run `python scripts/options_table.py --write`:\n" + "\n".join(differing)


@pytest.mark.parametrize("name", sorted(HEADER_OPTIONS))
def test_each_row_is_true_of_the_client(name: str, caplog: pytest.LogCaptureFixture) -> None:
    _, header, encoding, secret = rows()[name]
    assert header == f"`{HEADER_OPTIONS[name].header}`"
    assert encoding in ENCODING_CLAIMS, f"no test for the encoding {encoding!r}: add one to ENCODING_CLAIMS"
    ENCODING_CLAIMS[encoding](name)
    if secret == "yes":
        value: Any = {"key": SECRET_SAMPLE} if HEADER_OPTIONS[name].encoding == "json" else SECRET_SAMPLE
        with caplog.at_level(logging.DEBUG, logger="portkey_typed"):
            sent(name, value)
            shown = repr(Portkey(**{name: value}))
        assert SECRET_SAMPLE not in shown + caplog.text
    else:
        assert secret == "" and not HEADER_OPTIONS[name].secret
