"""The gitleaks/Betterleaks TOML format as an extra rule source."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ridgeline.analyzers.base import AnalysisContext, FileInput
from ridgeline.analyzers.secrets import gitleaks
from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer
from ridgeline.analyzers.secrets.gitleaks import go_regex_to_python, load_gitleaks_file, parse_gitleaks_rules

DOCUMENT = """
title = "team rules"

[extend]
useDefault = true
disabledRules = ["github-pat"]

[[rules]]
id = "acme-key"
description = "ACME API key"
regex = '''(?i)acme[_-]?key\\s*=\\s*["']?([[:alnum:]]{32})["']?'''
secretGroup = 1
entropy = 3.0
keywords = ["ACME"]
[rules.allowlist]
regexes = ['''^0{32}$''']
stopwords = ["sample"]

[[rules]]
id = "multi-allow"
regex = '''tok_([a-z0-9]{20})'''
keywords = ["tok_"]
[[rules.allowlists]]
paths = ['''\\.md$''']
[[rules.allowlists]]
regexTarget = "line"
regexes = ['''nolint''']

[[rules]]
id = "bad"
regex = '''([a-z'''

[[rules]]
id = "path-only"
path = '''\\.pem$'''

[[allowlists]]
description = "vendored"
paths = ['''^vendor/''']
"""


def test_rules_are_converted() -> None:
    source = parse_gitleaks_rules(DOCUMENT, source="test")
    rules = {r.id: r for r in source.rules}
    assert set(rules) == {"acme-key", "multi-allow"}
    acme = rules["acme-key"]
    assert acme.keywords == ("acme",) and acme.entropy == 3.0 and acme.secret_group == 1
    match = acme.regex.search('ACME_KEY = "k3v9q2x7m4l8p1z6r5t0w2y4a8b6c1d3"')
    assert match is not None and acme.secret_of(match)[0] == "k3v9q2x7m4l8p1z6r5t0w2y4a8b6c1d3"
    assert acme.allowlist.stopwords == ("sample",)
    assert len(rules["multi-allow"].more_allowlists) == 1
    assert rules["multi-allow"].more_allowlists[0].regex_target == "line"
    assert [a.description for a in source.allowlists] == ["vendored"]


def test_errors_are_values_not_exceptions() -> None:
    source = parse_gitleaks_rules(DOCUMENT, source="test")
    text = "\n".join(source.errors)
    assert "[extend] is ignored" in text
    assert "rule bad: invalid regex" in text
    assert "path-only" in text


def test_builtin_ids_cannot_be_replaced() -> None:
    source = parse_gitleaks_rules(
        "[[rules]]\nid = 'github-pat'\nregex = '''x'''\n", source="repo", reserved_ids={"github-pat"}
    )
    assert source.rules == () and "already in use" in source.errors[0]


def test_invalid_toml() -> None:
    assert "not valid TOML" in parse_gitleaks_rules("[[rules", source="x").errors[0]


def test_file_limits(tmp_path: Path) -> None:
    assert "not a regular file" in load_gitleaks_file(tmp_path / "missing.toml", source="x").errors[0]
    big = tmp_path / "big.toml"
    big.write_text("#" * (2 << 20))
    assert "larger than" in load_gitleaks_file(big, source="x").errors[0]
    link = tmp_path / "link.toml"
    link.symlink_to("/etc/passwd")
    assert "not a regular file" in load_gitleaks_file(link, source="x").errors[0]


def test_go_regex_translation() -> None:
    assert go_regex_to_python(r"[[:alnum:]]{3}\z") == r"[a-zA-Z0-9]{3}\Z"
    assert go_regex_to_python(r"key(?i)abc") == r"(?i)keyabc"


HOSTILE = """
[[rules]]
id = "redos"
regex = '''(a+)+b'''
keywords = ["a"]

[[rules]]
id = "alt"
regex = '''(?:a|ab)*c'''

[[rules]]
id = "fine"
regex = '''key_(?:live|test)_([a-z0-9]{16,})'''
"""


def test_user_regexes_run_on_re2_in_linear_time(tmp_path: Path) -> None:
    assert gitleaks.re2_available()
    source = parse_gitleaks_rules(HOSTILE, source="repo")
    assert [r.id for r in source.rules] == ["redos", "alt", "fine"]
    (tmp_path / ".gitleaks.toml").write_text(HOSTILE)
    analyzer = SecretsAnalyzer.from_packaged_rules()
    started = time.perf_counter()
    found = list(analyzer.analyze(FileInput("x.txt", "a" * 200_000 + "!"), AnalysisContext(root=tmp_path)))
    assert found == [] and time.perf_counter() - started < 10


def test_without_re2_backtracking_regexes_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gitleaks, "re2_available", lambda: False)
    source = parse_gitleaks_rules(HOSTILE, source="repo")
    assert [r.id for r in source.rules] == ["fine"]
    assert sum("exponential backtracking" in e for e in source.errors) == 2
    converted = parse_gitleaks_rules(DOCUMENT, source="test")
    assert {r.id for r in converted.rules} == {"acme-key", "multi-allow"}
