"""The one-pass matcher: Hyperscan and the portable engine agree, chunks overlap, big lines are cheap."""

from __future__ import annotations

import random
import sys
import time

import pytest

from ridgeline.analyzers.base import AnalysisContext, FileInput
from ridgeline.analyzers.secrets import matcher as matcher_module
from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer
from ridgeline.analyzers.secrets.matcher import HyperscanEngine, KeywordFindEngine, Matcher
from ridgeline.analyzers.secrets.rules import packaged_rules

GITHUB = "ghp_LzFZioAyNM6k9FSUtHnekcJikRvU8nt0SmnW"
SLACK = "xoxb-917147374834-7761013415570-aLGEJGUuMWGhuW0U76AWxQFO"


def _corpus() -> str:
    rng = random.Random(7)
    pieces = []
    for rule in packaged_rules():
        pieces.extend(rule.examples)
        pieces.extend(rule.counter_examples)
    rng.shuffle(pieces)
    noise = ["def f(x):\n    return x + 1\n", "const a = [1, 2, 3];", "# héllo wörld ✓ 日本語\n", "ünïcødé "]
    return "\n".join(piece + "\n" + rng.choice(noise) for piece in pieces)


def _summary(findings: list) -> list[tuple]:  # type: ignore[type-arg]
    return [
        (f.rule_id, f.file, f.line, f.column, f.fingerprint, f.snippet, f.suppressed_reason) for f in findings
    ]


def test_hyperscan_is_used_when_available(analyzer: SecretsAnalyzer) -> None:
    assert isinstance(analyzer.matcher.engine, HyperscanEngine)


def test_hyperscan_and_find_engine_give_identical_results(
    analyzer: SecretsAnalyzer, find_analyzer: SecretsAnalyzer, ctx: AnalysisContext
) -> None:
    assert isinstance(find_analyzer.matcher.engine, KeywordFindEngine)
    text = _corpus()
    fast = list(analyzer.analyze(FileInput("src/all.py", text), ctx))
    slow = list(find_analyzer.analyze(FileInput("src/all.py", text), ctx))
    assert len(fast) > 300
    assert _summary(fast) == _summary(slow)


def test_fallback_when_hyperscan_cannot_be_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hyperscan", None)
    matcher = Matcher(packaged_rules(), "auto")
    assert isinstance(matcher.engine, KeywordFindEngine)
    found = matcher.find(f'token = "{GITHUB}"')
    assert {(m.rule.id, m.secret) for m in found if not m.rule.generic} == {("github-pat", GITHUB)}
    assert not matcher_module.hyperscan_available()


@pytest.mark.parametrize("engine", ["hyperscan", "find"])
@pytest.mark.parametrize("shift", range(0, 12))
def test_keyword_across_a_chunk_boundary(monkeypatch: pytest.MonkeyPatch, engine: str, shift: int) -> None:
    monkeypatch.setattr(matcher_module, "CHUNK_CHARS", 64)
    matcher = Matcher(packaged_rules(), engine)
    text = "." * (64 * 3 - shift) + f" {GITHUB} " + "." * 100 + f" {SLACK} " + "é" * 70
    secrets = [m.secret for m in matcher.find(text) if not m.rule.generic]
    assert secrets == [GITHUB, SLACK]


def test_chunked_and_whole_scans_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _corpus()
    whole = [(m.rule.id, m.start, m.end) for m in Matcher(packaged_rules(), "hyperscan").find(text)]
    monkeypatch.setattr(matcher_module, "CHUNK_CHARS", 1000)
    chunked = [(m.rule.id, m.start, m.end) for m in Matcher(packaged_rules(), "hyperscan").find(text)]
    assert whole == chunked


def test_keyword_flood_is_bounded(analyzer: SecretsAnalyzer, ctx: AnalysisContext) -> None:
    text = "password=" * 300_000  # 2.7 MB of keyword occurrences
    started = time.perf_counter()
    assert list(analyzer.analyze(FileInput("a.txt", text), ctx)) == []
    assert time.perf_counter() - started < 60


def test_fifty_megabyte_single_line(analyzer: SecretsAnalyzer, ctx: AnalysisContext) -> None:
    rng = random.Random(11)
    words = [
        "function",
        "return",
        "var",
        "token",
        "a.b(c)",
        "key",
        "{",
        "}",
        "=",
        ";",
        "0x1f",
        "password",
        "secret",
    ]
    block = "".join(rng.choice(words) + rng.choice(";,() ") for _ in range(20_000))
    size = 50 * 1024 * 1024
    body = (block * (size // len(block) + 1))[:size]
    middle = size // 2
    text = body[:1000] + f'"{GITHUB}"' + body[1000:middle] + f'"{SLACK}"' + body[middle:]
    assert "\n" not in text
    started = time.perf_counter()
    findings = list(analyzer.analyze(FileInput("dist/app.min.js", text), ctx))
    elapsed = time.perf_counter() - started
    assert {f.rule_id for f in findings} >= {"github-pat", "slack-bot-token"}
    assert all(len(f.snippet) <= 240 for f in findings)
    assert elapsed < 120, elapsed


def test_anchored_rules_use_hyperscan_prefilters(analyzer: SecretsAnalyzer) -> None:
    matcher = analyzer.matcher
    prefiltered = len(matcher._pattern_rules) - len(matcher.keywords)
    assert prefiltered == sum(1 for r in matcher.rules if r.anchored and r.prefilter) >= 3


def test_prefilters_do_not_change_results_on_dense_code(
    analyzer: SecretsAnalyzer, find_analyzer: SecretsAnalyzer, ctx: AnalysisContext
) -> None:
    rng = random.Random(3)
    words = [
        "token",
        "password",
        "secret",
        "api_key",
        "=",
        ":",
        '"',
        "self.token",
        "Xk9vR2mQp7LwT4zB8nYc",
        "\n",
    ]
    text = " ".join(rng.choice(words) for _ in range(50_000))
    fast = list(analyzer.analyze(FileInput("src/dense.py", text), ctx))
    slow = list(find_analyzer.analyze(FileInput("src/dense.py", text), ctx))
    assert fast and _summary(fast) == _summary(slow)
