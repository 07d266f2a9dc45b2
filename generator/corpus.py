"""`python -m generator.corpus FOLDER`: generate and type-check every description in a folder.

Each `*.yaml`, `*.yml` and `*.json` file in FOLDER (not `*.schema.json`) goes through `python -m generator --spec FILE
--out TMP --typecheck` in a process of its own; one line per file says what came out:

    openai.yaml: operations 288, generated 288, schemas lost 0, types clean, 412.3 s

followed, for a file that failed, by the generator's own failure lines (indented). Exits 1 when any
file failed. The folder is the caller's: nothing in it is needed by the project's tests.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = frozenset({".yaml", ".yml", ".json"})
_SUMMARY = re.compile(r"operations: (\d+), generated: (\d+), schemas lost: (\d+)")
_DETAIL_LINES = 20


@dataclass(frozen=True)
class SpecResult:
    name: str
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    typechecked: bool

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def line(self) -> str:
        summary = _SUMMARY.search(self.stdout)
        if summary is None:
            counts = "stopped before counting"
        else:
            operations, generated, lost = summary.groups()
            counts = f"operations {operations}, generated {generated}, schemas lost {lost}"
        if not self.typechecked:
            types = "not type-checked"
        elif self.ok:
            types = "types clean"
        elif "mypy --strict:" in self.stdout or "pyright" in self.stderr or "importing" in self.stderr:
            types = "types FAILED"
        else:
            types = "not type-checked"
        return f"{self.name}: {counts}, {types}, {self.seconds:.1f} s"

    def details(self) -> list[str]:
        """The generator's failure lines (not openapi-python-client's warnings, not timings)."""
        lines = [
            line
            for line in self.stderr.splitlines()
            if line.strip() and not line.startswith(("openapi-python-client: ", "took "))
        ]
        return lines[:_DETAIL_LINES] + (
            [f"... {len(lines) - _DETAIL_LINES} more"] if len(lines) > _DETAIL_LINES else []
        )


def specs_in(folder: Path) -> list[Path]:
    """The descriptions in `folder`; `*.schema.json` files are JSON Schemas (a gateway config), not
    descriptions."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.endswith(".schema.json")
    )


def run_one(spec: Path, typecheck: bool = True) -> SpecResult:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="portkey-corpus-") as scratch:
        command = [
            sys.executable,
            "-m",
            "generator",
            "--spec",
            str(spec),
            "--out",
            str(Path(scratch) / "out"),
        ]
        if typecheck:
            command.append("--typecheck")
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    return SpecResult(
        spec.name, result.returncode, result.stdout, result.stderr, time.monotonic() - started, typecheck
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of OpenAPI descriptions (YAML or JSON)")
    parser.add_argument("--no-typecheck", action="store_true", help="generate only")
    arguments = parser.parse_args(argv)
    folder: Path = arguments.folder
    if not folder.is_dir():
        print(f"generator.corpus: {folder} is not a folder", file=sys.stderr)
        return 2
    specs = specs_in(folder)
    if not specs:
        print(f"generator.corpus: no .yaml, .yml or .json file in {folder}", file=sys.stderr)
        return 2
    started = time.monotonic()
    failed = 0
    for spec in specs:
        result = run_one(spec, typecheck=not arguments.no_typecheck)
        print(result.line(), flush=True)
        if not result.ok:
            failed += 1
            for line in result.details():
                print(f"    {line}", flush=True)
    print(
        f"{len(specs) - failed} of {len(specs)} descriptions generated cleanly in {time.monotonic() - started:.0f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
