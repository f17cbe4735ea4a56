"""A loopback stand-in for OSV (exports bucket and API) serving records from the shared bundle."""

from __future__ import annotations

import io
import json
import threading
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

from ridgeline.domain.packages import normalise_name


@dataclass
class OsvData:
    records: dict[str, dict] = field(default_factory=dict)
    by_package: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    exports: dict[str, bytes] = field(default_factory=dict)
    etags: dict[str, str] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    fail_next: int = 0
    last_modified_only: bool = False
    page_size: int = 3

    def add_folder(self, folder: Path, ecosystem: str) -> None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for file in sorted(folder.glob("*.json")):
                data = json.loads(file.read_text())
                self.records[data["id"]] = data
                for affected in data.get("affected", []):
                    key = (
                        affected["package"]["ecosystem"],
                        normalise_name(ecosystem, affected["package"]["name"]),
                    )
                    self.by_package[key].append(data["id"])
                archive.writestr(file.name, file.read_bytes())
        self.set_export(ecosystem, buffer.getvalue())

    def set_export(self, ecosystem: str, payload: bytes) -> None:
        self.exports[ecosystem] = payload
        self.etags[ecosystem] = f'"{len(self.etags)}-{len(payload)}-{hash(payload) & 0xFFFF}"'


def _handler(data: OsvData) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _failing(self) -> bool:
            data.requests.append(f"{self.command} {self.path}")
            if data.fail_next > 0:
                data.fail_next -= 1
                self._send(503, b"busy")
                return True
            return False

        def do_GET(self) -> None:
            if self._failing():
                return
            path = unquote(self.path)
            if path.startswith("/v1/vulns/"):
                record = data.records.get(path.removeprefix("/v1/vulns/"))
                if record is None:
                    self._send(404, b"{}")
                else:
                    self._send(200, json.dumps(record).encode(), {"Content-Type": "application/json"})
                return
            ecosystem = path.strip("/").removesuffix("/all.zip")
            if path.endswith("/all.zip") and ecosystem in data.exports:
                etag = data.etags[ecosystem]
                stamp = f"Mon, 01 Jan 2024 00:00:{len(data.exports[ecosystem]) % 60:02d} GMT"
                if data.last_modified_only:
                    if self.headers.get("If-Modified-Since") == stamp:
                        self._send(304)
                    else:
                        self._send(200, data.exports[ecosystem], {"Last-Modified": stamp})
                elif self.headers.get("If-None-Match") == etag:
                    self._send(304)
                else:
                    headers = {"ETag": etag, "Content-Type": "application/zip"}
                    self._send(200, data.exports[ecosystem], headers)
                return
            self._send(404)

        def do_POST(self) -> None:
            if self._failing():
                return
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if self.path == "/v1/query":
                self._send(
                    200, json.dumps(_single_query(data, body)).encode(), {"Content-Type": "application/json"}
                )
                return
            if self.path != "/v1/querybatch":
                self._send(404)
                return
            results = []
            for query in body["queries"]:
                package = query["package"]
                key = (package["ecosystem"], normalise_name(package["ecosystem"], package["name"]))
                ids = sorted(set(data.by_package.get(key, [])))
                start = int(query.get("page_token", "0"))
                page = ids[start : start + data.page_size]
                result: dict[str, object] = {}
                if page:
                    result["vulns"] = [
                        {"id": i, "modified": data.records[i].get("modified", "")} for i in page
                    ]
                if start + data.page_size < len(ids):
                    result["next_page_token"] = str(start + data.page_size)
                results.append(result)
            self._send(200, json.dumps({"results": results}).encode(), {"Content-Type": "application/json"})

    return Handler


def _single_query(data: OsvData, body: dict) -> dict:
    """``POST /v1/query``: full records affecting one package version (as OSV answers pip-audit)."""
    from ridgeline.domain.packages import Package
    from ridgeline.vulndb.base import affecting
    from ridgeline.vulndb.records import advisory_from_osv

    ecosystem, name = body["package"]["ecosystem"], body["package"]["name"]
    ids = sorted(set(data.by_package.get((ecosystem, normalise_name(ecosystem, name)), [])))
    package = Package(ecosystem, name, body.get("version", ""))
    matched = {a.id for a in affecting(package, [advisory_from_osv(data.records[i]) for i in ids])}
    return {"vulns": [data.records[i] for i in ids if i in matched]} if matched else {}


@contextmanager
def serve(data: OsvData) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(data))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
