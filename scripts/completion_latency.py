"""Measure completion latency per engine at the positions tests/editor checks; write docs/completion.md.

`python scripts/completion_latency.py` (after `make setup`). Times are wall-clock on this machine and
vary with its load; nothing asserts them.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO_ROOT), str(REPO_ROOT / "generated")]

from tests.editor.lsp import LanguageServer  # noqa: E402
from tests.editor.positions import positions  # noqa: E402
from tests.editor.test_completion import DOCUMENT, jedi_labels  # noqa: E402

REPEATS = 3


def main() -> None:
    server = LanguageServer(REPO_ROOT, sys.executable)
    rows: list[str] = []
    try:
        for client in ("Portkey", "AsyncPortkey"):
            for position in positions(client):
                cells = [client, position.name]
                for engine in ("jedi", "pyright"):
                    if engine == "jedi" and position.pyright_only:
                        cells += ["n/a", "n/a", ""]
                        continue
                    times: list[float] = []
                    count = 0
                    for _ in range(REPEATS):
                        started = time.perf_counter()
                        if engine == "jedi":
                            labels = jedi_labels(position)
                        else:
                            source, line, column = position.cursor()
                            labels = set(server.complete(DOCUMENT, source, line, column))
                        times.append((time.perf_counter() - started) * 1000)
                        count = len(labels)
                    found = "yes" if position.expected <= labels else "no"
                    cells += [f"{times[0]:.0f}", f"{statistics.median(times[1:]):.0f}", f"{count} ({found})"]
                rows.append("| " + " | ".join(cells) + " |")
    finally:
        server.close()
    text = [
        "# Completion latency",
        "",
        "Measured by `python scripts/completion_latency.py` (not asserted; `tests/editor` checks that the",
        "completions are there). jedi 0.20 is called as IPython calls it (`jedi.Script(...).complete`);",
        "pyright is `pyright-langserver --stdio` from `node_modules`, one process, asked",
        "`textDocument/completion` as an editor asks it. *first*: the first request at that position",
        f"(pyright's first one also analyses the imports); *warm*: median of the next {REPEATS - 1}.",
        "Times in milliseconds, on the shared 2-core machine; *items*: how many labels came back, and",
        "whether every expected one was among them. Load average when measured: "
        + ", ".join(f"{load:.1f}" for load in os.getloadavg())
        + " (on 2 cores).",
        "",
        "| client | position | jedi first | jedi warm | jedi items | pyright first | pyright warm | pyright items |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
    ]
    (REPO_ROOT / "docs" / "completion.md").write_text("\n".join(text), encoding="utf-8")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
