"""The OSV online API as an advisory source: ``POST /v1/querybatch`` for ids, then
``GET /v1/vulns/{id}`` for full records (cached by id and ``modified``), with batching and retries.

The server's own matching only narrows the candidates: the records go through the same matching
core as the local mirror, so both sources report the same findings for the same data.
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from ridgeline.domain.packages import Advisory, Package
from ridgeline.vulndb.base import affecting
from ridgeline.vulndb.records import MalformedAdvisory, advisory_from_osv

_RETRY_STATUS = {429, 500, 502, 503, 504}


class AdvisoryApiError(RuntimeError):
    """The OSV API could not be reached or kept failing after the retries."""


class OsvApiSource:
    name = "osv-api"

    def __init__(
        self,
        base_url: str = "https://api.osv.dev",
        *,
        cache_dir: Path | None = None,
        batch_size: int = 1000,
        retries: int = 3,
        backoff: float = 0.5,
        timeout: float = 30.0,
        concurrency: int = 8,
        client: httpx.Client | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.cache_dir = cache_dir
        self.batch_size = batch_size
        self.retries = retries
        self.backoff = backoff
        self.concurrency = max(1, concurrency)
        self._client = client or httpx.Client(timeout=timeout)
        self._records: dict[str, tuple[str, Advisory]] = {}
        self.requests = 0
        self._count_lock = threading.Lock()

    def available(self) -> str | None:
        return None

    # -- HTTP ----------------------------------------------------------------------------------
    def _request(self, method: str, path: str, body: Any = None) -> Any:
        url = f"{self.base_url}{path}"
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * (2 ** (attempt - 1)))
            with self._count_lock:
                self.requests += 1
            try:
                response = self._client.request(method, url, json=body)
            except httpx.HTTPError as exc:
                last = f"{type(exc).__name__}"
                continue
            if response.status_code in _RETRY_STATUS:
                last = f"HTTP {response.status_code}"
                continue
            if response.status_code != 200:
                raise AdvisoryApiError(f"OSV API answered HTTP {response.status_code} for {path}")
            try:
                return response.json()
            except ValueError:
                raise AdvisoryApiError(f"OSV API sent invalid JSON for {path}") from None
        raise AdvisoryApiError(f"OSV API unavailable after {self.retries + 1} attempts: {last}")

    # -- querying ------------------------------------------------------------------------------
    def _ids(self, queries: list[dict[str, Any]]) -> list[dict[str, str]]:
        """For each query, id → modified of every advisory the server names (all pages)."""
        found: list[dict[str, str]] = [{} for _ in queries]
        pending = list(range(len(queries)))
        tokens: dict[int, str] = {}
        while pending:
            batch, pending = pending[: self.batch_size], pending[self.batch_size :]
            body = {
                "queries": [
                    dict(queries[i], **({"page_token": tokens[i]} if i in tokens else {})) for i in batch
                ]
            }
            answer = self._request("POST", "/v1/querybatch", body)
            results = answer.get("results") if isinstance(answer, dict) else None
            if not isinstance(results, list) or len(results) != len(batch):
                raise AdvisoryApiError("OSV querybatch answer does not match the batch")
            for index, result in zip(batch, results, strict=True):
                for vuln in (result or {}).get("vulns") or ():
                    if isinstance(vuln, dict) and isinstance(vuln.get("id"), str):
                        found[index][vuln["id"]] = str(vuln.get("modified", ""))
                token = (result or {}).get("next_page_token")
                if token:
                    tokens[index] = token
                    pending.append(index)
        return found

    def _record(self, advisory_id: str, modified: str) -> Advisory | None:
        cached = self._records.get(advisory_id)
        if cached is not None and (not modified or cached[0] == modified):
            return cached[1]
        cache_file = self.cache_dir / f"{quote(advisory_id, safe='')}.json" if self.cache_dir else None
        data: Any = None
        if cache_file is not None and cache_file.is_file():
            try:
                data = json.loads(cache_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = None
            if isinstance(data, dict) and modified and data.get("modified") != modified:
                data = None
        if data is None:
            data = self._request("GET", f"/v1/vulns/{quote(advisory_id, safe='')}")
            if cache_file is not None:
                cache_file.parent.mkdir(parents=True, exist_ok=True)
                cache_file.write_text(json.dumps(data), encoding="utf-8")
        try:
            advisory = advisory_from_osv(data)
        except MalformedAdvisory:
            return None
        self._records[advisory_id] = (advisory.modified, advisory)
        return advisory

    def query(self, packages: list[Package]) -> dict[Package, list[Advisory]]:
        pinned = [p for p in packages if p.version]
        keys = sorted({(p.ecosystem, p.name, p.version) for p in pinned})
        queries = [{"package": {"ecosystem": e, "name": n}, "version": v} for e, n, v in keys]
        ids_per_key = dict(zip(keys, self._ids(queries), strict=True)) if queries else {}
        wanted: dict[str, str] = {}
        for ids in ids_per_key.values():
            wanted.update(ids)
        ordered = sorted(wanted)
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            fetched = dict(zip(ordered, pool.map(lambda i: self._record(i, wanted[i]), ordered), strict=True))
        results: dict[Package, list[Advisory]] = {}
        for package in pinned:
            ids = ids_per_key.get((package.ecosystem, package.name, package.version), {})
            records = [r for r in (fetched.get(i) for i in sorted(ids)) if r is not None]
            matched = affecting(package, records)
            if matched:
                results[package] = matched
        return results
