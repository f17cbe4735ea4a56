"""Filters that reject candidate secrets which are not credentials. Each is a pure function."""

from __future__ import annotations

import re

from ridgeline.analyzers.secrets.redaction import shannon_entropy
from ridgeline.analyzers.secrets.rules import SecretRule

_TEST_PATH = re.compile(
    r"(?i)(?:^|/)(?:tests?|spec|specs|fixtures?|testdata|__tests__|examples?|mocks?)(?:/|$)|(?:^|/)test_[^/]*$|_test\.[a-z]+$|\.(?:test|spec)\.[a-z]+$"
)


def allowed_by_rule(rule: SecretRule, secret: str, path: str) -> bool:
    """The rule's own allow-list: known example values, stop-words, or paths it does not apply to."""
    if any(p.search(secret) for p in rule.allowlist.regexes):
        return True
    lowered = secret.lower()
    if any(word in lowered for word in rule.allowlist.stopwords):
        return True
    return any(p.search(path) for p in rule.allowlist.paths)


def below_entropy(rule: SecretRule, secret: str) -> bool:
    """Too regular to be random, for rules that set a minimum entropy."""
    return rule.entropy is not None and shannon_entropy(secret) < rule.entropy


def is_test_path(path: str) -> bool:
    """Test and fixture paths: findings there are kept, with lower confidence."""
    return bool(_TEST_PATH.search(path))
