"""A git smart-HTTP server on loopback for tests: ``git http-backend`` behind a tiny CGI bridge.

Optionally requires a token (HTTP Basic password or Bearer), so private-repository access can be
tested; records every request's headers so tests can check what git sent.
"""

from __future__ import annotations

import base64
import gzip
import os
import subprocess
import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from tests.support.loopback import LoopbackHTTPServer


def _is_fetch(encoding: str, body: bytes) -> bool:
    """A pack request (protocol v2 ``command=fetch`` or v0 ``want``), not a ref listing."""
    if encoding == "gzip":
        body = gzip.decompress(body)
    return b"command=fetch" in body or body[4:9] == b"want "


class GitHttpServer(LoopbackHTTPServer):
    def __init__(self, root: Path, *, token: str | None = None, stall_fetch: bool = False) -> None:
        self.root = root
        self.token = token
        self.stall_fetch = stall_fetch
        self._stop = threading.Event()
        self.requests: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self._serve()

            def do_POST(self) -> None:
                self._serve()

            def _authorised(self) -> bool:
                if server.token is None:
                    return True
                header = self.headers.get("Authorization", "")
                if header.startswith("Bearer "):
                    return header[7:] == server.token
                if header.startswith("Basic "):
                    try:
                        _user, _, password = base64.b64decode(header[6:]).decode().partition(":")
                    except ValueError:
                        return False
                    return password == server.token
                return False

            def _serve(self) -> None:
                server.requests.append({k.lower(): v for k, v in self.headers.items()} | {"path": self.path})
                if not self._authorised():
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="git"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                path, _, query = self.path.partition("?")
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if server.stall_fetch and _is_fetch(self.headers.get("Content-Encoding", ""), body):
                    server._stop.wait(120)  # accept the fetch and never answer
                    return
                env = {
                    "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                    "GIT_PROJECT_ROOT": str(server.root),
                    "GIT_HTTP_EXPORT_ALL": "1",
                    "REQUEST_METHOD": self.command,
                    "PATH_INFO": path,
                    "QUERY_STRING": query,
                    "CONTENT_TYPE": self.headers.get("Content-Type", ""),
                    "CONTENT_LENGTH": str(len(body)),
                    "REMOTE_ADDR": "127.0.0.1",
                    "HTTP_CONTENT_ENCODING": self.headers.get("Content-Encoding", ""),
                    "HTTP_GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
                }
                result = subprocess.run(
                    ["git", "http-backend"], input=body, capture_output=True, env=env, check=False
                )
                head, _, payload = result.stdout.partition(b"\r\n\r\n")
                status = 200
                headers: list[tuple[str, str]] = []
                for line in head.decode("latin-1").split("\r\n"):
                    name, _, value = line.partition(":")
                    if name.lower() == "status":
                        status = int(value.strip().split()[0])
                    elif name:
                        headers.append((name, value.strip()))
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self._serve(Handler)

    def close(self) -> None:
        self._stop.set()
        super().close()
