"""Secrets in the git history of a branch (plus mode).

Why: deleting a key in the latest commit does not un-leak it; every clone still has it. This pass
scans every blob reachable from the scanned ref exactly once, however many commits and paths share
it: ``git rev-list --objects`` lists the reachable objects, ``git cat-file --batch-check`` their
types and sizes, and one ``git cat-file --batch`` process streams the contents of the wanted blobs
(deduplicated by object id). ``git log --reverse --raw`` over the same ref tells, for each blob, the
oldest commit that added it (and at which path); that commit and path are what a finding reports.
A finding's secret is *in tip* when the same rule finds the same secret (same salted hash) in a
blob of the tip tree.

The clone must be complete (not shallow) for the history to be complete; ``scan_history`` reports
``shallow=True`` in its result otherwise, so the caller can deepen the clone or say so. Git runs
with the hardened environment of ``workspace.git`` (no user or system config, no hooks, no
prompts), reads only, and never checks anything out. Findings carry only redacted text and the
salted hash, like every other secret finding.
"""

from __future__ import annotations

import codecs
import dataclasses
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ridgeline.analyzers.base import AnalysisContext, FileInput
from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer
from ridgeline.domain.findings import Finding, SecretDetails
from ridgeline.workspace.git import RemoteRepository, git_environment
from ridgeline.workspace.walker import looks_binary

_BINARY_SNIFF = 8192
_GIT_TIMEOUT = 600


@dataclass(frozen=True, slots=True)
class HistoryScan:
    """The findings of one history scan and what it covered."""

    findings: tuple[Finding, ...]
    blobs_scanned: int
    blobs_skipped: int
    shallow: bool


class HistoryError(RuntimeError):
    """Git could not list or read the repository's history (not a repository, bad ref)."""


