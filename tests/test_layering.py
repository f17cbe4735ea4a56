"""DESIGN.md's dependency direction, checked on the import statements of every module."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "ridgeline"

# package → ridgeline packages it must never import
FORBIDDEN = {
    "domain": {"workspace", "analyzers", "vulndb", "pipeline", "output", "wire", "store", "queue",
               "services", "api", "worker", "cli", "config"},
    "wire": {"store", "api", "services", "worker", "queue", "analyzers", "pipeline"},
    "output": {"store", "api", "services", "worker", "queue", "cli"},
    "analyzers": {"store", "api", "services", "worker", "queue", "cli"},
    "workspace": {"store", "api", "services", "worker", "queue", "cli", "analyzers", "pipeline"},
    "pipeline": {"store", "api", "services", "worker", "queue", "cli"},
    "store": {"api", "services", "worker", "cli", "analyzers", "pipeline"},
    "services": {"api", "cli", "worker"},
    "cli": {"store", "api", "services"},
}  # fmt: skip

# The server half of the CLI (serve/admin) composes the server; it may import lazily inside functions.
LAZY_ALLOWED = {"cli/server.py"}


def _imports(path: Path, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ridgeline."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("ridgeline."):
                    found.add(alias.name.split(".")[1])
    return found


def test_dependency_direction() -> None:
    violations = []
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).as_posix()
        package = relative.split("/")[0]
        if package not in FORBIDDEN:
            continue
        imported = _imports(path, top_level_only=relative in LAZY_ALLOWED)
        for bad in sorted(imported & FORBIDDEN[package]):
            violations.append(f"{relative} imports ridgeline.{bad}")
    assert not violations, "\n".join(violations)


def test_client_cli_stays_light() -> None:
    """`ridgeline run` must not pull in the server, the store or the analyzers."""
    import subprocess
    import sys

    code = (
        "import sys, ridgeline.cli.main\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'fastapi', 'uvicorn', 'alembic',"
        " 'hyperscan') or m.startswith(('ridgeline.store', 'ridgeline.api', 'ridgeline.analyzers'))]\n"
        "print(','.join(sorted(heavy)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
