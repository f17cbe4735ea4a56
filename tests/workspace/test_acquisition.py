"""Hardened acquisition against real loopback git hosts: private repositories and tokens, hostile
URLs and repositories, size and time limits, and clean-up of every temporary directory."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.git_http import GitHttpServer
from tests.support.repos import make_bare_copy, make_repo
from tests.support.server import RidgelineServer

TOKEN = "tok_" + secrets.token_hex(16)
GITHUB_KEY = "ghp_LzFZioAyNM6k9FSUtHnekcJikRvU8nt0SmnW"


@pytest.fixture(scope="module")
def hosts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, GitHttpServer]]:
    private_root = tmp_path_factory.mktemp("private-host")
    public_root = tmp_path_factory.mktemp("public-host")
    stall_root = tmp_path_factory.mktemp("stall-host")
    work = tmp_path_factory.mktemp("acq-work")
    make_bare_copy(
        Path(_repo(work / "p", {"deploy/token.txt": f"GITHUB_TOKEN={GITHUB_KEY}\n"})),
        private_root / "acme/private.git",
    )
    make_bare_copy(Path(_repo(work / "s", {"a.txt": "x\n"})), stall_root / "acme/slow.git")
    outside = tmp_path_factory.mktemp("outside")
    (outside / "creds.env").write_text(f"TOKEN={GITHUB_KEY}\n")
    links = work / "links"
    make_repo(links, {"ok.txt": "fine\n"})
    os.symlink("/etc/passwd", links / "passwd")
    os.symlink("../..", links / "up")
    os.symlink(str(outside), links / "outside")
    os.symlink(str(outside / "creds.env"), links / "creds.env")
    subprocess.run(["git", "-C", str(links), "add", "-A"], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(links),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@e.invalid",
            "commit",
            "-qm",
            "links",
        ],
        check=True,
    )
    make_bare_copy(links, public_root / "acme/links.git")
    make_bare_copy(Path(_repo(work / "big", {"blob.bin": os.urandom(400_000)})), public_root / "acme/big.git")
    make_bare_copy(Path(_repo(work / "plain", {"a.txt": "x\n"})), public_root / "acme/plain.git")
    with (
        GitHttpServer(private_root, token=TOKEN) as private,
        GitHttpServer(public_root) as public,
        GitHttpServer(stall_root, stall_fetch=True) as stall,
    ):
        yield {"private": private, "public": public, "stall": stall}


def _repo(path: Path, files: dict[str, str | bytes]) -> Path:
    make_repo(path, files)
    return path


@pytest.fixture(scope="module")
def tmpdir_for_server(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("server-tmp")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, hosts: dict[str, GitHttpServer],
           tmpdir_for_server: Path) -> Iterator[RidgelineServer]:  # fmt: skip
    env = {
        "RIDGELINE_GITHUB_URL": hosts["private"].url,
        "RIDGELINE_GITLAB_URL": hosts["public"].url,
        "RIDGELINE_PROVIDERS": json.dumps({"corp": {"kind": "gitea", "url": hosts["stall"].url}}),
        "RIDGELINE_ALLOWED_HOSTS": json.dumps({"gitlab": ["git.example.org"]}),
        "RIDGELINE_CLONE_TIMEOUT": "3",
        "RIDGELINE_CLONE_MAX_BYTES": "262144",
        "RIDGELINE_RATE_LIMIT": "100000/minute",
        "TMPDIR": str(tmpdir_for_server),
    }
    srv = RidgelineServer(tmp_path_factory.mktemp("acq") / "data", env=env).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def key(server: RidgelineServer) -> str:
    return server.create_key("acq")


def _post(server: RidgelineServer, key: str, **body: str) -> httpx.Response:
    payload = {"branch_name": "main", **body}
    return httpx.post(f"{server.url}/api/static/scan", json=payload, headers={"x-api-key": key}, timeout=30)


def _scan(server: RidgelineServer, key: str, **body: str) -> dict:
    response = _post(server, key, **body)
    assert response.status_code == 200, response.text
    return server.wait_finished(key, response.json()["scan_id"], timeout=60)


def test_private_repository_with_the_right_token(server: RidgelineServer, key: str,
                                                 hosts: dict[str, GitHttpServer]) -> None:  # fmt: skip
    result = _scan(server, key, repository_name="acme/private", github_token=TOKEN)
    assert result["status"] == "completed", result
    assert [f["rule_id"] for f in result["vulnerabilities"]] == ["github-pat"]
    # the token travelled as an HTTP Basic header, as GitHub expects it
    auth = {r.get("authorization") for r in hosts["private"].requests if r.get("authorization")}
    import base64

    assert {base64.b64decode(a.split()[1]).decode() for a in auth} == {f"x-access-token:{TOKEN}"}


def test_private_repository_with_a_wrong_or_no_token_is_404(server: RidgelineServer, key: str) -> None:
    for extra in ({"github_token": "wrong-token"}, {}):
        response = _post(server, key, repository_name="acme/private", **extra)
        assert (response.status_code, response.json()) == (
            404,
            {"error": "Repository not found or access denied."},
        )


def test_linked_credential_is_used_when_the_request_has_none(server: RidgelineServer) -> None:
    linked_key = server.create_key("linked-acct")
    result = subprocess.run(
        [*server.cli_argv(), "admin", "credential", "set", "--account", "linked-acct", "--provider", "github",
         "--token-stdin"],
        input=TOKEN + "\n", capture_output=True, text=True, env=server.env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert TOKEN not in result.stdout + result.stderr
    scan = _scan(server, linked_key, repository_name="acme/private")
    assert scan["status"] == "completed"
    assert scan["summary"]["total"] == 1


def test_token_never_reaches_logs_responses_or_storage(server: RidgelineServer, key: str) -> None:
    response = _post(server, key, repository_name="acme/private", github_token=TOKEN)
    result = server.wait_finished(key, response.json()["scan_id"])
    assert TOKEN not in response.text + json.dumps(result)
    assert TOKEN not in server.log()
    stored = b"".join(p.read_bytes() for p in server.data_dir.rglob("*") if p.is_file())
    assert TOKEN.encode() not in stored


@pytest.mark.parametrize(
    "repo_url",
    [
        "ftp://{public}/acme/plain",
        "file:///etc/passwd",
        "ssh://git@{public}/acme/plain",
        "http://user:pw@{public}/acme/plain",
        "https://user@git.example.org/acme/plain",
        "https://evil.example.com/acme/plain",
        "https://10.0.0.1/acme/plain",
        "https://169.254.169.254/acme/plain",
        "https://[::1]/acme/plain",
        "https://git.example.org/acme/other",
        "https://git.example.org/acme/plain?x=1",
        "https://git.example.org:8443/acme/plain",
        "http://git.example.org/acme/plain",
        "not a url",
        "https://git.example.org/acme/plain\n",
        "https://git.example.org/acme/pl\tain",
    ],
)
def test_hostile_repo_urls_are_rejected(server: RidgelineServer, key: str, hosts: dict[str, GitHttpServer],
                                        repo_url: str) -> None:  # fmt: skip
    public = hosts["public"].url.removeprefix("http://")
    response = _post(
        server, key, repository_name="acme/plain", provider="gitlab", repo_url=repo_url.format(public=public)
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "Invalid field: repo_url (expected https://<allowed host>/<owner>/<repo>)"
    }


def test_repo_url_on_the_operators_own_host_is_accepted(server: RidgelineServer, key: str,
                                                         hosts: dict[str, GitHttpServer]) -> None:  # fmt: skip
    url = f"{hosts['public'].url}/acme/plain"
    result = _scan(server, key, repository_name="acme/plain", provider="gitlab", repo_url=url)
    assert result["status"] == "completed"


def test_symlinks_out_of_the_tree_are_never_read(server: RidgelineServer, key: str) -> None:
    result = _scan(server, key, repository_name="acme/links", provider="gitlab")
    assert result["status"] == "completed"
    assert result["summary"]["total"] == 0, result["vulnerabilities"]
    run = next(r for r in result["analyzers"] if r["name"] == "secrets")
    assert run["files"] == 1
    assert run["skipped"]["symlink"] == 4


def test_repository_over_the_size_limit_fails_with_the_limit(server: RidgelineServer, key: str) -> None:
    result = _scan(server, key, repository_name="acme/big", provider="gitlab")
    assert result["status"] == "failed"
    assert result["error"] == "The repository exceeds the 256 KiB clone limit."


def test_host_that_stalls_the_clone_hits_the_time_limit(server: RidgelineServer, key: str) -> None:
    result = _scan(server, key, repository_name="acme/slow", provider="corp")
    assert result["status"] == "failed"
    assert result["error"] == "Cloning the repository exceeded the 3 s time limit."


def test_temporary_directories_are_gone(server: RidgelineServer, key: str, tmpdir_for_server: Path) -> None:
    """Runs after the success, failure and timeout cases above (same server, same TMPDIR)."""
    _scan(server, key, repository_name="acme/plain", provider="gitlab")
    leftovers = [p.name for p in tmpdir_for_server.iterdir() if p.name.startswith("ridgeline-")]
    assert leftovers == []


def test_a_single_50_mb_line(tmp_path: Path, git_host: GitHttpServer, publish) -> None:
    line = "var a=1;" * (50 * 1024 * 1024 // 8) + f'k="{GITHUB_KEY}";\n'
    publish("acme/minified", {"dist/app.min.js": line})
    big = RidgelineServer(
        tmp_path / "data",
        env={"RIDGELINE_GITHUB_URL": git_host.url, "RIDGELINE_MAX_FILE_BYTES": str(64 << 20)},
    ).start()
    try:
        scan_key = big.create_key("minified")
        response = httpx.post(
            f"{big.url}/api/static/scan",
            json={"repository_name": "acme/minified", "branch_name": "main"},
            headers={"x-api-key": scan_key},
            timeout=30,
        )
        result = big.wait_finished(scan_key, response.json()["scan_id"], timeout=240)
    finally:
        big.stop()
    assert result["status"] == "completed"
    [finding] = result["vulnerabilities"]
    assert finding["rule_id"] == "github-pat" and finding["line"] == 1
    assert len(finding["snippet"]) <= 240
    assert GITHUB_KEY not in json.dumps(result)
