"""The control plane: saved configs and virtual keys, listed, created, updated, paged, deleted.

Portkey's management API lives on hosted Portkey (https://api.portkey.ai/v1) and needs a Portkey API
key with the configs and virtual-keys scopes; a self-hosted gateway does not serve it. The same
client does both planes: management calls send only the API key, never the provider headers.
Fields the server may leave out are `UNSET` (falsy), hence the `or` defaults below.

This example creates one config and three virtual keys, and deletes them again at the end (also when
a step fails). The virtual keys hold a placeholder secret, so they cannot make calls.

Against hosted Portkey::

    PORTKEY_API_KEY=pk-... python examples/control_plane.py

In `make test` (and `make demo EXAMPLE=examples/control_plane.py`) it runs against the tests' own
recorder of the management API: PORTKEY_BASE_URL points at it.
"""

from __future__ import annotations

from portkey_typed import NotFoundError, Portkey

from example_setup import GatewayConfig

RETRY_ON_RATE_LIMITS: GatewayConfig = {"retry": {"attempts": 3, "on_status_codes": [429]}}
PLACEHOLDER_SECRET = "sk-placeholder-not-a-real-key"


def configs(client: Portkey) -> None:
    print("== configs")
    created = client.configs.create(name="examples retry", config=RETRY_ON_RATE_LIMITS)
    config_id = created.data and created.data.id
    # The create answer names the new config's id; calls take its slug, which the list shows.
    listed = client.configs.list().data or []
    slug = next(str(summary.slug) for summary in listed if summary.id == config_id)
    print(f"created {slug}; {len(listed)} configs in the workspace")
    try:
        client.configs.update(slug, name="examples retry (5 attempts)", config={"retry": {"attempts": 5}})
        detail = client.configs.retrieve(slug).data
        print(f"updated: {detail and detail.name}, status {detail and detail.status}")
        print(f"requests now use it with Portkey(config={slug!r})")
    finally:
        client.configs.delete(slug)
        print(f"deleted {slug}")


def virtual_keys(client: Portkey) -> None:
    print("== virtual keys")
    slugs: list[str] = []
    try:
        for n in range(3):
            created = client.virtual_keys.create(
                name=f"examples key {n}", provider="openai", key=PLACEHOLDER_SECRET, note="made by an example"
            )
            slugs.append(str(created.data and created.data.slug))
        print(f"created {', '.join(slugs)}")

        first_page = client.virtual_keys.list(current_page=0, page_size=2)
        print(f"page 0 of size 2: {len(first_page.data or [])} of {first_page.total} keys")
        # list_all() fetches page after page as the loop goes, with the same arguments.
        ours = [key.slug for key in client.virtual_keys.list_all(page_size=2) if key.slug in slugs]
        print(f"walked every page: found our {len(ours)} keys")

        client.virtual_keys.update(slugs[0], note="rotated by an example")
        print(f"{slugs[0]} note: {client.virtual_keys.retrieve(slugs[0]).note}")
    finally:
        for slug in slugs:
            client.virtual_keys.delete(slug)
        print(f"deleted {len(slugs)} keys")
    try:
        client.virtual_keys.retrieve(slugs[0])
    except NotFoundError as error:
        print(f"retrieving a deleted key: {type(error).__name__} ({error.status_code}): {error.message}")


def main() -> None:
    with Portkey() as client:
        configs(client)
        virtual_keys(client)


if __name__ == "__main__":
    main()
