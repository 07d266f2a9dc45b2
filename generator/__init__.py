"""portkey-typed's code generator: OpenAPI description in, `portkey_generated` package out.

Run it with `python -m generator`; see generator/README.md for the stages and their guarantees.
"""
