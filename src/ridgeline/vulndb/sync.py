"""Download OSV's per-ecosystem ``all.zip`` exports into the local mirror — only when they changed.

A conditional GET (``If-None-Match`` / ``If-Modified-Since`` from the last successful sync) makes an
unchanged export cost one request and no import; a failed download leaves the mirror as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import httpx

from ridgeline.domain import packages as eco

if TYPE_CHECKING:
    from ridgeline.vulndb.local import LocalMirror, SyncResult

DEFAULT_ECOSYSTEMS = (
    eco.PYPI,
    eco.NPM,
    eco.GO,
    eco.CRATES_IO,
    eco.RUBYGEMS,
    eco.PACKAGIST,
    eco.MAVEN,
    eco.NUGET,
    eco.PUB,
    eco.HEX,
    eco.SWIFT,
)
MAX_EXPORT_BYTES = 1 << 30


def sync_exports(
    mirror: LocalMirror,
    base_url: str,
    ecosystems: list[str],
    *,
    client: httpx.Client | None = None,
    timeout: float = 300.0,
    max_bytes: int = MAX_EXPORT_BYTES,
) -> list[SyncResult]:
    from ridgeline.vulndb.local import SyncResult, temporary_download

    owned = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=True)
    results: list[SyncResult] = []
    try:
        for ecosystem in ecosystems or list(DEFAULT_ECOSYSTEMS):
            url = f"{base_url.rstrip('/')}/{quote(ecosystem, safe='')}/all.zip"
            etag, last_modified = mirror.export_state(ecosystem)
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            download = temporary_download(mirror.data_dir)
            try:
                status, new_etag, new_modified = _download(http, url, headers, download, max_bytes)
                if status == 304:
                    results.append(SyncResult(ecosystem, changed=False))
                    continue
                if status != 200:
                    results.append(SyncResult(ecosystem, changed=False, error=f"HTTP {status} from {url}"))
                    continue
                imported = mirror.import_export(ecosystem, download)
                mirror.record_export_state(ecosystem, new_etag, new_modified)
                results.append(SyncResult(ecosystem, changed=True, imported=imported))
            except (httpx.HTTPError, OSError, ValueError) as exc:
                results.append(SyncResult(ecosystem, changed=False, error=f"{type(exc).__name__}: {exc}"))
            finally:
                download.unlink(missing_ok=True)
    finally:
        if owned:
            http.close()
    return results


def _download(
    http: httpx.Client, url: str, headers: dict[str, str], target: Path, max_bytes: int
) -> tuple[int, str, str]:
    with http.stream("GET", url, headers=headers) as response:
        if response.status_code != 200:
            return response.status_code, "", ""
        written = 0
        with target.open("wb") as handle:
            for chunk in response.iter_bytes():
                written += len(chunk)
                if written > max_bytes:
                    raise ValueError(f"export larger than {max_bytes} bytes")
                handle.write(chunk)
        return 200, response.headers.get("etag", ""), response.headers.get("last-modified", "")
