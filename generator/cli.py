"""`python -m generator [--spec FILE] [--out DIR] [--check] [--typecheck]`; `python -m generator drift --reference FILE`."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from generator import drift
from generator.api_reference import FILE_NAME as API_REFERENCE
from generator.bundle import LoadedSpec, load_file, load_folder
from generator.compare import differing_files
from generator.errors import GenerationError
from generator.finalize import STATS_FILE
from generator.opc_client import PACKAGE_NAME
from generator.pipeline import build
from generator.typecheck import import_all, run_mypy, run_pyright

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC_DIR = REPO_ROOT / "openapi"
DEFAULT_OUT = REPO_ROOT / "generated"
DEFAULT_API_DOC = REPO_ROOT / "docs" / API_REFERENCE


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "--spec", type=Path, help="one OpenAPI file (YAML or JSON); default: the openapi/ folder"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: generated/)")
    parser.add_argument(
        "--check", action="store_true", help="fail, listing files, when --out is not up to date"
    )
    parser.add_argument(
        "--typecheck",
        action="store_true",
        help="also import every module and run mypy --strict and pyright strict",
    )
    return parser.parse_args(argv)


def api_doc_path(out_dir: Path) -> Path:
    """Where the API reference goes: `docs/api.md` for the project's own build, else beside the package."""
    return DEFAULT_API_DOC if out_dir.resolve() == DEFAULT_OUT else out_dir / API_REFERENCE


def _install(staging: Path, out_dir: Path) -> None:
    """Replace the package, stats file and API reference of `out_dir` by the freshly built ones."""
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(out_dir / PACKAGE_NAME, ignore_errors=True)
    shutil.move(str(staging / PACKAGE_NAME), str(out_dir / PACKAGE_NAME))
    shutil.copyfile(staging / STATS_FILE, out_dir / STATS_FILE)
    if (staging / API_REFERENCE).is_file():
        shutil.copyfile(staging / API_REFERENCE, api_doc_path(out_dir))


def _checks(out_dir: Path) -> list[str]:
    """Import every module, then run mypy and pyright (both, even when the first fails); problems as
    messages."""
    try:
        print(f"imported: {import_all(out_dir)} modules")
    except RuntimeError as error:
        return [str(error)]
    problems: list[str] = []
    for label, checker in (("mypy --strict", run_mypy), ("pyright strict", run_pyright)):
        try:
            print(f"{label}: {checker(out_dir)}")
        except RuntimeError as error:
            problems.append(str(error))
    return problems


def run(arguments: argparse.Namespace) -> int:
    started = time.monotonic()
    source: LoadedSpec = load_file(arguments.spec) if arguments.spec else load_folder(DEFAULT_SPEC_DIR)
    out_dir: Path = arguments.out
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="portkey-generator-") as scratch:
        staging = Path(scratch)
        result = build(source, staging)
        print(result.summary())
        for problem in result.problems:
            print(f"openapi-python-client: {problem}", file=sys.stderr)
        failures.extend(
            result.failures()
        )  # when there are any, the build stopped: `out_dir` is left as it is
        if not failures and arguments.check:
            differences = []
            fresh, api_doc = staging / API_REFERENCE, api_doc_path(out_dir)
            if fresh.is_file() and api_doc != out_dir / API_REFERENCE:  # docs/api.md: compared on its own
                if not api_doc.is_file() or api_doc.read_bytes() != fresh.read_bytes():
                    differences.append(f"differs: {api_doc}")
                fresh.unlink()
            differences += differing_files(staging, out_dir)
            failures.extend(f"{out_dir} is out of date: {line}" for line in differences)
        elif not failures:
            _install(staging, out_dir)
    if arguments.typecheck and not failures:
        failures.extend(_checks(out_dir))
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"took {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["drift"]:
        return drift.main(argv[1:], DEFAULT_SPEC_DIR)
    arguments = parse_arguments(argv)
    try:
        return run(arguments)
    except GenerationError as error:
        print(f"generator: {error}", file=sys.stderr)
        return 1
