"""Every packaged rule finds its examples and none of its counter-examples; rule data is sane."""

from __future__ import annotations

import re
from collections import Counter
from re import _constants as sre_constants  # the public aliases are deprecated
from re import _parser as sre_parse

import pytest

from ridgeline.analyzers.base import AnalysisContext, FileInput
from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer
from ridgeline.analyzers.secrets.rules import SecretRule, packaged_rules

RULES = packaged_rules()
CORE_IDS = [
    "aws-access-key-id", "aws-secret-access-key", "github-pat", "github-oauth-app-token",
    "github-fine-grained-pat", "slack-bot-token", "slack-user-token", "slack-webhook-url",
    "stripe-live-secret-key", "private-key", "google-api-key", "gitlab-pat", "npm-access-token",
    "pypi-upload-token", "openai-api-key", "anthropic-api-key", "sendgrid-api-key", "ridgeline-api-key",
]  # fmt: skip


def _cases(kind: str) -> list[tuple[str, str]]:
    return [(rule.id, text) for rule in RULES for text in getattr(rule, kind)]


@pytest.mark.parametrize(("rule_id", "text"), _cases("examples"))
def test_example_is_found(analyzer: SecretsAnalyzer, ctx: AnalysisContext, rule_id: str, text: str) -> None:
    findings = list(analyzer.analyze(FileInput("src/settings.py", text), ctx))
    assert rule_id in {f.rule_id for f in findings}


@pytest.mark.parametrize(("rule_id", "text"), _cases("counter_examples"))
def test_counter_example_is_not_found(
    analyzer: SecretsAnalyzer, ctx: AnalysisContext, rule_id: str, text: str
) -> None:
    findings = list(analyzer.analyze(FileInput("src/settings.py", text), ctx))
    assert rule_id not in {f.rule_id for f in findings}


def test_every_rule_has_example_and_counter_example() -> None:
    for rule in RULES:
        assert rule.examples and rule.counter_examples, rule.id
        assert rule.title and rule.description and rule.keywords, rule.id


def test_at_least_200_provider_rules_in_every_family() -> None:
    provider = [r for r in RULES if r.family != "generic"]
    assert len(provider) >= 200
    families = Counter(r.family for r in RULES)
    for family in ("cloud", "code-hosts", "ci-registries", "payments", "messaging", "ai", "observability",
                   "saas-databases", "generic"):  # fmt: skip
        assert families[family] >= 10, family


def test_released_core_ids_are_kept() -> None:
    ids = {r.id for r in RULES}
    assert set(CORE_IDS) <= ids
    assert len(ids) == len(RULES)


def test_keywords_are_lower_case_ascii() -> None:
    for rule in RULES:
        for keyword in rule.keywords:
            assert keyword == keyword.lower() and keyword.isascii(), rule.id


def _unbounded(pattern: re.Pattern[str]) -> bool:
    def walk(tokens: sre_parse.SubPattern) -> bool:
        for op, arg in tokens:
            if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
                _low, high, sub = arg
                if high == sre_constants.MAXREPEAT or walk(sub):
                    return True
            elif op is sre_constants.SUBPATTERN:
                if walk(arg[-1]):
                    return True
            elif op is sre_constants.BRANCH:
                if any(walk(branch) for branch in arg[1]):
                    return True
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                if walk(arg[1]):
                    return True
        return False

    return walk(sre_parse.parse(pattern.pattern, pattern.flags))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_regex_quantifiers_are_bounded(rule: SecretRule) -> None:
    assert not _unbounded(rule.regex), "unbounded quantifier: catastrophic backtracking risk"
    assert rule.regex.groups >= 1, "the secret must be a group"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_example_matches_fit_the_keyword_window(rule: SecretRule) -> None:
    """The matcher only looks ``window_before``/``window`` around a keyword: examples must fit."""
    for example in rule.examples:
        lowered = example.lower()
        for match in rule.regex.finditer(example):
            assert any(
                match.start() >= position - rule.window_before
                and match.end() <= position + len(keyword) + rule.window
                for keyword in rule.keywords
                for position in [i for i in range(len(lowered)) if lowered.startswith(keyword, i)]
            ), example


@pytest.mark.parametrize("rule", [r for r in RULES if r.anchored], ids=lambda r: r.id)
def test_anchored_rules_start_at_a_keyword(rule: SecretRule) -> None:
    """An anchored rule is only tried at keyword positions: each match must start at one."""
    for example in [*rule.examples, *rule.counter_examples]:
        lowered = example.lower()
        for match in rule.regex.finditer(example):
            assert any(lowered.startswith(k, match.start()) for k in rule.keywords), example
