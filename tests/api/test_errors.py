"""Status codes and error texts of shared/spec/API.md, asserted byte for byte over real HTTP."""

from __future__ import annotations

import httpx
import pytest

from tests.support.server import RidgelineServer

UNKNOWN_SCAN = "00000000-0000-4000-8000-000000000000"


@pytest.fixture(scope="module")
def published(publish) -> str:
    return publish("acme/errors", {"main.py": "print('hello')\n"})


def post(server: RidgelineServer, body: object = None, key: str | None = None, raw: bytes | None = None,
         path: str = "/api/static/scan") -> httpx.Response:  # fmt: skip
    headers = {"content-type": "application/json"}
    if key is not None:
        headers["x-api-key"] = key
    content = raw if raw is not None else httpx.Request("POST", "http://x", json=body).content
    return httpx.post(f"{server.url}{path}", content=content, headers=headers, timeout=30)


def get(server: RidgelineServer, params: dict[str, str], key: str | None,
        path: str = "/api/static/scan") -> httpx.Response:  # fmt: skip
    headers = {"x-api-key": key} if key is not None else {}
    return httpx.get(f"{server.url}{path}", params=params, headers=headers, timeout=30)


VALID = {"repository_name": "acme/errors", "branch_name": "main"}


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        (None, 400, "Request body must be a JSON object."),
        ([1, 2], 400, "Request body must be a JSON object."),
        ("text", 400, "Request body must be a JSON object."),
        ({}, 400, "Missing required field: repository_name"),
        ({"branch_name": "main"}, 400, "Missing required field: repository_name"),
        ({"repository_name": "", "branch_name": "main"}, 400, "Missing required field: repository_name"),
        ({"repository_name": "acme/errors"}, 400, "Missing required field: branch_name"),
        ({"repository_name": "acme/errors", "branch_name": ""}, 400, "Missing required field: branch_name"),
        (VALID | {"scan_mode": "deep"}, 400, 'Invalid field: scan_mode (expected "fast" or "plus")'),
        (VALID | {"scan_mode": 3}, 400, 'Invalid field: scan_mode (expected "fast" or "plus")'),
        (VALID | {"repository_name": "acme"}, 400, 'Invalid field: repository_name (expected "owner/repo")'),
        (
            VALID | {"repository_name": "../etc/passwd"},
            400,
            'Invalid field: repository_name (expected "owner/repo")',
        ),
        (
            VALID | {"repository_name": "acme/../x"},
            400,
            'Invalid field: repository_name (expected "owner/repo")',
        ),
        (
            VALID | {"repository_name": "ac me/x"},
            400,
            'Invalid field: repository_name (expected "owner/repo")',
        ),
        (
            VALID | {"repository_name": "acme/x\n"},
            400,
            'Invalid field: repository_name (expected "owner/repo")',
        ),
        (VALID | {"repository_name": 42}, 400, "Invalid field: repository_name (expected a string)"),
        (
            VALID | {"branch_name": "-upload-pack=evil"},
            400,
            "Invalid field: branch_name (not a valid git branch name)",
        ),
        (VALID | {"branch_name": "a..b"}, 400, "Invalid field: branch_name (not a valid git branch name)"),
        (VALID | {"branch_name": "a b"}, 400, "Invalid field: branch_name (not a valid git branch name)"),
        (
            VALID | {"branch_name": "main.lock"},
            400,
            "Invalid field: branch_name (not a valid git branch name)",
        ),
        (
            VALID | {"provider": "svn"},
            400,
            "Invalid field: provider (expected one of: bitbucket, gitea, github, gitlab, local)",
        ),
        (VALID | {"repository_name": "acme/missing"}, 404, "Repository not found or access denied."),
        (VALID | {"branch_name": "no-such-branch"}, 404, "Repository not found or access denied."),
    ],
)
def test_post_scan_errors(ridgeline: RidgelineServer, scan_key: str, published: str, body: object,
                          status: int, error: str) -> None:  # fmt: skip
    raw = b"not json{" if body is None else None
    response = post(ridgeline, body, scan_key, raw=raw)
    assert response.status_code == status
    assert response.json() == {"error": error}
    assert response.headers["x-request-id"]


def test_unknown_fields_are_ignored(ridgeline: RidgelineServer, scan_key: str, published: str) -> None:
    response = post(ridgeline, VALID | {"colour": "blue"}, scan_key)
    assert response.status_code == 200
    assert response.json()["success"] is True


def test_missing_key(ridgeline: RidgelineServer) -> None:
    for response in (post(ridgeline, VALID), get(ridgeline, {"scan_id": UNKNOWN_SCAN}, None)):
        assert response.status_code == 401
        assert response.json() == {"error": "Missing API key."}


@pytest.mark.parametrize("key", ["rdgl_nope", "x" * 43, "rdgl_" + "A" * 38, ""])
def test_invalid_key(ridgeline: RidgelineServer, key: str) -> None:
    response = post(ridgeline, VALID, key)
    assert response.status_code == 401
    expected = "Missing API key." if key == "" else "Invalid or inactive API key."
    assert response.json() == {"error": expected}


def test_read_key_cannot_scan_but_can_read(ridgeline: RidgelineServer, read_key: str) -> None:
    response = post(ridgeline, VALID, read_key)
    assert response.status_code == 403
    assert response.json() == {"error": "API key does not have scan scope."}
    # scope is checked before the body
    assert post(ridgeline, None, read_key, raw=b"{").status_code == 403
    assert get(ridgeline, {"scan_id": UNKNOWN_SCAN}, read_key).status_code == 404


