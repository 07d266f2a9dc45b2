"""How many times each figure is measured; `FULL` keeps `make bench` near 5 minutes on 2 cores."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Budget:
    import_runs: int
    """Fresh processes per cold-import figure (one more runs first to warm the bytecode cache)."""
    first_call_runs: int
    memory_runs: int
    memory_requests: int
    inprocess_rounds: int
    """Processes per SDK for the per-request, decoding and streaming figures (each measures once)."""
    overhead_calls: int
    """Timed calls of the per-request loop in each process (after as many warm-up calls)."""
    paired_blocks: int
    """Alternating blocks of an SDK and the floor in one process (`bench.paired`), per figure."""
    large_chat_runs: int
    """Timed large chat decodes in each process (their median is that process's figure)."""
    embedding_runs: int
    gateway_rounds: int
    """Rounds of the gateway load; each round runs every SDK once, in turn."""
    gateway_requests: int
    gateway_concurrency: int
    gateway_warm_up: int
    """Requests each gateway run sends first, not counted: they open the pool's connections."""
    connection_requests: int
    """Requests per SDK whose TCP connections are counted (on the SDK's default pool)."""
    connection_concurrency: int
    first_chunk_streams: int
    """Streams per SDK whose time to the first chunk is measured (after one that opens the connection)."""
    soak_requests: int
    """Requests of portkey-typed's async soak through the gateway."""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


FULL = Budget(
    import_runs=11,
    first_call_runs=7,
    memory_runs=3,
    memory_requests=1_000,
    inprocess_rounds=7,
    overhead_calls=400,
    paired_blocks=15,
    large_chat_runs=5,
    embedding_runs=2,
    gateway_rounds=3,
    gateway_requests=1_000,
    gateway_concurrency=50,
    gateway_warm_up=50,
    connection_requests=1_000,
    connection_concurrency=100,
    first_chunk_streams=21,
    soak_requests=20_000,
)

QUICK = Budget(
    import_runs=3,
    first_call_runs=2,
    memory_runs=1,
    memory_requests=200,
    inprocess_rounds=2,
    overhead_calls=100,
    paired_blocks=5,
    large_chat_runs=3,
    embedding_runs=1,
    gateway_rounds=1,
    gateway_requests=200,
    gateway_concurrency=50,
    gateway_warm_up=50,
    connection_requests=300,
    connection_concurrency=100,
    first_chunk_streams=5,
    soak_requests=2_000,
)
"""A smoke run of every stage (`bench/run.py --quick`); its figures are too noisy to publish."""
