"""Write tests/api/data/official_resource_tree.json: every resource and method of the official SDK.

    python scripts/official_resource_tree.py [--python PATH]

PATH is the interpreter of a virtual environment holding the official `portkey-ai` package (default:
`.bench-venv/bin/python`, which `make bench` fills with portkey-ai 2.3.4). The walk runs there, never in
this project's environment; this script only writes its answer. The file's `exclusions` (official methods
this client leaves out on purpose, each with its reason) are kept as they are.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "api" / "data" / "official_resource_tree.json"
DEFAULT_PYTHON = ROOT / ".bench-venv" / "bin" / "python"

# Runs inside the official SDK's environment: prints {"version", "sync", "async"} as JSON, where each
# tree maps a dotted resource path to the public methods its class defines. The file records the union of
# the two trees (they should be equal; where they are not, both spellings are recorded).
WALKER = r"""
import inspect, json
import portkey_ai
from portkey_ai.api_resources.apis.api_resource import APIResource, AsyncAPIResource

def tree(client):
    found = {}
    def visit(resource, path):
        found[path] = sorted(
            name for name, value in inspect.getmembers(type(resource), inspect.isfunction)
            if not name.startswith("_") and value.__qualname__.split(".")[0] == type(resource).__name__
        )
        for name, value in sorted(vars(resource).items()):
            if not name.startswith("_") and isinstance(value, (APIResource, AsyncAPIResource)):
                visit(value, f"{path}.{name}")
    for name, value in sorted(vars(client).items()):
        if name.startswith("_"):
            continue
        if isinstance(value, (APIResource, AsyncAPIResource)) or type(value).__name__ == "beta":
            visit(value, name)
    return found

options = {"api_key": "pk-walk", "base_url": "http://127.0.0.1:9/v1"}
print(json.dumps({
    "version": portkey_ai.version.VERSION if hasattr(portkey_ai, "version") else portkey_ai.__version__,
    "sync": tree(portkey_ai.Portkey(**options)),
    "async": tree(portkey_ai.AsyncPortkey(**options)),
}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--python", type=Path, default=DEFAULT_PYTHON, help="interpreter of the official SDK's venv"
    )
    args = parser.parse_args()
    if not args.python.exists():
        print(f"{args.python} does not exist: run `make bench` once, or pass --python", file=sys.stderr)
        return 2
    walked = json.loads(
        subprocess.run([str(args.python), "-c", WALKER], check=True, capture_output=True, text=True).stdout
    )
    resources: dict[str, list[str]] = {}
    for flavour in ("sync", "async"):
        for path, names in walked[flavour].items():
            resources[path] = sorted(set(resources.get(path, [])) | set(names))
    for path in sorted(resources):
        if walked["sync"].get(path) != walked["async"].get(path):
            print(
                f"note: {path} differs between Portkey and AsyncPortkey; both are recorded", file=sys.stderr
            )
    previous = json.loads(DATA.read_text()) if DATA.exists() else {}
    data = {
        "package": "portkey-ai",
        "version": walked["version"],
        "produced_by": "scripts/official_resource_tree.py",
        "resources": dict(sorted(resources.items())),
        "exclusions": previous.get("exclusions", {}),
    }
    DATA.parent.mkdir(parents=True, exist_ok=True)
    DATA.write_text(json.dumps(data, indent=2, sort_keys=False) + "\n")
    methods = sum(len(names) for names in resources.values())
    print(
        f"{DATA.relative_to(ROOT)}: portkey-ai {walked['version']}, {len(resources)} resources, {methods} methods"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