def test_get_errors(ridgeline: RidgelineServer, scan_key: str) -> None:
    response = get(ridgeline, {}, scan_key)
    assert (response.status_code, response.json()) == (400, {"error": "Missing required parameter: scan_id"})
    for scan_id in (UNKNOWN_SCAN, "not-a-uuid", "../../etc/passwd"):
        response = get(ridgeline, {"scan_id": scan_id}, scan_key)
        assert (response.status_code, response.json()) == (404, {"error": "Scan not found."})
    response = get(ridgeline, {"scan_id": UNKNOWN_SCAN, "format": "pdf"}, scan_key)
    assert response.status_code == 400
    assert response.json() == {"error": 'Invalid parameter: format (expected "json", "md" or "sarif")'}


def test_other_accounts_scan_is_not_found(ridgeline: RidgelineServer, scan_key: str, other_key: str,
                                          published: str) -> None:  # fmt: skip
    scan_id = post(ridgeline, VALID, scan_key).json()["scan_id"]
    mine = get(ridgeline, {"scan_id": scan_id}, scan_key)
    assert mine.status_code == 200 and mine.json()["scan_id"] == scan_id
    theirs = get(ridgeline, {"scan_id": scan_id}, other_key)
    assert (theirs.status_code, theirs.json()) == (404, {"error": "Scan not found."})


def test_double_slash_paths_answer_without_redirect(ridgeline: RidgelineServer, scan_key: str,
                                                    published: str) -> None:  # fmt: skip
    response = post(ridgeline, VALID, scan_key, path="/api//static/scan")
    assert response.status_code == 200
    scan_id = response.json()["scan_id"]
    response = get(ridgeline, {"scan_id": scan_id}, scan_key, path="/api//static/scan")
    assert response.status_code == 200
    assert response.json()["status"] in ("queued", "processing", "completed")


def test_unfinished_status_shape(ridgeline: RidgelineServer, scan_key: str, published: str) -> None:
    scan_id = post(ridgeline, VALID | {"scan_mode": "plus"}, scan_key).json()["scan_id"]
    body = get(ridgeline, {"scan_id": scan_id}, scan_key).json()
    assert body["scan_mode"] == "plus"
    assert body["repository_name"] == "acme/errors"
    assert body["branch_name"] == "main"
    assert body["status"] in ("queued", "processing", "completed")


def test_health_endpoints(ridgeline: RidgelineServer) -> None:
    assert httpx.get(f"{ridgeline.url}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{ridgeline.url}/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ok"}
    assert "/api/static/scan" in httpx.get(f"{ridgeline.url}/openapi.json").json()["paths"]


def test_hostile_bodies_and_paths(ridgeline: RidgelineServer, scan_key: str) -> None:
    deep = b'{"a":' * 5000 + b"1" + b"}" * 5000
    response = post(ridgeline, None, scan_key, raw=deep)
    assert (response.status_code, response.json()) == (400, {"error": "Request body must be a JSON object."})
    assert response.headers["x-ratelimit-limit"]
    big = post(ridgeline, None, scan_key, raw=b'{"x": "' + b"a" * (2 << 20) + b'"}')
    assert (big.status_code, big.json()) == (
        413,
        {"error": "Request body is too large (the limit is 1 MiB)."},
    )
    for path in ("/api/static/nope", "/api/static/usage/", "/API/static/usage"):
        response = httpx.get(f"{ridgeline.url}{path}", headers={"x-api-key": scan_key})
        assert (response.status_code, response.json()) == (404, {"error": "Not found."}), path
    response = httpx.delete(f"{ridgeline.url}/api/static/scan", headers={"x-api-key": scan_key})
    assert (response.status_code, response.json()) == (405, {"error": "Method not allowed."})
    assert response.headers["allow"] == "GET, POST"


@pytest.mark.parametrize(
    "scan_id",
    ["{00000000-0000-4000-8000-000000000000}", "urn:uuid:00000000-0000-4000-8000-000000000000",
     "00000000000040008000000000000000"],
)  # fmt: skip
def test_only_canonical_scan_ids(ridgeline: RidgelineServer, scan_key: str, scan_id: str) -> None:
    response = get(ridgeline, {"scan_id": scan_id}, scan_key)
    assert (response.status_code, response.json()) == (404, {"error": "Scan not found."})


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("branch_name", "HEAD", "Invalid field: branch_name (not a valid git branch name)"),
        ("repository_name", "acme/errors.git.git", 'Invalid field: repository_name (expected "owner/repo")'),
    ],
)
def test_more_malformed_values(
    ridgeline: RidgelineServer, scan_key: str, field: str, value: str, error: str
) -> None:
    response = post(ridgeline, VALID | {field: value}, scan_key)
    assert (response.status_code, response.json()) == (400, {"error": error})


def test_docs_work_offline(ridgeline: RidgelineServer) -> None:
    page = httpx.get(f"{ridgeline.url}/docs")
    assert page.status_code == 200
    assert "cdn." not in page.text and "/docs-assets/swagger-ui-bundle.js" in page.text
    asset = httpx.get(f"{ridgeline.url}/docs-assets/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.content) > 100_000
