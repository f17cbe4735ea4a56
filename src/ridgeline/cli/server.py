"""Server-side commands: ``serve``, ``db upgrade`` and ``admin``. Heavy imports stay inside them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from ridgeline.domain.errors import RidgelineError

T = TypeVar("T")

admin_app = typer.Typer(help="Accounts and API keys (server side).", no_args_is_help=True)
account_app = typer.Typer(help="Accounts.", no_args_is_help=True)
key_app = typer.Typer(help="API keys.", no_args_is_help=True)
credential_app = typer.Typer(help="Git host credentials linked to accounts.", no_args_is_help=True)
plan_app = typer.Typer(help="Plans: per-mode scan limits per monthly period.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
admin_app.add_typer(account_app, name="account")
admin_app.add_typer(key_app, name="key")
admin_app.add_typer(plan_app, name="plan")
admin_app.add_typer(credential_app, name="credential")


def _configure_logging(level: str) -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def _open():  # type: ignore[no-untyped-def]
    from ridgeline.api.runtime import open_store
    from ridgeline.config import load_settings, server_secret
    from ridgeline.store.migrate import upgrade

    settings = load_settings()
    secret = server_secret(settings)
    engine, sessions = open_store(settings)
    upgrade(engine)
    return settings, secret, sessions


def _guard(error: RidgelineError) -> typer.Exit:
    typer.echo(f"Error: {error.message}", err=True)
    return typer.Exit(error.exit_code if error.exit_code != 0 else 1)


def _transaction(work: Callable[[Any, bytes, Any], T]) -> T:
    """Run ``work(settings, server_secret, session)`` in one committed transaction; a
    RidgelineError becomes its message on stderr and its exit code."""
    try:
        settings, secret, sessions = _open()
        with sessions.begin() as session:
            return work(settings, secret, session)
    except RidgelineError as exc:
        raise _guard(exc) from None


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None, typer.Option(help="In-process scan workers (default RIDGELINE_WORKERS or 2).")
    ] = None,
) -> None:
    """Run the API and the in-process scan workers (SQLite in the data directory by default)."""
    import uvicorn

    from ridgeline.api.app import create_app
    from ridgeline.api.runtime import build_runtime
    from ridgeline.config import load_settings

    settings = load_settings()
    if workers is not None:
        settings.workers = workers
    _configure_logging(settings.log_level)
    try:
        runtime = build_runtime(settings)
    except RidgelineError as exc:
        raise _guard(exc) from None
    app = create_app(runtime)
    logging.getLogger("ridgeline").info("data directory: %s", settings.data_dir)
    # proxy_headers=False: uvicorn would otherwise trust X-Forwarded-For from 127.0.0.1; which
    # proxies are trusted is RIDGELINE_TRUSTED_PROXIES alone (api/rate_limit.py).
    uvicorn.run(
        app, host=host, port=port, log_level=settings.log_level.lower(), access_log=False, proxy_headers=False
    )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations."""
    try:
        _open()
    except RidgelineError as exc:
        raise _guard(exc) from None
    typer.echo("Database is up to date.")


@account_app.command("create")
def account_create(
    name: Annotated[str, typer.Argument(help="Account name.")],
    plan: Annotated[str | None, typer.Option(help="Plan name (default: the default plan).")] = None,
) -> None:
    """Create an account."""
    from ridgeline.services.accounts import create_account

    _transaction(lambda _settings, _secret, session: create_account(session, name, plan))
    typer.echo(f"Created account {name}.")


@key_app.command("create")
def key_create(
    account: Annotated[str, typer.Option("--account", help="Account that owns the key.")],
    scope: Annotated[str, typer.Option(help="scan (may trigger scans) or read.")] = "scan",
    expires: Annotated[int | None, typer.Option(help="Days until the key expires.")] = None,
) -> None:
    """Create an API key and print it once (only its HMAC is stored)."""
    from ridgeline.services.keys import SCOPES, create_key

    if scope not in SCOPES:
        typer.echo(f"Error: --scope must be one of {', '.join(SCOPES)}.", err=True)
        raise typer.Exit(1)
    if expires is not None and not 1 <= expires <= 36500:
        typer.echo(
            "Error: --expires is a number of days from 1 to 36500 (omit it for a key that does not expire).",
            err=True,
        )
        raise typer.Exit(1)
    key = _transaction(
        lambda _settings, secret, session: create_key(session, secret, account, scope, expires)
    )
    typer.echo(key)


