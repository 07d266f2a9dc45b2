"""The separate `.bench-venv` that holds the official SDKs, and how worker processes are started in it.

portkey-typed itself is not installed there: its runtime dependencies are (from `pyproject.toml`), and
workers import a snapshot of `portkey_typed/` and `portkey_generated/` taken when the run starts, so an
edit or a `make generate` during the run cannot mix two versions into one set of figures.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[1]
BENCH_VENV = ROOT / ".bench-venv"
REQUIREMENTS = ROOT / "bench" / "requirements.txt"
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
PYPROJECT = ROOT / "pyproject.toml"
STAMP = BENCH_VENV / ".installed"
DEFAULT_GENERATED = ROOT / "generated"


def bench_python() -> Path:
    return BENCH_VENV / "bin" / "python"


def runtime_dependencies() -> list[str]:
    """portkey-typed's own runtime requirements, as `pyproject.toml` lists them."""
    project = tomllib.loads(PYPROJECT.read_text())["project"]
    return list(project["dependencies"])


def _install_key(dependencies: list[str]) -> str:
    digest = hashlib.sha256(REQUIREMENTS.read_bytes())
    digest.update(CONSTRAINTS.read_bytes())
    digest.update("\n".join(dependencies).encode())
    return digest.hexdigest()


def ensure_bench_venv() -> Path:
    """Create or refresh `.bench-venv` when its pins changed; returns its python."""
    dependencies = runtime_dependencies()
    key = _install_key(dependencies)
    if STAMP.exists() and STAMP.read_text() == key and bench_python().exists():
        return bench_python()
    print(f"bench: installing {REQUIREMENTS.relative_to(ROOT)} into {BENCH_VENV.name}", file=sys.stderr)
    venv.create(BENCH_VENV, with_pip=True, clear=True)
    pip = [str(bench_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True)
    subprocess.run([*pip, "-c", str(CONSTRAINTS), *dependencies], check=True)
    STAMP.write_text(key)
    return bench_python()


def generated_root(explicit: str | None) -> Path:
    """The folder that holds `portkey_generated/`; fails with a hint when it has not been generated."""
    folder = Path(explicit).resolve() if explicit else DEFAULT_GENERATED
    if not (folder / "portkey_generated" / "__init__.py").is_file():
        raise SystemExit(
            f"bench: {folder}/portkey_generated is missing; run `make generate` "
            "(or pass --generated DIR holding a portkey_generated package)"
        )
    return folder


def snapshot(generated: Path, into: Path) -> Path:
    """Copy `portkey_typed/` and `portkey_generated/` (sources only) into `into`; returns `into`."""
    sources = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "portkey_typed", into / "portkey_typed", ignore=sources)
    shutil.copytree(generated / "portkey_generated", into / "portkey_generated", ignore=sources)
    return into


def worker_env(code: Path) -> dict[str, str]:
    """The environment of a worker process: the snapshot `code` first, then this checkout for `bench`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PORTKEY_", "OPENAI_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(code), str(ROOT)])
    env["PYTHONHASHSEED"] = "0"
    return env