def _git(repo_dir: Path, env: dict[str, str], *args: str, stdin: bytes | None = None) -> bytes:
    result = subprocess.run(
        ["git", "-C", str(repo_dir), *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=_GIT_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise HistoryError(f"git {args[0]} failed: {result.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return result.stdout


def _resolve(repo_dir: Path, env: dict[str, str], ref: str) -> str:
    if ref.startswith("-"):
        raise HistoryError("invalid ref")
    out = _git(repo_dir, env, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    return out.decode("ascii").strip()


def _introductions(repo_dir: Path, env: dict[str, str], commit: str) -> dict[str, tuple[str, str]]:
    """blob id → (oldest commit adding it, its path there)."""
    out = _git(
        repo_dir, env, "log", "--reverse", "--raw", "--no-renames", "--no-abbrev",
        "--diff-merges=first-parent", "--format=%x00%H", commit, "--",
    )  # fmt: skip
    first: dict[str, tuple[str, str]] = {}
    current = ""
    for line in out.decode("utf-8", "surrogateescape").split("\n"):
        if line.startswith("\x00"):
            current = line[1:]
            continue
        if not line.startswith(":"):
            continue
        meta, _, path = line.partition("\t")
        path = _unquote(path)
        fields = meta.split()
        if len(fields) < 5 or fields[4].startswith("D"):
            continue
        blob = fields[3]
        if blob not in first:
            first[blob] = (current, path)
    return first


def _unquote(path: str) -> str:
    """git C-quotes names with control characters ("a\\rb.txt"); report the real name."""
    if len(path) >= 2 and path[0] == '"' and path[-1] == '"':
        raw = codecs.escape_decode(path[1:-1].encode("utf-8", "surrogateescape"))[0]
        return raw.decode("utf-8", "surrogateescape")  # type: ignore[union-attr]
    return path


def _reachable_blobs(repo_dir: Path, env: dict[str, str], commit: str) -> dict[str, tuple[str, int]]:
    """blob id → (a path it has, size) for every blob reachable from ``commit``."""
    listing = _git(repo_dir, env, "rev-list", "--objects", commit, "--")
    paths: dict[str, str] = {}
    for line in listing.decode("utf-8", "surrogateescape").splitlines():
        oid, _, path = line.partition(" ")
        if path:
            paths.setdefault(oid, path)
    if not paths:
        return {}
    checks = _git(
        repo_dir, env, "cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)",
        stdin="\n".join(paths).encode("ascii") + b"\n",
    )  # fmt: skip
    blobs: dict[str, tuple[str, int]] = {}
    for line in checks.decode("ascii", "replace").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "blob":
            blobs[parts[0]] = (paths[parts[0]], int(parts[2]))
    return blobs


def _tip_blobs(repo_dir: Path, env: dict[str, str], commit: str) -> set[str]:
    out = _git(repo_dir, env, "ls-tree", "-r", "-z", "--full-tree", commit)
    blobs: set[str] = set()
    for entry in out.split(b"\x00"):
        meta = entry.partition(b"\t")[0].split()
        if len(meta) == 3 and meta[1] == b"blob":
            blobs.add(meta[2].decode("ascii"))
    return blobs


def _read_blobs(repo_dir: Path, env: dict[str, str], oids: list[str]) -> Iterator[tuple[str, bytes]]:
    """Stream the contents of ``oids`` through one ``git cat-file --batch`` process."""
    process = subprocess.Popen(
        ["git", "-C", str(repo_dir), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None

    def feed() -> None:
        try:
            for oid in oids:
                process.stdin.write(oid.encode("ascii") + b"\n")  # type: ignore[union-attr]
            process.stdin.close()  # type: ignore[union-attr]
        except (BrokenPipeError, ValueError):
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        for _ in oids:
            header = process.stdout.readline()
            parts = header.split()
            if len(parts) != 3:
                continue  # "<oid> missing"
            size = int(parts[2])
            data = process.stdout.read(size)
            process.stdout.read(1)
            yield parts[0].decode("ascii"), data
    finally:
        process.stdout.close()
        process.kill()
        process.wait()
        writer.join(timeout=5)


def scan_history(
    repo_dir: Path,
    ref: str,
    analyzer: SecretsAnalyzer,
    ctx: AnalysisContext,
    *,
    max_blob_bytes: int = 2 << 20,
) -> HistoryScan:
    """Scan every blob reachable from ``ref`` once; report where each secret was introduced.

    Raises HistoryError when ``repo_dir`` is not a repository or ``ref`` does not name a commit.
    """
    with tempfile.TemporaryDirectory(prefix="ridgeline-home-") as home:
        env = git_environment(RemoteRepository(url="", protocol="file"), home)
        # Paths as stored, not C-quoted ("caf\\303\\251.txt"); -z output is split on NUL by the parsers.
        count = int(env["GIT_CONFIG_COUNT"])
        env[f"GIT_CONFIG_KEY_{count}"], env[f"GIT_CONFIG_VALUE_{count}"] = "core.quotePath", "false"
        env["GIT_CONFIG_COUNT"] = str(count + 1)
        commit = _resolve(repo_dir, env, ref)
        shallow = _git(repo_dir, env, "rev-parse", "--is-shallow-repository").strip() == b"true"
        blobs = _reachable_blobs(repo_dir, env, commit)
        introduced = _introductions(repo_dir, env, commit)
        tip = _tip_blobs(repo_dir, env, commit)
        wanted = sorted(oid for oid, (_path, size) in blobs.items() if size <= max_blob_bytes)
        skipped = len(blobs) - len(wanted)
        raw: list[tuple[Finding, str]] = []
        scanned = 0
        for oid, data in _read_blobs(repo_dir, env, wanted):
            if looks_binary(data[:_BINARY_SNIFF]):
                skipped += 1
                continue
            scanned += 1
            introducing_commit, path = introduced.get(oid, ("", blobs[oid][0]))
            text = data.decode("utf-8", errors="replace")
            for finding in analyzer.analyze(FileInput(path, text), ctx):
                raw.append((_with_commit(finding, introducing_commit), oid))
    present = {
        (f.rule_id, f.details.secret_hash)
        for f, oid in raw
        if oid in tip and isinstance(f.details, SecretDetails)
    }
    findings = []
    for finding, _oid in raw:
        details = finding.details
        assert isinstance(details, SecretDetails)
        in_tip = (finding.rule_id, details.secret_hash) in present
        short = (details.commit or "unknown commit")[:12]
        state = (
            "still present at the branch tip" if in_tip else "no longer at the branch tip, but in the history"
        )
        findings.append(
            dataclasses.replace(
                finding,
                message=f"{finding.message}; introduced in commit {short}, {state}",
                details=dataclasses.replace(details, in_tip=in_tip),
            )
        )
    findings.sort(key=lambda f: f.sort_key)
    return HistoryScan(tuple(findings), scanned, skipped, shallow)


def _with_commit(finding: Finding, commit: str) -> Finding:
    details = finding.details
    assert isinstance(details, SecretDetails)
    return dataclasses.replace(finding, details=dataclasses.replace(details, commit=commit or None))
