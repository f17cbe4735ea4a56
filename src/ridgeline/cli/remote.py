"""Client commands: ``run``/``scan`` and ``get`` against a Ridgeline server (CLI.md section 1)."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer

from ridgeline.cli.client import DEFAULT_API_URL, ApiError, RidgelineClient

FORMATS = ("md", "json", "sarif")
_POLL_START = 2.0
_POLL_MAX = 10.0

ApiKeyOption = Annotated[
    str | None, typer.Option("--api-key", "-k", help="API key (else RIDGELINE_API_KEY, RAFTER_API_KEY).")
]
ApiUrlOption = Annotated[str | None, typer.Option("--api-url", help="Server URL (else RIDGELINE_API_URL).")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="md, json or sarif.")]
QuietOption = Annotated[bool, typer.Option("--quiet", help="Only errors on stderr.")]
OutOption = Annotated[Path | None, typer.Option("--out", help="Write results to this file.")]


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        typer.echo(message, err=True)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


def resolve_api_key(option: str | None) -> str:
    key = option or os.environ.get("RIDGELINE_API_KEY") or os.environ.get("RAFTER_API_KEY")
    if not key:
        raise _fail("no API key: pass --api-key or set RIDGELINE_API_KEY.", 1)
    return key


def resolve_api_url(option: str | None) -> str:
    return option or os.environ.get("RIDGELINE_API_URL") or DEFAULT_API_URL


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise _fail(f"--format must be one of {', '.join(FORMATS)}.", 1)
    return fmt


def write_result(result: dict[str, Any], fmt: str, out: Path | None) -> None:
    if fmt == "md" and "markdown" in result:
        text = result["markdown"]
    else:
        text = json.dumps(result, indent=2)
    if out is not None:
        out.write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")


def wait_for(client: RidgelineClient, scan_id: str, fmt: str, quiet: bool) -> dict[str, Any]:
    """Poll until the scan finishes: 2 s growing to 10 s, one stderr line per status change."""
    delay = _POLL_START
    last_status = None
    started = time.monotonic()
    while True:
        result = client.get_scan(scan_id, fmt if fmt != "sarif" else "json")
        status = result.get("status")
        if status != last_status:
            _say(f"Status: {status} ({int(time.monotonic() - started)} s)", quiet)
            last_status = status
        if status in ("completed", "failed"):
            if status == "completed" and fmt == "sarif":
                return client.get_scan(scan_id, "sarif")
            return result
        time.sleep(delay)
        delay = min(delay * 1.5, _POLL_MAX)


def _finish(result: dict[str, Any], fmt: str, out: Path | None) -> None:
    if result.get("status") == "failed":
        raise _fail(f"scan failed: {result.get('error', 'unknown reason')}", 1)
    write_result(result, fmt, out)


def run_command(
    repo: Annotated[str | None, typer.Option("--repo", "-r", help="owner/repo")] = None,
    branch: Annotated[str | None, typer.Option("--branch", "-b", help="Branch to scan.")] = None,
    mode: Annotated[str, typer.Option("--mode", "-m", help="fast or plus.")] = "fast",
    fmt: FormatOption = "md",
    api_key: ApiKeyOption = None,
    github_token: Annotated[
        str | None,
        typer.Option("--github-token", help="Token with read access (else RIDGELINE_GITHUB_TOKEN)."),
    ] = None,
    provider: Annotated[
        str | None, typer.Option("--provider", help="github, gitlab, gitea, bitbucket, local, …")
    ] = None,
    repo_url: Annotated[str | None, typer.Option("--repo-url", help="https://host/owner/repo")] = None,
    api_url: ApiUrlOption = None,
    skip_interactive: Annotated[
        bool, typer.Option("--skip-interactive", help="Trigger and print the scan id; do not wait.")
    ] = False,
    quiet: QuietOption = False,
    out: OutOption = None,
) -> None:
    """Trigger a scan on the server and (unless --skip-interactive) wait for its results."""
    fmt = _check_format(fmt)
    if not repo or not branch:
        raise _fail("--repo and --branch are required.", 1)
    payload: dict[str, Any] = {"repository_name": repo, "branch_name": branch, "scan_mode": mode}
    token = github_token or os.environ.get("RIDGELINE_GITHUB_TOKEN") or os.environ.get("RAFTER_GITHUB_TOKEN")
    if token:
        payload["github_token"] = token
    if provider:
        payload["provider"] = provider
    if repo_url:
        payload["repo_url"] = repo_url
    try:
        with RidgelineClient(resolve_api_url(api_url), resolve_api_key(api_key)) as client:
            scan_id = client.trigger_scan(payload)
            _say(f"Scan id: {scan_id}", quiet)
            if skip_interactive:
                if fmt == "json":
                    sys.stdout.write(json.dumps({"scan_id": scan_id}) + "\n")
                else:
                    sys.stdout.write(scan_id + "\n")
                return
            _finish(wait_for(client, scan_id, fmt, quiet), fmt, out)
    except ApiError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except httpx.HTTPError as exc:
        raise _fail(f"cannot reach the server: {type(exc).__name__}", 1) from None


def get_command(
    scan_id: Annotated[str, typer.Argument(help="The scan id printed by `ridgeline run`.")],
    fmt: FormatOption = "md",
    api_key: ApiKeyOption = None,
    api_url: ApiUrlOption = None,
    interactive: Annotated[bool, typer.Option("--interactive", help="Wait until the scan finishes.")] = False,
    quiet: QuietOption = False,
    out: OutOption = None,
) -> None:
    """Fetch the status or results of a scan."""
    fmt = _check_format(fmt)
    try:
        with RidgelineClient(resolve_api_url(api_url), resolve_api_key(api_key)) as client:
            if interactive:
                result = wait_for(client, scan_id, fmt, quiet)
            else:
                result = client.get_scan(scan_id, fmt)
            if result.get("status") in ("completed", "failed"):
                _finish(result, fmt, out)
            else:
                _say(f"Scan {scan_id} is {result.get('status')}.", quiet)
                write_result(result, "json", out)
    except ApiError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except httpx.HTTPError as exc:
        raise _fail(f"cannot reach the server: {type(exc).__name__}", 1) from None


def usage_command(api_key: ApiKeyOption = None, api_url: ApiUrlOption = None) -> None:
    """Print the quota of the key's account."""
    try:
        with RidgelineClient(resolve_api_url(api_url), resolve_api_key(api_key)) as client:
            sys.stdout.write(json.dumps(client.usage(), indent=2) + "\n")
    except ApiError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except httpx.HTTPError as exc:
        raise _fail(f"cannot reach the server: {type(exc).__name__}", 1) from None
