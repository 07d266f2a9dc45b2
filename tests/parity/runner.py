"""Run one user script with an SDK, and what it left on the wire, in a form two runs can be compared in."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.harness import Upstream
from tests.harness.multipart import parse_form
from tests.parity.recorder import Exchange, Recorder

OFFICIAL_IMPORT = re.compile(r"^from portkey_ai import ", re.MULTILINE)
JSON_HEADERS = frozenset({"x-portkey-config", "x-portkey-metadata"})
SCRIPT_SECONDS = 120


@dataclass
class Run:
    """What one run printed, what its client sent the gateway, and what the gateway sent upstream."""

    stdout: str
    sent: list[dict[str, Any]]
    answers: list[tuple[int, Any]]
    forwarded: list[dict[str, Any]]


def ported(source: str) -> str:
    """The script with its one import line changed to portkey_typed; nothing else changes."""
    assert len(OFFICIAL_IMPORT.findall(source)) == 1, "a parity script imports portkey_ai on exactly one line"
    return OFFICIAL_IMPORT.sub("from portkey_typed import ", source)


def run_script(python: Path | str, source: str, recorder: Recorder, upstream: Upstream, folder: Path) -> Run:
    """Run `source` with `python` against the recorder (in front of the gateway) and the upstream."""
    script = folder / "script.py"
    script.write_text(source)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PORTKEY_", "OPENAI_", "PYTHON"))}
    env["PARITY_BASE_URL"] = recorder.url
    env["PARITY_UPSTREAM"] = upstream.url("/parity")
    env["PARITY_UPSTREAM_ORIGIN"] = upstream.origin
    if Path(python) == Path(sys.executable):
        root = Path(__file__).resolve().parents[2]
        env["PYTHONPATH"] = os.pathsep.join([str(root), str(root / "generated")])
    recorder.take()
    done = subprocess.run(
        [str(python), str(script)],
        capture_output=True,
        text=True,
        env=env,
        timeout=SCRIPT_SECONDS,
        check=False,
    )
    assert done.returncode == 0, f"{python} {script.name} failed:\n{done.stdout}\n{done.stderr}"
    exchanges = recorder.take()
    return Run(
        stdout=done.stdout,
        sent=[sent(e) for e in exchanges],
        answers=[(e.status, _json(e.response_body)) for e in exchanges],
        forwarded=[
            {
                "method": r.method,
                "path": r.path,
                "authorization": r.headers.get("authorization"),
                "body": r.json,
            }
            for r in upstream.requests
        ],
    )


def sent(exchange: Exchange) -> dict[str, Any]:
    """Method, path, `x-portkey-*` headers (JSON ones parsed) and body (JSON parsed, a form by its parts)."""
    headers = {
        name: _json(value.encode()) if name in JSON_HEADERS else value
        for name, value in sorted(exchange.headers.items())
        if name.startswith("x-portkey-")
    }
    content_type = exchange.headers.get("content-type", "")
    body: Any = _json(exchange.body)
    if content_type.startswith("multipart/form-data"):
        form = parse_form(content_type, exchange.body)
        body = {"values": form.values, "files": {k: [n, c.decode()] for k, (n, c) in form.files.items()}}
    return {"method": exchange.method, "path": exchange.path, "headers": headers, "body": body}


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode(errors="replace")
