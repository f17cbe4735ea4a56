"""The history pass: a secret committed and later deleted is found with its introducing commit."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from ridgeline.analyzers.base import AnalysisContext
from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer
from ridgeline.analyzers.secrets.history import HistoryError, scan_history
from ridgeline.domain.findings import SecretDetails

GITHUB = "ghp_LzFZioAyNM6k9FSUtHnekcJikRvU8nt0SmnW"
STRIPE = "sk_live_vRQFPBnUmQSI7cseZMl8kLx5"


def _git(repo: Path, *args: str) -> str:
    env = {
        "PATH": os.environ["PATH"], "HOME": str(repo), "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }  # fmt: skip
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env
    ).stdout.strip()


def _commit(repo: Path, files: dict[str, str | None], message: str) -> str:
    for name, content in files.items():
        path = repo / name
        if content is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    return repo


def test_deleted_secret_is_found_with_its_commit(repo: Path, analyzer: SecretsAnalyzer) -> None:
    _commit(repo, {"README.md": "hello\n"}, "init")
    leak = _commit(
        repo, {"config/settings.py": f'TOKEN = "{GITHUB}"\n', "app.py": f'S = "{STRIPE}"\n'}, "add config"
    )
    _commit(repo, {"config/settings.py": 'TOKEN = os.environ["TOKEN"]\n'}, "remove token")
    _commit(
        repo,
        {"docs/copy.py": f'TOKEN = "{GITHUB}"\n'.replace("TOKEN", "OLD")},
        "copy (same secret, new blob)",
    )
    _commit(repo, {"docs/copy.py": None}, "delete copy")
    ctx = AnalysisContext(root=repo, secret_salt=b"s")
    result = scan_history(repo, "main", analyzer, ctx)
    assert not result.shallow
    by_file = {(f.rule_id, f.file): f for f in result.findings}
    token = by_file[("github-pat", "config/settings.py")]
    assert isinstance(token.details, SecretDetails)
    assert token.details.commit == leak and token.details.in_tip is False
    assert leak[:12] in token.message and "no longer at the branch tip" in token.message
    assert GITHUB not in token.message + token.snippet
    stripe = by_file[("stripe-live-secret-key", "app.py")]
    assert isinstance(stripe.details, SecretDetails) and stripe.details.in_tip is True
    copy = by_file[("github-pat", "docs/copy.py")]
    assert isinstance(copy.details, SecretDetails) and copy.details.in_tip is False


def test_each_blob_is_scanned_once(repo: Path, analyzer: SecretsAnalyzer) -> None:
    content = f'TOKEN = "{GITHUB}"\n'
    first = _commit(repo, {"a.py": content}, "one")
    _commit(repo, {"b.py": content, "x.txt": "1"}, "two: same blob at another path")
    _commit(repo, {"x.txt": "2"}, "three")
    result = scan_history(repo, "main", analyzer, AnalysisContext(root=repo))
    github = [f for f in result.findings if f.rule_id == "github-pat"]
    assert len(github) == 1 and github[0].file == "a.py"
    assert isinstance(github[0].details, SecretDetails) and github[0].details.commit == first
    assert result.blobs_scanned == 3  # a.py/b.py blob, x.txt "1", x.txt "2"


def test_big_and_binary_blobs_are_skipped(repo: Path, analyzer: SecretsAnalyzer) -> None:
    (repo / "bin.dat").write_bytes(b"\x00\x01" + GITHUB.encode())
    _commit(repo, {"big.txt": f'T = "{GITHUB}"\n' + "x" * 5000}, "blobs")
    result = scan_history(repo, "main", analyzer, AnalysisContext(root=repo), max_blob_bytes=1000)
    assert result.findings == () and result.blobs_skipped == 2


def test_bad_ref_is_an_error(repo: Path, analyzer: SecretsAnalyzer) -> None:
    _commit(repo, {"a": "1"}, "one")
    with pytest.raises(HistoryError):
        scan_history(repo, "no-such-branch", analyzer, AnalysisContext(root=repo))
    with pytest.raises(HistoryError):
        scan_history(repo, "--output=/tmp/x", analyzer, AnalysisContext(root=repo))


def test_secret_from_a_merged_branch_reports_the_branch_commit(repo: Path, analyzer: SecretsAnalyzer) -> None:
    _commit(repo, {"README.md": "x\n"}, "init")
    _git(repo, "checkout", "-q", "-b", "feature")
    side = _commit(repo, {"feature.py": f'K = "{GITHUB}"\n'}, "feature with a key")
    _git(repo, "checkout", "-q", "main")
    _commit(repo, {"other.txt": "y\n"}, "main moves on")
    _git(repo, "merge", "-q", "--no-ff", "-m", "merge feature", "feature")
    result = scan_history(repo, "main", analyzer, AnalysisContext(root=repo))
    [finding] = [f for f in result.findings if f.rule_id == "github-pat"]
    assert isinstance(finding.details, SecretDetails)
    assert finding.details.commit == side and finding.details.in_tip is True
