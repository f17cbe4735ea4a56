"""Repository and branch auto-detection: CI variables, then the origin remote and current branch."""

from __future__ import annotations

from pathlib import Path

import pytest

from ridgeline.cli.repo_detection import DetectionError, parse_remote, resolve_target
from tests.cli.conftest import Cli
from tests.cli.flaky_proxy import FORWARD, FlakyProxy
from tests.support.git_http import GitHttpServer
from tests.support.repos import git, make_repo
from tests.support.server import RidgelineServer


@pytest.mark.parametrize(
    ("url", "scheme", "host", "slug", "provider", "https_url"),
    [
        ("https://github.com/acme/webapp.git", "https", "github.com", "acme/webapp", "github",
         "https://github.com/acme/webapp"),
        ("https://x-access-token:ghs_SECRET@github.com/acme/webapp", "https", "github.com", "acme/webapp",
         "github", "https://github.com/acme/webapp"),
        ("git@gitlab.com:acme/webapp.git", "ssh", "gitlab.com", "acme/webapp", "gitlab",
         "https://gitlab.com/acme/webapp"),
        ("ssh://git@bitbucket.org:7999/acme/webapp.git", "ssh", "bitbucket.org", "acme/webapp", "bitbucket",
         "https://bitbucket.org/acme/webapp"),
        ("https://Codeberg.org/acme/webapp/", "https", "codeberg.org", "acme/webapp", "gitea",
         "https://codeberg.org/acme/webapp"),
        ("http://127.0.0.1:8080/acme/webapp.git", "http", "127.0.0.1", "acme/webapp", None,
         "http://127.0.0.1:8080/acme/webapp"),
        ("git.corp.example:team/tool", "ssh", "git.corp.example", "team/tool", None,
         "https://git.corp.example/team/tool"),
    ],
)  # fmt: skip
def test_parse_remote(
    url: str, scheme: str, host: str, slug: str, provider: str | None, https_url: str
) -> None:
    remote = parse_remote(url)
    assert (remote.scheme, remote.host, remote.slug, remote.provider) == (scheme, host, slug, provider)
    assert remote.https_url() == https_url
    assert "SECRET" not in repr(remote)


@pytest.mark.parametrize(
    "url",
    ["/srv/git/acme/webapp.git", "file:///srv/git/acme/webapp.git", "https://github.com/acme",
     "https://gitlab.com/group/subgroup/project.git", "git@host:", "https://github.com:notaport/a/b"],
)  # fmt: skip
def test_parse_remote_refuses(url: str) -> None:
    with pytest.raises(DetectionError):
        parse_remote(url)


