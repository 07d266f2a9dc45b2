"""`--typecheck`: import every generated module, then run `mypy --strict` on the package."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.opc_client import PACKAGE_NAME

_IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = [info.name for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
print(len(names) + 1)
"""


def import_all(out_dir: Path) -> int:
    """Import the package and each of its modules in a fresh interpreter; return how many."""
    env = {**os.environ, "PYTHONPATH": str(out_dir), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, PACKAGE_NAME],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"importing the generated modules failed:\n{result.stderr.strip()}")
    return int(result.stdout.strip())


def run_mypy(out_dir: Path) -> str:
    """`mypy --strict` for Python 3.10 on the package, with no project config and a throwaway cache.
    Returns mypy's report; raises when it finds errors."""
    with tempfile.TemporaryDirectory() as scratch:
        empty_config = Path(scratch) / "mypy.ini"
        empty_config.write_text("[mypy]\n", encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--python-version=3.10",
            f"--config-file={empty_config}",
            f"--cache-dir={Path(scratch) / 'cache'}",
            "-p",
            PACKAGE_NAME,
        ]
        env = {**os.environ, "MYPYPATH": str(out_dir)}
        result = subprocess.run(command, cwd=out_dir, env=env, capture_output=True, text=True, check=False)
    report = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise RuntimeError(f"mypy --strict found errors in the generated code:\n{report}")
    return report.splitlines()[-1] if report else ""
