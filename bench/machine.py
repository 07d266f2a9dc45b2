"""What the figures were measured on: CPU, cores, Python, OS, load, and the versions under test."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from pathlib import Path
from typing import Any

from bench.environment import ROOT

VERSIONS_SNIPPET = (
    "import importlib.metadata as m, json\n"
    "names = ['portkey-ai', 'openai', 'httpx', 'pydantic', 'attrs', 'matplotlib']\n"
    "print(json.dumps({n: m.version(n) for n in names}))\n"
)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return f"{line.split('=', 1)[1].strip(chr(34))} (kernel {platform.release()})"
    except OSError:
        pass
    return platform.platform()


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def code_state() -> str:
    """The commit, and how many files of the measured code differ from it (generated/ may be uncommitted)."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all", "--", "portkey_typed", "generated"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    state = head.stdout.strip() or "unknown"
    return f"{state} (+{len(changed)} changed files in portkey_typed/, generated/)" if changed else state


def describe(bench_python: Path) -> dict[str, Any]:
    versions = subprocess.run(
        [str(bench_python), "-c", VERSIONS_SNIPPET], capture_output=True, text=True, check=True
    ).stdout
    python = subprocess.run(
        [str(bench_python), "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": python,
        "os": os_name(),
        "load_average_at_start": load_average(),
        "portkey_typed_commit": code_state(),
        "versions": json.loads(versions),
    }
