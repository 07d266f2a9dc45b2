"""Test harness: a scriptable OpenAI-compatible upstream and the real Portkey gateway on loopback."""

from tests.harness.faults import Fault
from tests.harness.gateway import Gateway, GatewayNotInstalledError, start_gateway
from tests.harness.recording import RecordedRequest
from tests.harness.upstream import Upstream, start_upstream

__all__ = [
    "Fault",
    "Gateway",
    "GatewayNotInstalledError",
    "RecordedRequest",
    "Upstream",
    "start_gateway",
    "start_upstream",
]
