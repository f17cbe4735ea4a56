"""Entry point of the ``ridgeline`` command."""

from __future__ import annotations

import typer

from ridgeline import __version__
from ridgeline.cli import advisories, local, remote, server
from ridgeline.cli.user_config import config_app

app = typer.Typer(
    help="Ridgeline: code security scanning (SAST, secrets, dependencies). Client and server.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("run")(remote.run_command)
app.command("scan", help="Alias of `run`.")(remote.run_command)
app.command("get")(remote.get_command)
app.command("usage")(remote.usage_command)
app.command("check")(local.check_command)
app.command("secrets")(local.secrets_command)
app.add_typer(config_app, name="config")
app.command("serve")(server.serve_command)
app.add_typer(server.admin_app, name="admin")
app.add_typer(server.db_app, name="db")
app.add_typer(advisories.advisories_app, name="advisories")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ridgeline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Ridgeline command line."""


def run() -> None:
    app()
