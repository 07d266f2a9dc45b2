"""The small fixture description and helpers to build it and run code against the build.

A module of its own, not conftest.py: with tests/unit, tests/api or tests/integration in the same pytest run,
`conftest` names another directory's conftest module."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import facade_modules
from generator.accounting import Accounting
from generator.bundle import load_file
from generator.pipeline import build

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_SPEC = FIXTURES / "small" / "api.yaml"


def build_small(out_dir: Path) -> Accounting:
    """Build the small fixture, with the facade modules (resources, header options) left out: these
    tests are about the generator's own stages (`make check-generated` runs the whole chain)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(facade_modules, "prepare", lambda spec: spec)
        patch.setattr(facade_modules, "emit", lambda spec, package_dir: None)
        return build(load_file(SMALL_SPEC), out_dir)


def run_python(out_dir: Path, code: str) -> str:
    """Run `code` in a fresh interpreter that imports from `out_dir`; its stripped stdout."""
    env = {**os.environ, "PYTHONPATH": str(out_dir), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip()
