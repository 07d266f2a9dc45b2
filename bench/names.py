"""The subjects by name and the module each one's `import` loads; nothing else, so it imports nothing."""

MODULES = {
    "portkey-typed": "portkey_typed",
    "portkey-ai": "portkey_ai",
    "openai": "openai",
    "httpx+json": "httpx",
}
SDK_NAMES = tuple(MODULES)
