"""The openapi-python-client stage: what it records on the description and about its own output."""

from __future__ import annotations

from pathlib import Path

from small_fixture import SMALL_SPEC

from generator.bundle import load_file
from generator.normalize import normalize
from generator.opc_client import generate_client
from generator.spec_walk import iter_operations


def test_operations_get_their_module_and_places_their_classes(tmp_path: Path) -> None:
    spec = normalize(load_file(SMALL_SPEC).spec)
    client = generate_client(spec, tmp_path / "portkey_generated", SMALL_SPEC)
    modules = {
        f"{method.upper()} {path}": op.get("x-generated-module") for path, method, op in iter_operations(spec)
    }
    # opc writes `{petId}` as `{pet_id}`; the operation is still found.
    assert modules["POST /pets/{petId}/adoptions"] == "portkey_generated.api.pets.adopt_pet"
    assert None not in modules.values()
    places = client.place_classes
    assert places[("POST /pets/{petId}/adoptions", "body application/json")] == {
        "Adoption",
        "ShelterAdoption",
    }
    assert places[("POST /pets/{petId}/adoptions", "response 200")] == {"AdoptionRecord"}
    assert places[("Pet", "property details")] == {"Cat", "Dog"}
    assert places[("ListPetsResponse200", "property data[]")] == {"Pet"}
