"""What a package carries besides code: its version, and the licence that ships in the wheel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import portkey_typed

if sys.version_info >= (3, 11):
    import tomllib
else:  # pytest brings tomli on 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_the_project_s() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

    assert portkey_typed.__version__ == project["version"]
    assert "__version__" in portkey_typed.__all__


def test_the_mit_licence_is_in_the_repository_and_goes_into_the_wheel() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")


def loaded_by(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `code`."""
    script = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_the_import_loads_no_transport_and_no_optional_part() -> None:
    # Import time is a feature: httpcore and its stack come with the first client, attrs and the
    # generated models with the first call that decodes one, webhooks and realtime with their first use.
    loaded = loaded_by("import portkey_typed")

    assert not {"httpcore", "h11", "anyio", "attr", "attrs"} & loaded
    assert not {m for m in loaded if m.startswith("portkey_generated.models")}
    assert (
        not {"portkey_typed._webhooks", "portkey_typed._realtime", "portkey_typed._bounded_sockets"} & loaded
    )


def test_a_client_bounds_its_sockets_from_the_start() -> None:
    loaded = loaded_by("import portkey_typed\nportkey_typed.Portkey(api_key='k')")

    assert {"httpcore", "portkey_typed._bounded_sockets"} <= loaded


def test_a_client_on_a_transport_without_a_pool_loads_no_httpcore() -> None:
    loaded = loaded_by(
        "import httpx, portkey_typed\n"
        "transport = httpx.MockTransport(lambda request: httpx.Response(200))\n"
        "portkey_typed.Portkey(api_key='k', http_client=httpx.Client(transport=transport))"
    )

    assert not {"httpcore", "portkey_typed._bounded_sockets"} & loaded
