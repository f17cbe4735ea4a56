"""Maven ``pom.xml``: declared dependencies with literal versions or ``${property}`` defined in the
same file. Versions from parents, BOMs or ranges cannot be known without resolving and are reported
unpinned; ``test`` and ``provided`` scopes count as dev."""

from __future__ import annotations

import re
from typing import Any

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.analyzers.deps.extractors.parsing import LineIndex, parse_xml
from ridgeline.domain.packages import MAVEN, Package

_PROPERTY = re.compile(r"\$\{([^}]+)\}")
_DEV_SCOPES = {"test", "provided"}


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(element: Any, name: str) -> Any:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def _text(element: Any, name: str) -> str:
    child = _child(element, name)
    return (child.text or "").strip() if child is not None else ""


class PomXmlExtractor:
    name = "pom.xml"
    ecosystem = MAVEN

    def matches(self, path: str) -> bool:
        return basename(path) == "pom.xml"

    def extract(self, text: str, path: str) -> list[Package]:
        root = parse_xml(text)
        if _local(root.tag) != "project":
            raise UnparsableLockfile("root element is not <project>")
        properties: dict[str, str] = {}
        props = _child(root, "properties")
        if props is not None:
            for prop in props:
                properties[_local(prop.tag)] = (prop.text or "").strip()
        for key in ("version", "groupId", "artifactId"):
            value = _text(root, key) or (
                _text(_child(root, "parent"), key) if _child(root, "parent") is not None else ""
            )
            if value:
                properties.setdefault(f"project.{key}", value)
                properties.setdefault(f"pom.{key}", value)
        lines = LineIndex(text)
        cursor = 0
        packages = []
        for container in (root, _child(root, "dependencyManagement")):
            deps = _child(container, "dependencies") if container is not None else None
            if deps is None:
                continue
            for dep in deps:
                if _local(dep.tag) != "dependency":
                    continue
                group = self._resolve(_text(dep, "groupId"), properties)
                artifact = self._resolve(_text(dep, "artifactId"), properties)
                if not group or not artifact:
                    continue
                version = self._resolve(_text(dep, "version"), properties)
                if "${" in version or version[:1] in ("[", "("):
                    version = ""
                offset = lines.offset(f"<artifactId>{_text(dep, 'artifactId')}</artifactId>", cursor)
                line = lines.line_at(offset) if offset >= 0 else 0
                cursor = offset + 1 if offset >= 0 else cursor
                dev = _text(dep, "scope") in _DEV_SCOPES
                packages.append(Package(MAVEN, f"{group}:{artifact}", version, dev, path, line))
        return packages

    @staticmethod
    def _resolve(value: str, properties: dict[str, str]) -> str:
        for _ in range(10):
            replaced = _PROPERTY.sub(lambda m: properties.get(m.group(1), m.group(0)), value)
            if replaced == value:
                break
            value = replaced
        return value
