"""``ridgeline advisories``: fill and inspect the local OSV mirror that dependency checks read.

Server-side commands; the advisory code is imported inside each command so the client stays light.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

advisories_app = typer.Typer(help="The local vulnerability advisory database (OSV).", no_args_is_help=True)


def _mirror():  # type: ignore[no-untyped-def]
    from ridgeline.config import ensure_data_dir, load_settings
    from ridgeline.vulndb.local import LocalMirror

    settings = load_settings()
    return settings, LocalMirror(ensure_data_dir(settings))


@advisories_app.command("import")
def import_command(
    path: Annotated[Path, typer.Argument(help="A folder of OSV JSON records or an OSV all.zip.")],
) -> None:
    """Import OSV records from a folder or zip (offline installs)."""
    _, mirror = _mirror()
    try:
        result = mirror.import_path(path)
    except (FileNotFoundError, OSError) as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"Imported {result.imported} advisories into {mirror.path} ({result.rejected} rejected).")
    for example in result.rejected_examples:
        typer.echo(f"  rejected {example}", err=True)


@advisories_app.command("sync")
def sync_command(
    ecosystem: Annotated[
        list[str] | None,
        typer.Option("--ecosystem", "-e", help="OSV ecosystem to sync (repeatable); default: all supported."),
    ] = None,
) -> None:
    """Download each ecosystem's OSV all.zip (only when changed) into the local database."""
    from ridgeline.vulndb.sync import DEFAULT_ECOSYSTEMS

    settings, mirror = _mirror()
    results = mirror.sync(settings.osv_export_url, ecosystem or list(DEFAULT_ECOSYSTEMS))
    failed = False
    for result in results:
        if result.error:
            failed = True
            typer.echo(f"{result.ecosystem}: failed: {result.error}", err=True)
        elif result.changed:
            counts = result.imported
            typer.echo(f"{result.ecosystem}: imported {counts.imported} ({counts.rejected} rejected)")
        else:
            typer.echo(f"{result.ecosystem}: unchanged")
    if failed:
        raise typer.Exit(1)


@advisories_app.command("status")
def status_command() -> None:
    """What is loaded: ecosystems, counts, newest ``modified``."""
    _, mirror = _mirror()
    status = mirror.status()
    typer.echo(f"{status.path}: {status.advisories} advisories")
    if not status.advisories:
        typer.echo("No advisory data: run `ridgeline advisories import PATH` or `ridgeline advisories sync`.")
    for row in status.ecosystems:
        typer.echo(f"  {row.ecosystem:<12} {row.advisories:>7}  newest {row.newest_modified}")
