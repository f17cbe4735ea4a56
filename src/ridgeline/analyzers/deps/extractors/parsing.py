"""Bounded parsers for hostile lockfiles: YAML without aliases, JSON with a depth limit, XML without
DTDs or entities, TOML with a size limit — and line lookups for reporting.

A 342-byte "billion laughs" YAML must cost nothing: aliases are refused at the event level, before
any node is composed, so nothing is ever expanded.
"""

from __future__ import annotations

import bisect
import json
import re
import tomllib
from typing import Any

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile

MAX_TEXT_CHARS = 64 << 20
MAX_JSON_DEPTH = 256
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
_PLAIN = re.compile(r'[^"/]+|/')
_TRAILING_COMMA = re.compile(r'"(?:[^"\\]|\\.)*"|,(\s*[}\]])', re.DOTALL)


def _check_size(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise UnparsableLockfile("file too large")


def json_depth(text: str) -> int:
    depth = deepest = 0
    for match in _BRACKETS.finditer(_JSON_STRING.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        else:
            depth -= 1
    return deepest


def load_json(text: str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    _check_size(text)
    if json_depth(text) > max_depth:
        raise UnparsableLockfile(f"JSON nested deeper than {max_depth}")
    try:
        return json.loads(text)
    except ValueError as exc:
        raise UnparsableLockfile(f"invalid JSON: {exc.args[0] if exc.args else exc}") from None


def load_toml(text: str) -> dict[str, Any]:
    _check_size(text)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UnparsableLockfile(f"invalid TOML: {exc}") from None


def load_yaml(text: str) -> Any:
    """Safe-load YAML after checking, event by event, that it uses no aliases."""
    import yaml

    _check_size(text)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                raise UnparsableLockfile("YAML aliases are not allowed in lockfiles")
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, aliases refused above
    except yaml.YAMLError as exc:
        raise UnparsableLockfile(f"invalid YAML: {str(exc).splitlines()[0]}") from None


def parse_xml(text: str) -> Any:
    """ElementTree root of ``text``; DTDs, entities and external references are refused."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    _check_size(text)
    try:
        return fromstring(text, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnparsableLockfile(f"refused XML: {type(exc).__name__}") from None
    except ParseError as exc:
        raise UnparsableLockfile(f"invalid XML: {exc}") from None


def strip_json_extras(text: str) -> str:
    """JSONC → JSON: drops // and /* */ comments and trailing commas (bun.lock), strings kept."""
    out: list[str] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char == '"':
            match = _JSON_STRING.match(text, index)
            end = match.end() if match else length
            out.append(text[index:end])
            index = end
        elif text.startswith("//", index):
            newline = text.find("\n", index)
            index = length if newline < 0 else newline
        elif text.startswith("/*", index):
            close = text.find("*/", index + 2)
            index = length if close < 0 else close + 2
        else:
            span = _PLAIN.match(text, index)
            chunk = span.group() if span else char
            out.append(chunk)
            index += len(chunk)
    return _TRAILING_COMMA.sub(lambda m: m.group(0) if m.group(1) is None else m.group(1), "".join(out))


class LineIndex:
    """Line numbers of offsets and of the first occurrence of a needle after a cursor."""

    __slots__ = ("_cursor", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._cursor = 0

    def seek(self, needle: str) -> None:
        """Move the cursor of ``find_next`` to the first occurrence of ``needle`` (if any)."""
        offset = self.text.find(needle)
        if offset >= 0:
            self._cursor = offset

    def find_next(self, needle: str) -> int:
        """Like ``find`` from where the previous ``find_next`` matched: lockfiles list entries in
        the order parsers return them, so a whole file costs one pass, not one pass per entry."""
        offset = self.text.find(needle, self._cursor)
        if offset < 0:
            offset = self.text.find(needle)
            if offset < 0:
                return 0
        self._cursor = offset + 1
        return self.line_at(offset)

    def line_at(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def find(self, needle: str, start: int = 0) -> int:
        """1-based line of ``needle`` at or after ``start``; 0 when absent."""
        offset = self.text.find(needle, start)
        return 0 if offset < 0 else self.line_at(offset)

    def offset(self, needle: str, start: int = 0) -> int:
        return self.text.find(needle, start)


def header_lines(text: str, header: str) -> list[int]:
    """1-based line of each ``[[header]]`` table's ``name = …`` key (else of the header), in order."""
    pattern = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(header)}[ \t]*\]\][ \t]*$", re.MULTILINE)
    name_key = re.compile(r"^[ \t]*name[ \t]*=", re.MULTILINE)
    index = LineIndex(text)
    starts = [m.start() for m in pattern.finditer(text)]
    lines = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(text)
        name = name_key.search(text, start, end)
        lines.append(index.line_at(name.start() if name else start))
    return lines


def toml_package_tables(text: str) -> list[tuple[dict[str, Any], int]]:
    """The ``[[package]]`` tables of a TOML lockfile (Cargo, Poetry, PDM, uv), each with its line.

    Every entry must be a table with a string ``name``; anything else makes the file unparsable.
    """
    data = load_toml(text)
    entries = data.get("package", [])
    if not isinstance(entries, list):
        raise UnparsableLockfile("package is not an array of tables")
    lines = header_lines(text, "package")
    tables: list[tuple[dict[str, Any], int]] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise UnparsableLockfile(f"package entry {index + 1} has no name")
        tables.append((entry, lines[index] if index < len(lines) else 0))
    return tables
