"""Plans, quotas (race-free), usage and the scan list, against the live server."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import httpx
import pytest

from tests.support.server import RidgelineServer


@pytest.fixture(scope="module")
def repo(publish) -> str:
    publish("acme/quota", {"a.py": "x = 1\n"})
    return "acme/quota"


def _account_on_plan(server: RidgelineServer, account: str, plan: str, fast: str, plus: str) -> str:
    server.cli("admin", "plan", "set", plan, "--fast", fast, "--plus", plus)
    server.cli("admin", "account", "create", account, "--plan", plan)
    return server.cli("admin", "key", "create", "--account", account).stdout.strip()


def _post(server: RidgelineServer, key: str, repo: str, mode: str = "fast") -> httpx.Response:
    return httpx.post(
        f"{server.url}/api/static/scan",
        json={"repository_name": repo, "branch_name": "main", "scan_mode": mode},
        headers={"x-api-key": key},
        timeout=30,
    )


def test_quota_is_enforced_per_mode_with_the_documented_body(ridgeline: RidgelineServer, repo: str) -> None:
    key = _account_on_plan(ridgeline, "tiny-co", "tiny", "2", "1")
    assert _post(ridgeline, key, repo, "plus").status_code == 200
    refused = _post(ridgeline, key, repo, "plus")
    assert refused.status_code == 403
    assert refused.json() == {
        "error": "You have reached your Plus scan limit for this billing period.",
        "scan_mode": "plus",
        "used": 1,
        "limit": 1,
    }
    # fast is a separate pool
    assert _post(ridgeline, key, repo, "fast").status_code == 200
    assert _post(ridgeline, key, repo, "fast").status_code == 200
    refused = _post(ridgeline, key, repo, "fast")
    assert refused.status_code == 403
    assert refused.json() == {
        "error": "You have reached your Fast scan limit for this billing period.",
        "scan_mode": "fast",
        "used": 2,
        "limit": 2,
    }
    usage = httpx.get(f"{ridgeline.url}/api/static/usage", headers={"x-api-key": key}).json()
    now = datetime.now(UTC)
    reset = datetime(now.year + (now.month == 12), now.month % 12 + 1, 1, tzinfo=UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert usage == {
        "quota": {
            "fast": {"used": 2, "limit": 2, "remaining": 0},
            "plus": {"used": 1, "limit": 1, "remaining": 0},
            "quota_reset_date": reset,
            "can_scan": False,
            "remaining_scans": 0,
            "scans_limit": 2,
            "period": "monthly",
            "reset_date": reset,
        }
    }


def test_quota_check_comes_before_the_repository_check(ridgeline: RidgelineServer, repo: str) -> None:
    key = _account_on_plan(ridgeline, "zero-co", "zero", "0", "0")
    response = _post(ridgeline, key, "acme/does-not-exist")
    assert response.status_code == 403
    assert response.json()["scan_mode"] == "fast"


def test_parallel_posts_at_the_edge_of_a_limit_cannot_both_pass(
    ridgeline: RidgelineServer, repo: str
) -> None:
    key = _account_on_plan(ridgeline, "edge-co", "edge", "1", "0")
    barrier = threading.Barrier(8)
    statuses: list[int] = []
    lock = threading.Lock()

    def fire() -> None:
        barrier.wait()
        status = _post(ridgeline, key, repo).status_code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=fire) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] + [403] * 7
    usage = httpx.get(f"{ridgeline.url}/api/static/usage", headers={"x-api-key": key}).json()
    assert usage["quota"]["fast"]["used"] == 1


def test_unlimited_plan_reports_null_limits(ridgeline: RidgelineServer, repo: str) -> None:
    key = _account_on_plan(ridgeline, "big-co", "enterprise", "unlimited", "unlimited")
    assert _post(ridgeline, key, repo).status_code == 200
    quota = httpx.get(f"{ridgeline.url}/api/static/usage", headers={"x-api-key": key}).json()["quota"]
    assert quota["fast"] == {"used": 1, "limit": None, "remaining": None}
    assert quota["can_scan"] is True


def test_scan_list_is_newest_first_paginated_and_per_account(ridgeline: RidgelineServer, repo: str,
                                                             other_key: str) -> None:  # fmt: skip
    key = _account_on_plan(ridgeline, "list-co", "enterprise", "unlimited", "unlimited")
    ids = [_post(ridgeline, key, repo).json()["scan_id"] for _ in range(3)]
    page = httpx.get(
        f"{ridgeline.url}/api/static/scans", params={"limit": 2}, headers={"x-api-key": key}
    ).json()
    assert page["total"] == 3 and page["limit"] == 2 and page["offset"] == 0
    assert [s["scan_id"] for s in page["scans"]] == [ids[2], ids[1]]
    rest = httpx.get(
        f"{ridgeline.url}/api/static/scans", params={"limit": 2, "offset": 2}, headers={"x-api-key": key}
    ).json()
    assert [s["scan_id"] for s in rest["scans"]] == [ids[0]]
    theirs = httpx.get(f"{ridgeline.url}/api/static/scans", headers={"x-api-key": other_key}).json()
    assert not set(ids) & {s["scan_id"] for s in theirs["scans"]}
    bad = httpx.get(f"{ridgeline.url}/api/static/scans", params={"limit": "0"}, headers={"x-api-key": key})
    assert bad.status_code == 400
    assert bad.json() == {"error": "Invalid parameter: limit (expected an integer from 1 to 100)"}


def test_revoked_and_expired_keys_are_invalid(ridgeline: RidgelineServer) -> None:
    import sqlite3

    key = ridgeline.create_key("revoke-co")
    headers = {"x-api-key": key}
    assert httpx.get(f"{ridgeline.url}/api/static/usage", headers=headers).status_code == 200
    listing = ridgeline.cli("admin", "key", "list", "--account", "revoke-co").stdout
    assert key not in listing and key[:9] in listing
    ridgeline.cli("admin", "key", "revoke", key)
    response = httpx.get(f"{ridgeline.url}/api/static/usage", headers=headers)
    assert (response.status_code, response.json()) == (401, {"error": "Invalid or inactive API key."})

    expiring = ridgeline.cli(
        "admin", "key", "create", "--account", "revoke-co", "--expires", "30"
    ).stdout.strip()
    assert httpx.get(f"{ridgeline.url}/api/static/usage", headers={"x-api-key": expiring}).status_code == 200
    with sqlite3.connect(ridgeline.data_dir / "ridgeline.db") as db:
        db.execute(
            "UPDATE api_keys SET expires_at = '2020-01-01 00:00:00' WHERE display_prefix = ?", (expiring[:9],)
        )
    response = httpx.get(f"{ridgeline.url}/api/static/usage", headers={"x-api-key": expiring})
    assert (response.status_code, response.json()) == (401, {"error": "Invalid or inactive API key."})
