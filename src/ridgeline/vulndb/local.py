"""The local OSV mirror: one SQLite file in the data directory, indexed by ecosystem and name.

Scans must not need the network, so the default source is this mirror, filled by
``ridgeline advisories import PATH`` (a folder of OSV JSON or an OSV ``all.zip``) or
``ridgeline advisories sync`` (each ecosystem's ``all.zip``, downloaded only when it changed).
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ridgeline.domain.packages import Advisory, Package, normalise_name
from ridgeline.vulndb.base import affecting
from ridgeline.vulndb.records import MAX_RECORD_BYTES, MalformedAdvisory, advisory_from_json

DB_NAME = "advisories.db"
_MAX_ZIP_BYTES = 2 << 30
_QUERY_CHUNK = 400

_SCHEMA = """
CREATE TABLE IF NOT EXISTS advisories (
    id TEXT PRIMARY KEY,
    modified TEXT NOT NULL,
    withdrawn INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS affected (
    ecosystem TEXT NOT NULL,
    name TEXT NOT NULL,
    advisory_id TEXT NOT NULL,
    PRIMARY KEY (ecosystem, name, advisory_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS affected_by_advisory ON affected (advisory_id);
CREATE TABLE IF NOT EXISTS exports (
    ecosystem TEXT PRIMARY KEY,
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    synced_at TEXT NOT NULL
);
"""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one import did; rejected records are counted, never fatal."""

    imported: int = 0
    rejected: int = 0
    rejected_examples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EcosystemStatus:
    ecosystem: str
    advisories: int
    newest_modified: str


@dataclass(frozen=True, slots=True)
class MirrorStatus:
    path: Path
    advisories: int
    ecosystems: tuple[EcosystemStatus, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class SyncResult:
    ecosystem: str
    changed: bool
    imported: ImportResult = ImportResult()
    error: str = ""


class LocalMirror:
    """Reads and writes ``<data_dir>/advisories.db``; also a ``VulnerabilitySource``."""

    name = "local"

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DB_NAME
        self._cache: dict[str, Advisory] = {}

    # -- connection ---------------------------------------------------------------------------
    def _connect(self, *, create: bool) -> sqlite3.Connection:
        if create:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path)
            connection.executescript(_SCHEMA)
            connection.execute("PRAGMA journal_mode=WAL")
            return connection
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)

    # -- writing ------------------------------------------------------------------------------
    def import_path(self, path: Path) -> ImportResult:
        """Import a folder of OSV JSON files (searched recursively) or an OSV ``.zip`` export."""
        path = Path(path)
        if path.is_file() and path.suffix.lower() == ".zip":
            return self._import_records(_zip_records(path))
        if path.is_dir():
            return self._import_records(_folder_records(path))
        if path.is_file() and path.suffix.lower() == ".json":
            return self._import_records(iter([(path.name, path.read_bytes())]))
        raise FileNotFoundError(f"not a folder, .json or .zip of OSV records: {path}")

    def _import_records(
        self, records: Iterable[tuple[str, bytes]], *, replace_ecosystem: str | None = None
    ) -> ImportResult:
        imported = rejected = 0
        examples: list[str] = []
        connection = self._connect(create=True)
        try:
            with connection:
                if replace_ecosystem is not None:
                    connection.execute("DELETE FROM affected WHERE ecosystem = ?", (replace_ecosystem,))
                for label, raw in records:
                    try:
                        advisory = advisory_from_json(raw)
                    except MalformedAdvisory as exc:
                        rejected += 1
                        if len(examples) < 10:
                            examples.append(f"{label}: {exc}")
                        continue
                    self._store(connection, advisory, raw)
                    imported += 1
                connection.execute(
                    "DELETE FROM advisories WHERE id NOT IN (SELECT advisory_id FROM affected)"
                )
        finally:
            connection.close()
        self._cache.clear()
        return ImportResult(imported, rejected, tuple(examples))

    @staticmethod
    def _store(connection: sqlite3.Connection, advisory: Advisory, raw: bytes) -> None:
        compact = json.dumps(json.loads(raw), separators=(",", ":"), ensure_ascii=False)
        connection.execute("DELETE FROM affected WHERE advisory_id = ?", (advisory.id,))
        connection.execute(
            "INSERT OR REPLACE INTO advisories (id, modified, withdrawn, record) VALUES (?, ?, ?, ?)",
            (advisory.id, advisory.modified, int(advisory.is_withdrawn), compact),
        )
        connection.executemany(
            "INSERT OR IGNORE INTO affected (ecosystem, name, advisory_id) VALUES (?, ?, ?)",
            {(a.ecosystem, a.name, advisory.id) for a in advisory.affected},
        )

    def import_export(self, ecosystem: str, zip_path: Path) -> ImportResult:
        """Replace one ecosystem's records with those of its export (records gone upstream go too)."""
        return self._import_records(_zip_records(zip_path), replace_ecosystem=ecosystem)

    def export_state(self, ecosystem: str) -> tuple[str, str]:
        if not self.path.exists():
            return "", ""
        connection = self._connect(create=True)
        try:
            row = connection.execute(
                "SELECT etag, last_modified FROM exports WHERE ecosystem = ?", (ecosystem,)
            ).fetchone()
        finally:
            connection.close()
        return (row[0], row[1]) if row else ("", "")

    def record_export_state(self, ecosystem: str, etag: str, last_modified: str) -> None:
        connection = self._connect(create=True)
        try:
            with connection:
                connection.execute(
                    "INSERT OR REPLACE INTO exports (ecosystem, etag, last_modified, synced_at)"
                    " VALUES (?, ?, ?, ?)",
                    (ecosystem, etag, last_modified, datetime.now(UTC).isoformat()),
                )
        finally:
            connection.close()

    def sync(self, base_url: str, ecosystems: Iterable[str], **kwargs: object) -> list[SyncResult]:
        from ridgeline.vulndb.sync import sync_exports

        return sync_exports(self, base_url, list(ecosystems), **kwargs)  # type: ignore[arg-type]

    # -- reading ------------------------------------------------------------------------------
    def status(self) -> MirrorStatus:
        if not self.path.exists():
            return MirrorStatus(self.path, 0)
        connection = self._connect(create=False)
        try:
            total = connection.execute("SELECT COUNT(*) FROM advisories").fetchone()[0]
            rows = connection.execute(
                "SELECT f.ecosystem, COUNT(DISTINCT a.id), MAX(a.modified) FROM affected f"
                " JOIN advisories a ON a.id = f.advisory_id GROUP BY f.ecosystem ORDER BY f.ecosystem"
            ).fetchall()
        except sqlite3.DatabaseError:
            return MirrorStatus(self.path, 0)
        finally:
            connection.close()
        return MirrorStatus(self.path, total, tuple(EcosystemStatus(e, n, m or "") for e, n, m in rows))

    def available(self) -> str | None:
        if self.status().advisories == 0:
            return "no advisory data has been imported"  # no server path: reports reach users
        return None

    def candidates(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Advisory]]:
        """Every stored advisory naming each (ecosystem, normalised name), withdrawn included."""
        wanted = sorted(set(keys))
        found: dict[tuple[str, str], list[Advisory]] = {key: [] for key in wanted}
        if not wanted or not self.path.exists():
            return found
        connection = self._connect(create=False)
        try:
            pairs: list[tuple[str, str, str]] = []
            for start in range(0, len(wanted), _QUERY_CHUNK):
                chunk = wanted[start : start + _QUERY_CHUNK]
                clause = " OR ".join("(ecosystem = ? AND name = ?)" for _ in chunk)
                params = [value for key in chunk for value in key]
                pairs.extend(
                    connection.execute(
                        f"SELECT ecosystem, name, advisory_id FROM affected WHERE {clause}",  # noqa: S608
                        params,
                    )
                )
            missing = sorted({advisory_id for _, _, advisory_id in pairs} - set(self._cache))
            for start in range(0, len(missing), _QUERY_CHUNK):
                ids = missing[start : start + _QUERY_CHUNK]
                marks = ",".join("?" * len(ids))
                for advisory_id, record in connection.execute(
                    f"SELECT id, record FROM advisories WHERE id IN ({marks})",  # noqa: S608
                    ids,
                ):
                    self._cache[advisory_id] = advisory_from_json(record)
        finally:
            connection.close()
        for ecosystem, name, advisory_id in pairs:
            if advisory_id in self._cache:
                found[(ecosystem, name)].append(self._cache[advisory_id])
        return found

    def query(self, packages: list[Package]) -> dict[Package, list[Advisory]]:
        pinned = [p for p in packages if p.version]
        keyed = {p: (p.ecosystem, normalise_name(p.ecosystem, p.name)) for p in pinned}
        candidates = self.candidates(keyed.values())
        results: dict[Package, list[Advisory]] = {}
        for package, key in keyed.items():
            matched = affecting(package, candidates.get(key, ()))
            if matched:
                results[package] = matched
        return results


def _folder_records(folder: Path) -> Iterator[tuple[str, bytes]]:
    for file in sorted(folder.rglob("*.json")):
        if file.name in {"manifest.json"} or "schema" in file.relative_to(folder).parts:
            continue
        if not file.is_file() or file.is_symlink():
            continue
        if file.stat().st_size > MAX_RECORD_BYTES:
            yield str(file.relative_to(folder)), b"x" * (MAX_RECORD_BYTES + 1)
            continue
        yield str(file.relative_to(folder)), file.read_bytes()


def _zip_records(path: Path) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        total = 0
        for info in archive.infolist():
            if info.is_dir() or not info.filename.endswith(".json"):
                continue
            if info.file_size > MAX_RECORD_BYTES:
                yield info.filename, b"x" * (MAX_RECORD_BYTES + 1)
                continue
            total += info.file_size
            if total > _MAX_ZIP_BYTES:
                return
            with archive.open(info) as member:
                yield info.filename, member.read(MAX_RECORD_BYTES + 1)


def temporary_download(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=data_dir, prefix="osv-", suffix=".zip", delete=False)
    handle.close()
    return Path(handle.name)
