"""What went in and what came out: operations, and the schemas that were lost on the way."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.normalize.schema_shapes import defines_class
from generator.opc_client import ClientOutput
from generator.params import TypedDictOutput
from generator.places import Place, describe, expected_classes
from generator.spec_walk import Spec, component_schemas, iter_operations, path_shape

_UNPARSED_SCHEMA = re.compile(r"schema /components/schemas/([^\s:]+)")
_OMITTED_RESPONSE = re.compile(r"parsing (\w+ \S+) .*Cannot parse response")


@dataclass(frozen=True)
class Accounting:
    operations: int  # operations in the input description
    generated: int  # operations openapi-python-client parsed (each gets a resource method)
    lost: tuple[str, ...]  # one line per lost schema or operation, saying where it went missing
    problems: tuple[str, ...]  # everything openapi-python-client reported

    @property
    def ok(self) -> bool:
        return self.generated == self.operations and not self.lost

    def failures(self) -> list[str]:
        """One line per lost operation or schema (the count when operations went missing unnamed)."""
        lines = [f"lost: {line}" for line in self.lost]
        if self.generated != self.operations and not lines:
            lines.append(f"{self.operations - self.generated} operation(s) not generated")
        return lines

    def summary(self) -> str:
        return f"operations: {self.operations}, generated: {self.generated}, schemas lost: {len(self.lost)}"


def lost_operations(spec: Spec, client: ClientOutput) -> list[str]:
    """Operations opc wrote no endpoint for, each with what opc said about it."""
    lines = []
    for path, method, operation in iter_operations(spec):
        if (method, path_shape(path)) in client.endpoints:
            continue
        said = [problem for problem in client.problems if f"{method.upper()} {path} within " in problem]
        reason = "; ".join(said) or "openapi-python-client wrote no endpoint for it"
        lines.append(f"{method.upper()} {path} ({operation.get('operationId', 'no operationId')}): {reason}")
    return lines


def lost_schemas(spec: Spec, client: ClientOutput, typed_dicts: dict[str, TypedDictOutput]) -> list[str]:
    """See generator/README.md, "Counting what is lost"."""
    lost = {
        f"{name}: no model class"
        for name, schema in component_schemas(spec).items()
        if defines_class(schema) and name not in client.class_names
    }
    for problem in client.problems:
        for name in _UNPARSED_SCHEMA.findall(problem):
            lost.add(f"{name}: openapi-python-client could not parse it")
        for operation in _OMITTED_RESPONSE.findall(problem):
            lost.add(f"{operation}: openapi-python-client left a response out")
    for module, output in typed_dicts.items():
        lost.update(f"{name}: not in {module}" for name in output.expected - output.defined)
        lost.update(output.missing_members)
    lost.update(missing_from_places(expected_classes(spec), client.place_classes))
    return sorted(lost)


def missing_from_places(expected: dict[Place, frozenset[str]], used: dict[Place, frozenset[str]]) -> set[str]:
    """Classes the description allows at a place (a body, a response, a property, list items) that
    opc's type for that place leaves out, e.g. union members it merged into another member's class.
    Places of an operation or model opc did not write are counted elsewhere."""
    owners = {owner for owner, _slot in used}
    missing: set[str] = set()
    for place, names in expected.items():
        if place[0] not in owners:
            continue
        typed = used.get(place, frozenset())
        missing.update(
            f"{name}: missing from the {describe(place)} (typed as {_listing(typed)})"
            for name in names - typed
        )
    return missing


def _listing(names: frozenset[str]) -> str:
    return " | ".join(sorted(names)) or "no class"


def account(
    input_operations: int, spec: Spec, client: ClientOutput, typed_dicts: dict[str, TypedDictOutput]
) -> Accounting:
    return Accounting(
        operations=input_operations,
        generated=len(client.endpoints),
        lost=(*lost_operations(spec, client), *lost_schemas(spec, client, typed_dicts)),
        problems=client.problems,
    )
