"""Go ``go.mod``: ``require`` lines and blocks, ``replace`` directives (a module replaced by a local
directory is dropped; by another module, that module and version are reported). Versions are
reported without the ``v`` prefix, as OSV writes them; pseudo-versions are kept whole."""

from __future__ import annotations

import re

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename, dedupe
from ridgeline.domain.packages import GO, Package

_DIRECTIVE = re.compile(
    r"^(module|go|toolchain|require|replace|exclude|retract|godebug|tool|ignore)\b\s*(.*)$"
)


def _unquote(token: str) -> str:
    return token[1:-1] if len(token) >= 2 and token[0] == token[-1] and token[0] in '"`' else token


def _strip_v(version: str) -> str:
    return version[1:] if version.startswith("v") else version


class GoModExtractor:
    name = "go.mod"
    ecosystem = GO

    def matches(self, path: str) -> bool:
        return basename(path) == "go.mod"

    def extract(self, text: str, path: str) -> list[Package]:
        requires: list[tuple[str, str, int, bool]] = []
        replaces: list[tuple[str, str, str, str]] = []
        block: str | None = None
        saw_module = False
        for number, raw in enumerate(text.splitlines(), 1):
            comment_at = raw.find("//")
            comment = raw[comment_at + 2 :].strip() if comment_at >= 0 else ""
            line = (raw[:comment_at] if comment_at >= 0 else raw).strip()
            if not line:
                continue
            if block is not None:
                if line == ")":
                    block = None
                    continue
                self._statement(block, line, number, comment, requires, replaces)
                continue
            match = _DIRECTIVE.match(line)
            if match is None:
                raise UnparsableLockfile(f"unknown directive on line {number}")
            verb, rest = match.groups()
            if verb == "module":
                saw_module = True
            if rest == "(":
                block = verb
                continue
            self._statement(verb, rest, number, comment, requires, replaces)
        if block is not None:
            raise UnparsableLockfile("unterminated block")
        if text.strip() and not saw_module:
            raise UnparsableLockfile("no module directive")
        packages = []
        for module, version, number, _indirect in requires:
            target, target_version = module, version
            for old, old_version, new, new_version in replaces:
                if old == module and old_version in ("", version):
                    target, target_version = new, new_version
            if target.startswith((".", "/")) or not target_version:
                continue
            packages.append(Package(GO, target, _strip_v(target_version), False, path, number))
        return dedupe(packages)

    @staticmethod
    def _statement(
        verb: str,
        rest: str,
        number: int,
        comment: str,
        requires: list[tuple[str, str, int, bool]],
        replaces: list[tuple[str, str, str, str]],
    ) -> None:
        if verb == "require":
            tokens = rest.split()
            if len(tokens) != 2:
                raise UnparsableLockfile(f"bad require on line {number}")
            requires.append((_unquote(tokens[0]), tokens[1], number, comment == "indirect"))
        elif verb == "replace":
            left, arrow, right = rest.partition("=>")
            if not arrow:
                raise UnparsableLockfile(f"bad replace on line {number}")
            old = left.split()
            new = right.split()
            if not old or not new:
                raise UnparsableLockfile(f"bad replace on line {number}")
            replaces.append(
                (
                    _unquote(old[0]),
                    old[1] if len(old) > 1 else "",
                    _unquote(new[0]),
                    new[1] if len(new) > 1 else "",
                )
            )
