"""Each filter on its own: what it rejects and what it must keep."""

from __future__ import annotations

import random
import string

import pytest

from ridgeline.analyzers.secrets import filters

REAL = "Xk9vR2mQp7LwT4zB8nYc"


@pytest.mark.parametrize(
    "value",
    ["your-api-key", "your_token_here", "xxxxxxxxxxxxxxxx", "<token>", "changeme", "********",
     "sk_live_xxxxxxxxxxxxxxxx", "REPLACE_ME_WITH_KEY", "dummy-secret-value", "abcdefgh12", "1234567890"],
)  # fmt: skip
def test_placeholders(value: str) -> None:
    assert filters.is_placeholder(value)


@pytest.mark.parametrize(
    "value",
    [REAL, "ghp_LzFZioAyNM6k9FSUtHnekcJikRvU8nt0SmnW", "x" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC2dFmyabcid" * 10],
)
def test_random_values_are_not_placeholders(value: str) -> None:
    assert not filters.is_placeholder(value)


@pytest.mark.parametrize(
    "value",
    ["${API_KEY}", "{{ api_key }}", "{{.Values.token}}", "$API_KEY", "%API_KEY%", "%(password)s",
     "os.environ['X']", "process.env.TOKEN", "${{ secrets.NPM_TOKEN }}", "<%= ENV['X'] %>"],
)  # fmt: skip
def test_template_references(value: str) -> None:
    assert filters.is_template_reference(value)


def test_real_value_is_not_a_template() -> None:
    assert not filters.is_template_reference(REAL)


def test_documented_examples() -> None:
    assert filters.is_documented_example("AKIAIOSFODNN7EXAMPLE")
    assert filters.is_documented_example("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    assert not filters.is_documented_example("AKIAICLTRTFXIF34J3TL")


@pytest.mark.parametrize(
    ("value", "following"),
    [("get_password", "()"), ("self.token", ""), ("config.secret", ""), ("API_KEY", ""), ("None", ""),
     ("request", ".headers"), ("this.apiKey", "")],
)  # fmt: skip
def test_identifiers(value: str, following: str) -> None:
    assert filters.looks_like_identifier(value, following)


@pytest.mark.parametrize("value", [REAL, "Wq7#xL2v!9Rk", "hunter22x9"])
def test_values_are_not_identifiers(value: str) -> None:
    assert not filters.looks_like_identifier(value, ";")


@pytest.mark.parametrize(
    "path",
    [
        "package-lock.json",
        "web/yarn.lock",
        "go.sum",
        "poetry.lock",
        "Cargo.lock",
        "a/pnpm-lock.yaml",
        "x.sha256",
    ],
)
def test_lock_files(path: str) -> None:
    assert filters.is_lock_or_hash_file(path)


def test_source_is_not_a_lock_file() -> None:
    assert not filters.is_lock_or_hash_file("src/lock.py")


def test_integrity_hashes() -> None:
    assert filters.is_integrity_hash("sha512-" + "Qm3xV8nE2kPzAb+/" * 5 + "==")
    assert filters.is_integrity_hash("h1:" + "Qm3xV8nE2kPzAb+/" * 3 + "=")
    assert not filters.is_integrity_hash(REAL)


def test_low_entropy(analyzer) -> None:  # type: ignore[no-untyped-def]
    rule = next(r for r in analyzer.rules if r.id == "generic-api-key-assignment")
    assert filters.below_entropy(rule, "aaaabbbbaaaabbbb")
    assert not filters.below_entropy(rule, "Lk8Qz3Vx7Wm2Rt9Np4Bs6Yd1")


@pytest.mark.parametrize(
    "path",
    ["tests/test_api.py", "src/app/fixtures/keys.json", "pkg/api_test.go", "web/app.spec.ts", "testdata/x"],
)
def test_test_paths(path: str) -> None:
    assert filters.is_test_path(path)


def test_source_path_is_not_test() -> None:
    assert not filters.is_test_path("src/contest/app.py")


def test_random_tokens_are_never_placeholders() -> None:
    """Random provider-shaped tokens must survive the placeholder filter (no accidental words)."""
    rng = random.Random(5)
    alphabet = string.ascii_letters + string.digits
    for length in (20, 36, 64, 200):
        for _ in range(2000):
            value = "".join(rng.choice(alphabet) for _ in range(length))
            assert not filters.is_placeholder(value), value
            assert not filters.is_template_reference(value), value