def _when(value: object) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if hasattr(value, "strftime") else "-"


@key_app.command("list")
def key_list(
    account: Annotated[str | None, typer.Option("--account", help="Only this account's keys.")] = None,
) -> None:
    """List keys (id, prefix, scope, dates); the keys themselves are not stored."""
    from ridgeline.services.keys import list_keys

    rows = _transaction(lambda _settings, _secret, session: list_keys(session, account))
    typer.echo("id\taccount\tprefix\tscope\tcreated\texpires\trevoked\tlast used")
    for row in rows:
        typer.echo(
            f"{row['id']}\t{row['account']}\t{row['prefix']}…\t{row['scope']}\t{_when(row['created_at'])}\t"
            f"{_when(row['expires_at'])}\t{_when(row['revoked_at'])}\t{_when(row['last_used_at'])}"
        )


@key_app.command("revoke")
def key_revoke(
    key: Annotated[str, typer.Argument(help="Key id (from `key list`), its prefix, or the whole key.")],
) -> None:
    """Revoke a key; it answers 401 from then on."""
    from ridgeline.services.keys import revoke_key

    key_id = _transaction(lambda _settings, secret, session: revoke_key(session, secret, key))
    typer.echo(f"Revoked key {key_id}.")


@plan_app.command("list")
def plan_list() -> None:
    """List plans and their limits per monthly period."""
    from ridgeline.services.plans import list_plans

    _settings, _secret, sessions = _open()
    with sessions.begin() as session:
        rows = list_plans(session)
        typer.echo("plan\tfast\tplus\tdefault")
        for row in rows:
            fast = "unlimited" if row.fast_limit is None else row.fast_limit
            plus = "unlimited" if row.plus_limit is None else row.plus_limit
            typer.echo(f"{row.name}\t{fast}\t{plus}\t{'yes' if row.is_default else ''}")


@plan_app.command("set")
def plan_set(
    name: Annotated[str, typer.Argument(help="Plan name (created if new).")],
    fast: Annotated[str, typer.Option(help="Fast scans per period, or 'unlimited'.")],
    plus: Annotated[str, typer.Option(help="Plus scans per period, or 'unlimited'.")],
    default: Annotated[bool, typer.Option("--default", help="Make it the plan of new accounts.")] = False,
) -> None:
    """Create or change a plan."""
    from ridgeline.services.plans import parse_limit, set_plan

    _transaction(
        lambda _settings, _secret, session: set_plan(
            session, name, parse_limit(fast), parse_limit(plus), default
        )
    )
    typer.echo(f"Plan {name} saved.")


@credential_app.command("set")
def credential_set(
    account: Annotated[str, typer.Option("--account", help="Account the credential belongs to.")],
    provider: Annotated[
        str, typer.Option("--provider", help="github, gitlab, gitea, bitbucket or a configured one.")
    ],
    token_stdin: Annotated[
        bool, typer.Option("--token-stdin", help="Read the token from standard input.")
    ] = False,
) -> None:
    """Link a git host token to an account (stored encrypted; used when a request has no token)."""
    import sys

    from ridgeline.api.runtime import build_providers
    from ridgeline.services.credentials import link_credential
    from ridgeline.services.token_cipher import TokenCipher

    token = sys.stdin.readline() if token_stdin else typer.prompt("Token", hide_input=True)
    try:
        settings, secret, sessions = _open()
        build_providers(settings).get(provider)
        with sessions.begin() as session:
            link_credential(session, TokenCipher(secret), account, provider, token)
    except RidgelineError as exc:
        raise _guard(exc) from None
    typer.echo(f"Linked a {provider} credential to account {account}.")


@credential_app.command("unset")
def credential_unset(
    account: Annotated[str, typer.Option("--account", help="Account.")],
    provider: Annotated[str, typer.Option("--provider", help="Provider.")],
) -> None:
    """Remove an account's linked credential for a provider."""
    from ridgeline.services.credentials import unlink_credential

    removed = _transaction(lambda _settings, _secret, session: unlink_credential(session, account, provider))
    typer.echo("Removed." if removed else "There was no such credential.")
