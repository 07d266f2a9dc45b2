"""Prove the supported Pythons: the package's own tests on each Python the package supports, the full
suite on the oldest and newest Python the development setup supports.

    python scripts/python_matrix.py                      # the default matrix (see PACKAGE and FULL)
    python scripts/python_matrix.py --package 3.10 --full 3.13

Each version gets its own virtual environment under `.venv-matrix/` from `requirements/constraints.txt`
(the package with its `test` extra, or with `dev` for the full suite), kept while those files are
unchanged. An interpreter that cannot be found fails the run, naming where it was looked for. The gateway
for the integration tests comes from `node_modules/` (`make setup` installs it).
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MATRIX = ROOT / ".venv-matrix"
PACKAGE = ("3.10", "3.12")
"""Pythons the package supports but the development setup does not cover here (3.11 is `make test`'s)."""
FULL = ("3.13",)
"""The newest Python of the development setup (its oldest, 3.11, is the one `make setup` uses)."""
PACKAGE_TESTS = ("tests/unit", "tests/integration", "tests/faults")
"""The package's own tests: they need the package, pytest and the gateway, not the generator."""


def interpreter(version: str) -> str:
    """The path of a working `python<version>`: on PATH, else under pyenv's versions."""
    found = shutil.which(f"python{version}")
    pyenv = os.path.expanduser(f"~/.pyenv/versions/{version}.*/bin/python{version}")
    for candidate in [*([found] if found else []), *sorted(glob.glob(pyenv))]:  # a pyenv shim may refuse
        if subprocess.run([candidate, "--version"], capture_output=True).returncode == 0:
            return candidate
    raise SystemExit(f"python{version}: not found on PATH nor as {pyenv}; install it or leave it out")


def environment(version: str, extra: str) -> Path:
    """A virtual environment for `version` with the package and `extra`, rebuilt when the pins change."""
    venv = MATRIX / f"py{version}-{extra}"
    python = venv / "bin" / "python"
    pins = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + (ROOT / "requirements/constraints.txt").read_bytes()
    ).hexdigest()
    stamp = venv / ".installed"
    if stamp.exists() and stamp.read_text() == pins:
        return python
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([interpreter(version), "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--quiet",
            "-c",
            "requirements/constraints.txt",
            "-e",
            f".[{extra}]",
        ],
        cwd=ROOT,
        check=True,
    )
    stamp.write_text(pins)
    return python


def run(version: str, full: bool) -> tuple[str, bool, float]:
    """Install and test one version; returns its summary line, whether it passed and its seconds."""
    started = time.monotonic()
    python = environment(version, "dev" if full else "test")
    tests = () if full else PACKAGE_TESTS
    print(f"== Python {version}: {'the full suite' if full else 'the package tests'}", flush=True)
    result = subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests], cwd=ROOT)
    seconds = time.monotonic() - started
    actual = subprocess.run(
        [python, "-c", "import platform; print(platform.python_version())"], capture_output=True, text=True
    ).stdout.strip()
    suite = "full suite" if full else "package tests (" + ", ".join(PACKAGE_TESTS) + ")"
    status = "passed" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
    return f"Python {actual}: {suite} {status} in {seconds:.0f} s", result.returncode == 0, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", nargs="*", default=list(PACKAGE), help="versions for the package tests")
    parser.add_argument("--full", nargs="*", default=list(FULL), help="versions for the full suite")
    args = parser.parse_args()
    jobs = [(v, False) for v in args.package] + [(v, True) for v in args.full]
    results = [run(version, full) for version, full in jobs]
    print("\n".join(line for line, _, _ in results))
    print(f"matrix: {sum(s for _, _, s in results):.0f} s")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
