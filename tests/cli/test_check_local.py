"""``ridgeline check`` / ``ridgeline secrets`` on local folders and git work trees (no server)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.repos import git, make_repo

KEY = "ghp_LzFZioAyNM6k9FSUtHnekcJikRvU8nt0SmnW"
AWS = "AKIAICLTRTFXIF34J3TL"


def check(*args: str, cwd: Path, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RIDGELINE_DATA_DIR": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "ridgeline", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_exit_codes_and_fail_on(tmp_path: Path, data: Path) -> None:
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.py").write_text("print('hi')\n")
    assert check("check", str(clean), "--only", "secrets", cwd=tmp_path, data=data).returncode == 0
    dirty = tmp_path / "dirty"
    dirty.mkdir()
    (dirty / "hook.sh").write_text(
        "curl https://hooks.slack.com/services/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\n"
    )
    medium = check("check", str(dirty), "--only", "secrets", cwd=tmp_path, data=data)
    assert medium.returncode == 0, "a medium finding is below the default --fail-on high"
    assert "slack-webhook-url" in medium.stdout
    assert (
        check(
            "check", str(dirty), "--fail-on", "medium", "--only", "secrets", cwd=tmp_path, data=data
        ).returncode
        == 1
    )
    assert check("secrets", str(dirty), cwd=tmp_path, data=data).returncode == 1  # secrets fails on any
    missing = check("check", str(tmp_path / "nope"), cwd=tmp_path, data=data)
    assert missing.returncode == 2 and "is not a directory" in missing.stderr
    bad = check("check", str(clean), "--only", "spells", cwd=tmp_path, data=data)
    assert bad.returncode == 2


def test_json_out_file_and_baseline(tmp_path: Path, data: Path) -> None:
    repo = tmp_path / "r"
    repo.mkdir()
    (repo / "a.py").write_text(f'T = "{KEY}"\n')
    baseline = tmp_path / "baseline.json"
    first = check(
        "check", str(repo), "--write-baseline", str(baseline), "--only", "secrets", cwd=tmp_path, data=data
    )
    assert first.returncode == 1
    assert json.loads(baseline.read_text())["fingerprints"]
    (repo / "b.py").write_text(f'A = "{AWS}"\n')
    out = tmp_path / "report.json"
    second = check("check", str(repo), "--baseline", str(baseline), "--format", "json", "--out", str(out),
                   "--only", "secrets", cwd=tmp_path, data=data)  # fmt: skip
    assert second.returncode == 1
    assert second.stdout == ""
    report = json.loads(out.read_text())
    assert [f["file"] for f in report["vulnerabilities"]] == ["b.py"]
    assert [(f["file"], f["suppressed_reason"]) for f in report["suppressed"]] == [("a.py", "baseline")]
    assert KEY not in out.read_text()
    third = check("check", str(repo), "--baseline", str(baseline), "--only", "secrets", "--fail-on", "low",
                  "--format", "json", cwd=tmp_path, data=data)  # fmt: skip
    assert third.returncode == 1


def test_staged_scans_the_index_and_only_changed_lines(tmp_path: Path, data: Path) -> None:
    repo = tmp_path / "repo"
    make_repo(repo, {"old.py": f'OLD = "{KEY}"\n', "app.py": "x = 1\n"})
    (repo / "app.py").write_text(f'x = 1\nA = "{AWS}"\n')
    (repo / "unstaged.py").write_text(f'U = "{KEY}"\n')
    git(repo, "add", "app.py")
    (repo / "app.py").write_text("x = 1\n")  # the working tree no longer has it; the index does
    result = check("secrets", "--staged", "--format", "json", cwd=repo, data=data)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert [(f["file"], f["line"], f["rule_id"]) for f in report["vulnerabilities"]] == [
        ("app.py", 2, "aws-access-key-id")
    ]


def test_diff_reports_only_lines_changed_since_ref(tmp_path: Path, data: Path) -> None:
    repo = tmp_path / "repo"
    make_repo(repo, {"old.py": f'OLD = "{KEY}"\n', "app.py": "x = 1\n"})
    base = git(repo, "rev-parse", "HEAD")
    make_repo(repo, {"app.py": f'x = 1\nA = "{AWS}"\n'}, message="add key")
    (repo / "new.py").write_text(f'N = "{KEY}"\n')
    result = check("check", "--diff", base, "--only", "secrets", "--format", "json", cwd=repo, data=data)
    assert result.returncode == 1, result.stderr
    found = sorted((f["file"], f["line"]) for f in json.loads(result.stdout)["vulnerabilities"])
    assert found == [("app.py", 2), ("new.py", 1)]
    assert check("check", "--diff", "--upload-pack=x", cwd=repo, data=data).returncode == 2


def test_gitignored_files_are_skipped_unless_asked(tmp_path: Path, data: Path) -> None:
    repo = tmp_path / "repo"
    make_repo(repo, {".gitignore": "build/\n", "a.py": "x = 1\n"})
    (repo / "build").mkdir()
    (repo / "build" / "leak.txt").write_text(f"{KEY}\n")
    assert check("secrets", str(repo), cwd=tmp_path, data=data).returncode == 0
    assert check("secrets", str(repo), "--all-files", cwd=tmp_path, data=data).returncode == 1


def test_this_repository_checks_clean_with_its_policy(data: Path) -> None:
    """`ridgeline check .` on Ridgeline itself: the fixtures are suppressed by .ridgeline.yml."""
    root = Path(__file__).resolve().parents[2]
    result = check("check", ".", "--only", "secrets", "--format", "json", cwd=root, data=data)
    assert result.returncode == 0, result.stdout[:2000]
    report = json.loads(result.stdout)
    assert report["vulnerabilities"] == []
    assert report["suppressed"], "the rule examples and fixtures are listed as suppressed"


@pytest.mark.parametrize("args", [["check", "."], ["check", "--diff", "HEAD"], ["secrets", "--staged"]])
def test_a_hostile_git_config_in_the_checked_folder_runs_nothing(
    tmp_path: Path, data: Path, args: list[str]
) -> None:
    repo = tmp_path / "repo"
    make_repo(repo, {"a.py": "x = 1\n", ".gitattributes": "*.py filter=evil diff=evil\n"})
    marker = tmp_path / "pwned"
    command = f"touch {marker}; false"
    git(repo, "config", "core.fsmonitor", command)
    git(repo, "config", "filter.evil.clean", command)
    git(repo, "config", "filter.evil.smudge", command)
    git(repo, "config", "diff.evil.textconv", command)
    git(repo, "config", "diff.external", command)
    (repo / "a.py").write_text(f'x = 1\nT = "{KEY}"\n')
    git(repo, "add", "a.py") if args[-1] == "--staged" else None
    marker.unlink(missing_ok=True)  # `git add` above ran the clean filter in the test, not in ridgeline
    result = check(*args, "--format", "json", cwd=repo, data=data)
    assert result.returncode == 1, result.stderr
    assert not marker.exists(), "ridgeline let the repository's git config run a command"


def test_secrets_history_finds_a_deleted_key(tmp_path: Path, data: Path) -> None:
    repo = tmp_path / "repo"
    introduced = make_repo(repo, {"creds.env": f"AWS_ACCESS_KEY_ID={AWS}\n"})
    make_repo(repo, {"creds.env": "AWS_ACCESS_KEY_ID=${FROM_VAULT}\n"}, message="remove")
    assert check("secrets", str(repo), cwd=tmp_path, data=data).returncode == 0
    result = check("secrets", str(repo), "--history", "--format", "json", cwd=tmp_path, data=data)
    assert result.returncode == 1, result.stderr
    [finding] = json.loads(result.stdout)["vulnerabilities"]
    assert (finding["file"], finding["commit"], finding["in_tip"]) == ("creds.env", introduced, False)


@pytest.mark.parametrize("name", ["sp ace.txt", "c\rd.txt", "tab\there.txt", "caf\u00e9.txt"])
def test_odd_file_names_are_not_a_way_around_diff_and_staged(tmp_path: Path, data: Path, name: str) -> None:
    repo = tmp_path / "repo"
    make_repo(repo, {"a.txt": "x\n"})
    base = git(repo, "rev-parse", "HEAD")
    (repo / name).write_text(f"KEY={AWS}\n")
    git(repo, "add", "-A")
    staged = check("secrets", "--staged", "--format", "json", cwd=repo, data=data)
    assert staged.returncode == 1, staged.stderr
    git(repo, "commit", "-q", "-m", "odd")
    for args in (["check", "--diff", base, "--only", "secrets"], ["check", ".", "--only", "secrets"]):
        result = check(*args, "--format", "json", cwd=repo, data=data)
        assert result.returncode == 1, (args, result.stdout[-500:], result.stderr[-500:])
        [finding] = json.loads(result.stdout)["vulnerabilities"]
        assert finding["rule_id"] == "aws-access-key-id"


def test_history_reports_real_file_names(tmp_path: Path, data: Path) -> None:
    repo = tmp_path / "repo"
    make_repo(repo, {"caf\u00e9 secret.txt": f"K={AWS}\n", "a\rb.txt": f"K={KEY}\n"})
    make_repo(repo, {"caf\u00e9 secret.txt": "K=x\n", "a\rb.txt": "K=y\n"}, message="remove")
    result = check("secrets", str(repo), "--history", "--format", "json", cwd=tmp_path, data=data)
    assert result.returncode == 1, result.stderr
    assert sorted(f["file"] for f in json.loads(result.stdout)["vulnerabilities"]) == [
        "a\rb.txt",
        "caf\u00e9 secret.txt",
    ]


def test_a_non_utf8_file_name_is_scanned_and_reported(tmp_path: Path, data: Path) -> None:
    repo = tmp_path / "repo"
    make_repo(repo, {"a.txt": "x\n"})
    with open(os.path.join(os.fsencode(repo), b"c\x85d.txt"), "w") as handle:
        handle.write(f"K={AWS}\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "odd name")
    result = check("check", ".", "--only", "secrets", "--format", "json", cwd=repo, data=data)
    assert result.returncode == 1, result.stderr
    [finding] = json.loads(result.stdout)["vulnerabilities"]
    assert finding["file"] == "c\\x85d.txt"
