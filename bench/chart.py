"""`python -m bench.chart BENCHMARKS_JSON PNG`: the side-by-side ratios of docs/benchmarks.json as a bar chart.

Runs in `.bench-venv`, where matplotlib is installed (bench/requirements.txt); portkey-typed never
depends on it. Every bar is portkey-typed's cost relative to another client (time, memory, connections;
for rates the inverse), so below 1 is better on every row.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from bench.report import FIGURES, OFFICIAL, RAW, TYPED, paired_ratio, value

SKIPPED = {"import_wall_ms", "first_call_wall_ms", "import_modules"}


def ratios(figures: dict[str, Any], over: str) -> dict[str, float]:
    """Label -> portkey-typed's cost relative to `over` (inverted for rates)."""
    found: dict[str, float] = {}
    for figure in FIGURES:
        if figure.key in SKIPPED:
            continue
        mine, theirs = value(figures, figure.key, TYPED), value(figures, figure.key, over)
        paired = paired_ratio(figures, figure.key) if over == RAW else None
        if paired:
            found[figure.label] = 1 / paired if figure.higher_is_better else paired
        elif mine and theirs:
            found[figure.label] = theirs / mine if figure.higher_is_better else mine / theirs
    return found


def draw(document: dict[str, Any], png: Path) -> None:
    figures = document["figures"]
    official, floor = ratios(figures, OFFICIAL), ratios(figures, RAW)
    labels = [label for label in official.keys() | floor.keys()]
    labels.sort(key=[figure.label for figure in FIGURES].index)
    labels.reverse()
    fig, axes = plt.subplots(figsize=(10, 0.5 * len(labels) + 1.8))
    positions = range(len(labels))
    height = 0.38
    axes.barh(
        [p + height / 2 for p in positions],
        [official.get(label, 0) for label in labels],
        height,
        label="vs portkey-ai (official SDK)",
        color="#4c72b0",
    )
    axes.barh(
        [p - height / 2 for p in positions],
        [floor.get(label, 0) for label in labels],
        height,
        label="vs httpx + json.loads (no SDK, the floor)",
        color="#dd8452",
    )
    axes.axvline(1.0, color="black", linewidth=0.8)
    axes.set_xscale("log")
    axes.set_yticks(list(positions), [textwrap.fill(label, 44) for label in labels], fontsize=8)
    axes.set_xlabel(
        "portkey-typed's cost relative to the other (below 1 is better; rates inverted)", fontsize=9
    )
    machine = document.get("machine", {})
    commit = machine.get("portkey_typed_commit", "?") if isinstance(machine, dict) else "?"
    axes.set_title(f"portkey-typed at {commit}: side-by-side ratios (medians of `make bench`)", fontsize=10)
    axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.09), ncol=2, frameon=False)
    fig.tight_layout()
    fig.savefig(png, dpi=110)


def main(argv: list[str]) -> None:
    source, png = Path(argv[0]), Path(argv[1])
    draw(json.loads(source.read_text()), png)


if __name__ == "__main__":
    main(sys.argv[1:])
