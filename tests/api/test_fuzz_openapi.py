"""Property-based fuzzing of the live server from its own OpenAPI document (schemathesis):
no 500s, and every response matches the documented status codes, content types and schemas."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.support.server import RidgelineServer


@pytest.fixture(scope="module")
def fuzz_key(ridgeline: RidgelineServer) -> str:
    ridgeline.cli("admin", "plan", "set", "fuzz-unlimited", "--fast", "unlimited", "--plus", "unlimited")
    ridgeline.cli("admin", "account", "create", "fuzzer", "--plan", "fuzz-unlimited", check=False)
    return ridgeline.cli("admin", "key", "create", "--account", "fuzzer").stdout.strip()


def test_api_conforms_to_its_openapi_document(ridgeline: RidgelineServer, fuzz_key: str) -> None:
    """Every operation of the document, fuzzed with generated requests (no pytest plugin needed)."""
    api = schemathesis.openapi.from_url(f"{ridgeline.url}/openapi.json")
    operations = [result.ok() for result in api.get_all_operations()]
    paths = {(op.method.upper(), op.path) for op in operations}
    assert {("POST", "/api/static/scan"), ("GET", "/api/static/scan"), ("GET", "/api/static/usage"),
            ("GET", "/api/static/scans"), ("GET", "/healthz"), ("GET", "/readyz")} <= paths  # fmt: skip
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    calls: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def fuzz(case) -> None:  # type: ignore[no-untyped-def]
            calls.append(case.operation.path)
            case.call_and_validate(
                base_url=ridgeline.url, headers={"x-api-key": fuzz_key}, timeout=30, checks=checks
            )

        fuzz()
    # every operation really was exercised with several generated requests
    for _method, path in paths:
        assert calls.count(path) >= (3 if path.startswith("/api/") else 1), (path, calls.count(path), calls)
