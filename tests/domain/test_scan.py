from __future__ import annotations

import subprocess

import pytest

from ridgeline.domain.errors import InvalidRequest
from ridgeline.domain.scan import normalise_repository_name, validate_branch_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("acme/app", "acme/app"), ("acme/app.git", "acme/app"), ("a-b_c.d/x.y-z", "a-b_c.d/x.y-z")],
)
def test_repository_names_accepted(raw: str, expected: str) -> None:
    assert normalise_repository_name(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["acme", "acme/app/extra", "../x", "acme/..", "acme/.git", "ac me/app", "acme/app\n", "-x/app", "acme/",
     "/app", "acme/a\x00b", "acme/" + "a" * 101, "acme/.hidden"],
)  # fmt: skip
def test_repository_names_rejected(raw: str) -> None:
    with pytest.raises(InvalidRequest):
        normalise_repository_name(raw)


BRANCHES = ["main", "feature/x", "release-1.2", "a", "-x", "a..b", "a b", "a~1", "a^", "a:b", "a?", "a*",
            "a[", "a\\b", "a.lock", "a/.b", ".a", "a/", "/a", "a//b", "@", "a@{b", "a.", "a\tb", "ü-branch"]  # fmt: skip


@pytest.mark.parametrize("name", BRANCHES)
def test_branch_validation_agrees_with_git(name: str) -> None:
    """Our pure validator accepts exactly what ``git check-ref-format --branch`` accepts (or less)."""
    git_ok = subprocess.run(
        ["git", "check-ref-format", "--branch", name], capture_output=True, check=False
    ).returncode == 0 and not name.startswith("-")
    try:
        validate_branch_name(name)
        ours = True
    except InvalidRequest:
        ours = False
    if ours:
        assert git_ok, f"{name!r} accepted by us but not by git"
    if name in ("main", "feature/x", "release-1.2", "a", "ü-branch"):
        assert ours