@pytest.fixture
def ci_free(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("GITHUB_REPOSITORY", "CI_REPOSITORY", "GITHUB_REF_NAME", "GITHUB_HEAD_REF",
                 "CI_COMMIT_BRANCH", "CI_BRANCH"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _checkout(path: Path, origin: str, branch: str = "main") -> Path:
    make_repo(path, {"README.md": "local\n"}, branch=branch)
    git(path, "remote", "add", "origin", origin)
    return path


def test_resolve_target_from_a_checkout(tmp_path: Path, ci_free: pytest.MonkeyPatch) -> None:
    ci_free.chdir(_checkout(tmp_path / "co", "git@gitlab.com:acme/webapp.git", branch="topic/x"))
    target = resolve_target(None, None)
    assert (target.repository, target.branch, target.detected) == ("acme/webapp", "topic/x", True)
    assert (target.provider, target.repo_url) == ("gitlab", "https://gitlab.com/acme/webapp")
    # flags win; an explicit provider for an unknown host gets the remote's URL
    assert resolve_target("o/r", "dev").detected is False
    assert resolve_target(None, "dev").branch == "dev"
    assert resolve_target(None, None, repo_url="https://gitlab.example/acme/webapp").repo_url == (
        "https://gitlab.example/acme/webapp"
    )
    git(Path.cwd(), "remote", "set-url", "origin", "https://git.corp.example/acme/webapp.git")
    assert (resolve_target(None, None).provider, resolve_target(None, None).repo_url) == (None, None)
    corp = resolve_target(None, None, provider="gitea")
    assert (corp.provider, corp.repo_url) == ("gitea", "https://git.corp.example/acme/webapp")
    assert resolve_target(None, None, provider="local").repo_url is None


def test_resolve_target_env_first(tmp_path: Path, ci_free: pytest.MonkeyPatch) -> None:
    ci_free.chdir(_checkout(tmp_path / "co", "https://github.com/acme/local.git"))
    ci_free.setenv("CI_REPOSITORY", "acme/from-ci")
    ci_free.setenv("CI_BRANCH", "release")
    target = resolve_target(None, None)
    assert (target.repository, target.branch, target.provider) == ("acme/from-ci", "release", None)
    ci_free.setenv("GITHUB_REPOSITORY", "acme/from-gh")
    ci_free.setenv("CI_COMMIT_BRANCH", "commit-branch")
    assert resolve_target(None, None).branch == "commit-branch"
    ci_free.setenv("GITHUB_REF_NAME", "main")
    assert (resolve_target(None, None).repository, resolve_target(None, None).branch) == (
        "acme/from-gh",
        "main",
    )
    # a pull request's GITHUB_REF_NAME is "<n>/merge"; its branch is GITHUB_HEAD_REF
    ci_free.setenv("GITHUB_REF_NAME", "42/merge")
    ci_free.setenv("GITHUB_HEAD_REF", "feature")
    assert resolve_target(None, None).branch == "feature"


def test_no_repository_no_guess(tmp_path: Path, ci_free: pytest.MonkeyPatch) -> None:
    ci_free.chdir(tmp_path)
    with pytest.raises(DetectionError, match="not inside a git repository"):
        resolve_target(None, None)
    make_repo(tmp_path / "bare", {"a": "b"})
    ci_free.chdir(tmp_path / "bare")
    with pytest.raises(DetectionError, match="no origin remote"):
        resolve_target(None, None)
    git(tmp_path / "bare", "checkout", "-q", "--detach")
    git(tmp_path / "bare", "remote", "add", "origin", "https://github.com/a/b")
    with pytest.raises(DetectionError, match="detached HEAD"):
        resolve_target(None, None)


# --- against the live server ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(publish) -> str:
    publish(
        "acme/cli-detect",
        {"deploy.sh": "export GITLAB_TOKEN=glpat-QpghLfl41qrccyCKv--v\n"},
        branch="feature-x",
    )
    return "acme/cli-detect"


@pytest.mark.e2e
def test_detected_from_ci_variables(
    cli: Cli, ridgeline: RidgelineServer, scan_key: str, published: str
) -> None:
    env = {"GITHUB_REPOSITORY": published, "GITHUB_REF_NAME": "feature-x"}
    result = cli("run", "--api-url", ridgeline.url, "-k", scan_key, "-f", "json", env=env)
    assert result.returncode == 0, result.stderr
    assert f"Repo auto-detected: {published} @ feature-x" in result.stderr
    assert '"branch_name": "feature-x"' in result.stdout


@pytest.mark.e2e
@pytest.mark.parametrize("form", ["https", "scp", "ssh"])
def test_detected_from_origin_remote(cli: Cli, ridgeline: RidgelineServer, scan_key: str, published: str,
                                     git_host: GitHttpServer, tmp_path: Path, form: str) -> None:  # fmt: skip
    # The loopback git host is "some other host": the server's github provider, no repo_url sent.
    origin = {
        "https": f"{git_host.url}/{published}.git",
        "scp": f"git@127.0.0.1:{published}.git",
        "ssh": f"ssh://git@127.0.0.1:2222/{published}",
    }[form]
    checkout = _checkout(tmp_path / "checkout", origin, branch="feature-x")
    with FlakyProxy(ridgeline.url, lambda *_: FORWARD) as proxy:
        result = cli("run", "--api-url", proxy.url, "-k", scan_key, "--quiet", "-f", "json", cwd=checkout)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""  # --quiet
        [submitted] = [r["body"] for r in proxy.requests if r["method"] == "POST"]
    assert submitted == {"repository_name": published, "branch_name": "feature-x", "scan_mode": "fast"}
    loud = cli("run", "--api-url", ridgeline.url, "-k", scan_key, "--skip-interactive", cwd=checkout)
    assert f"Repo auto-detected: {published} @ feature-x" in loud.stderr


@pytest.mark.e2e
def test_non_github_remote_sends_provider_and_repo_url(cli: Cli, ridgeline: RidgelineServer, scan_key: str,
                                                       tmp_path: Path) -> None:  # fmt: skip
    checkout = _checkout(tmp_path / "checkout", "git@codeberg.org:acme/webapp.git")
    with FlakyProxy(ridgeline.url, lambda *_: FORWARD) as proxy:
        result = cli("run", "--api-url", proxy.url, "-k", scan_key, cwd=checkout)
        [submitted] = [r["body"] for r in proxy.requests if r["method"] == "POST"]
    assert submitted["provider"] == "gitea"
    assert submitted["repo_url"] == "https://codeberg.org/acme/webapp"
    # this server allows no codeberg.org for gitea: its own answer proves the field arrived
    assert result.returncode == 1
    assert "Invalid field: repo_url" in result.stderr


def test_outside_a_repository_asks_for_flags(cli: Cli) -> None:
    result = cli("run", "-k", "k", "--api-url", "http://127.0.0.1:9")
    assert result.returncode == 1
    assert "pass --repo and --branch" in result.stderr
