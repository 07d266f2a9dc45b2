"""The openapi-python-client stage: what it records on the description and about its own output."""

from __future__ import annotations

from pathlib import Path

import pytest
from small_fixture import SMALL_SPEC

from generator.bundle import load_file
from generator.normalize import normalize
from generator.opc_client import generate_client, hidden_from_repr


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


@pytest.mark.parametrize(
    ("name", "hidden"),
    [
        ("client_secret", True),
        ("access_token", True),
        ("refresh_token", True),
        ("api_key", True),
        ("password", True),
        ("masked_azure_entra_client_secret", True),
        ("max_tokens", False),
        ("request_token", False),
        ("token", False),
        ("secret_mappings", False),
    ],
)
def test_credential_fields_are_left_out_of_the_repr(name: str, hidden: bool) -> None:
    declared = hidden_from_repr(f"{name}: str | Unset = UNSET", name)
    assert (declared == f"{name}: str | Unset = _attrs_field(default=UNSET, repr=False)") is hidden
    assert hidden_from_repr(f"{name}: str", name) == (
        f"{name}: str = _attrs_field(repr=False)" if hidden else f"{name}: str"
    )


def test_a_generated_model_with_a_secret_prints_without_it() -> None:
    from portkey_generated.models import McpServerTokens

    tokens = McpServerTokens.from_dict({"access_token": "at-0123456789", "refresh_token": "rt-0123456789"})
    assert tokens.access_token == "at-0123456789"
    assert "0123456789" not in repr(tokens)
