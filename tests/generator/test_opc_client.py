"""The openapi-python-client stage: what it records on the description and about its own output."""

from __future__ import annotations

from pathlib import Path

from small_fixture import SMALL_SPEC

from generator.bundle import load_file
from generator.normalize import normalize
from generator.opc_client import generate_client


def test_only_response_models_are_written_and_places_keep_their_classes(tmp_path: Path) -> None:
    spec = normalize(load_file(SMALL_SPEC).spec)
    package = tmp_path / "portkey_generated"
    client = generate_client(spec, package, SMALL_SPEC)
    written = {path.stem for path in (package / "models").glob("*.py")}
    assert {"adoption_record", "pet", "owner", "pet_event"} <= written
    # request bodies are TypedDicts in params.py, not models; no endpoint modules, no second client
    assert not {"adoption", "shelter_adoption", "new_pet", "upload_photo_body"} & written
    assert sorted(path.name for path in package.iterdir()) == ["__init__.py", "models", "types.py"]
    assert {"Adoption", "ShelterAdoption"} <= client.class_names  # parsed, so counted
    assert len(client.endpoints) == 8
    places = client.place_classes
    assert places[("POST /pets/{petId}/adoptions", "body application/json")] == {
        "Adoption",
        "ShelterAdoption",
    }
    assert places[("POST /pets/{petId}/adoptions", "response 200")] == {"AdoptionRecord"}
    assert places[("Pet", "property details")] == {"Cat", "Dog"}
    assert places[("ListPetsResponse200", "property data[]")] == {"Pet"}
