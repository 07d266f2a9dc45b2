"""`--typecheck`: import every generated module, then run `mypy --strict` and pyright strict on the
package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.opc_client import PACKAGE_NAME

REPO_ROOT = Path(__file__).resolve().parent.parent  # where `make setup` installs node_modules/

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


def pyright_config(out_dir: Path, config_dir: Path) -> dict[str, object]:
    """Strict, Python 3.10, the package alone; `# type: ignore` comments do not silence pyright (as in
    the project's own configuration). Pyright takes paths relative to the configuration's folder."""
    return {
        "include": [os.path.relpath(out_dir / PACKAGE_NAME, config_dir)],
        "extraPaths": [os.path.relpath(out_dir, config_dir)],
        "pythonVersion": "3.10",
        "typeCheckingMode": "strict",
        "enableTypeIgnoreComments": False,
        "reportUnnecessaryTypeIgnoreComment": "error",
    }


def _pyright_report(output: str) -> tuple[int, int, list[str]]:
    """(files analysed, errors, one line per diagnostic) from pyright's `--outputjson` output."""
    try:
        result = json.loads(output)
    except json.JSONDecodeError as error:
        raise RuntimeError(f"pyright did not report in JSON:\n{output.strip()}") from error
    lines = [
        f"{item['file']}:{item['range']['start']['line'] + 1}: {item['severity']}: {item['message']}"
        for item in result.get("generalDiagnostics", [])
    ]
    summary = result["summary"]
    return int(summary["filesAnalyzed"]), int(summary["errorCount"]), lines


def run_pyright(out_dir: Path) -> str:
    """`npx --no-install pyright` (strict) on the package, with a throwaway configuration that points at
    `out_dir` and at this interpreter's packages. Returns a summary; raises when pyright finds errors,
    analyses no file or cannot run."""
    with tempfile.TemporaryDirectory() as scratch:
        config = Path(scratch) / "pyrightconfig.json"
        settings = pyright_config(out_dir.resolve(), Path(scratch).resolve())
        config.write_text(json.dumps(settings), encoding="utf-8")
        command = [
            "npx",
            "--no-install",
            "pyright",
            "--outputjson",
            "--project",
            str(config),
            "--pythonpath",
            sys.executable,
        ]
        try:
            result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
        except FileNotFoundError as error:
            raise RuntimeError(f"pyright cannot run (is Node installed? `make setup`): {error}") from error
    if not result.stdout.strip():
        raise RuntimeError(f"pyright cannot run (`make setup` installs it):\n{result.stderr.strip()}")
    files, errors, lines = _pyright_report(result.stdout)
    if files == 0:
        raise RuntimeError("pyright analysed no file of the generated package")
    if errors or result.returncode != 0:
        listing = "\n".join(lines)
        raise RuntimeError(f"pyright (strict) found {errors} error(s) in the generated code:\n{listing}")
    return f"{files} files, 0 errors"
