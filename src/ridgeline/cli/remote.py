"""Client commands: ``run``/``scan``, ``get`` and ``usage`` against a Ridgeline server (CLI.md §1).

Results go to stdout (or ``--out``); the scan id, progress and hints go to stderr, which ``--quiet``
silences except for errors. Exit codes: 0 success, 1 error / failed scan / ``--fail-on`` hit,
2 scan not found, 3 quota exhausted, 4 forbidden, 5 plus scan not confirmed.

Polling starts at 2 s and backs off to 10 s. ``RIDGELINE_POLL_INTERVAL`` (seconds) replaces the
2 s start for tests only; the 10 s cap and the retry back-offs scale with it (5× the start).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer

from ridgeline.cli.client import ApiError, RidgelineClient
from ridgeline.cli.repo_detection import DetectionError, resolve_target
from ridgeline.cli.user_config import (
    ConfigError,
    UserConfig,
    confirmation_given,
    load_user_config,
    resolve_api_key,
    resolve_api_url,
    resolve_github_token,
)

FORMATS = ("md", "json", "sarif")
MODES = ("fast", "plus")
SEVERITIES = ("critical", "high", "medium", "low")
IN_PROGRESS = ("pending", "queued", "processing")
EXIT_CONFIRMATION_REQUIRED = 5

ApiKeyOption = Annotated[
    str | None,
    typer.Option("--api-key", "-k", help="API key (else RIDGELINE_API_KEY, RAFTER_API_KEY, config file)."),
]
ApiUrlOption = Annotated[
    str | None, typer.Option("--api-url", help="Server URL (else RIDGELINE_API_URL, config file).")
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="md, json or sarif.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", help="Write results to this file.")]
FailOnOption = Annotated[
    str | None,
    typer.Option("--fail-on", help="Exit 1 when findings at or above: critical, high, medium or low."),
]


class Stop(Exception):
    """Ends a command with a message on stderr and an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


# --- pacing and progress -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pacing:
    start: float = 2.0
    maximum: float = 10.0
    consecutive_failures: int = 6  # transient failures in a row before giving up
    total_failures: int = 20  # over one wait, so an alternating 200/503 server cannot loop forever
    retry_after_cap: float = 60.0
    rate_limited_waits: int = 30

    @classmethod
    def from_env(cls) -> Pacing:
        raw = os.environ.get("RIDGELINE_POLL_INTERVAL")
        if not raw:
            return cls()
        try:
            start = float(raw)
        except ValueError:
            raise Stop("RIDGELINE_POLL_INTERVAL must be a number of seconds.", 1) from None
        if not 0 < start <= 60:
            raise Stop("RIDGELINE_POLL_INTERVAL must be between 0 and 60 seconds.", 1)
        return cls(start=start, maximum=start * 5)

    def poll_delays(self) -> Iterator[float]:
        delay = self.start
        while True:
            yield delay
            delay = min(delay * 1.5, self.maximum)

    def retry_delay(self, attempt: int) -> float:
        return float(min(self.start * 2 ** (attempt - 1), self.maximum))


class Progress:
    """Live status on a terminal (rich); one line per status change elsewhere."""

    def __init__(self, scan_id: str, quiet: bool) -> None:
        self.scan_id = scan_id
        self.quiet = quiet
        self.started = time.monotonic()
        self.last: tuple[str, str | None] | None = None
        self._status: Any = None
        self._console: Any = None
        if not quiet and sys.stderr.isatty():
            from rich.console import Console

            self._console = Console(stderr=True)
            self._status = self._console.status(f"Scan {scan_id}: submitted")
            self._status.start()

    @property
    def elapsed(self) -> int:
        return int(time.monotonic() - self.started)

    def update(self, result: dict[str, Any]) -> None:
        status = str(result.get("status"))
        analyzer = result.get("analyzer") or result.get("current_analyzer")
        analyzer = str(analyzer) if analyzer else None
        if self._status is None and not self.quiet and (status, analyzer) != self.last:
            suffix = f", analyzer {analyzer}" if analyzer else ""
            typer.echo(f"Status: {status} ({self.elapsed} s{suffix})", err=True)
        self.last = (status, analyzer)
        self._redraw()

    def _redraw(self) -> None:
        if self._status is None or self.last is None:
            return
        status, analyzer = self.last
        text = f"Scan {self.scan_id}: {status} · {self.elapsed} s"
        if analyzer:
            text += f" · {analyzer}"
        self._status.update(text)

    def sleep(self, seconds: float) -> None:
        """Sleep between polls; on a terminal the elapsed time keeps ticking meanwhile."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            time.sleep(min(remaining, 0.5) if self._status is not None else remaining)
            self._redraw()

    def note(self, message: str) -> None:
        if self.quiet:
            return
        if self._console is not None:
            self._console.print(message, markup=False, highlight=False)
        else:
            typer.echo(message, err=True)

    def close(self) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None


@contextmanager
def progress(scan_id: str, quiet: bool) -> Iterator[Progress]:
    shown = Progress(scan_id, quiet)
    try:
        yield shown
    finally:
        shown.close()


class _Budget:
    def __init__(self, pacing: Pacing) -> None:
        self.pacing = pacing
        self.consecutive = 0
        self.total = 0
        self.rate_limited = 0


def fetch_patiently(
    client: RidgelineClient,
    scan_id: str,
    fmt: str,
    pacing: Pacing,
    budget: _Budget,
    note: Callable[[str], None],
) -> dict[str, Any]:
    """One read of the scan, waiting out 429s and retrying transient failures with back-off."""
    while True:
        try:
            result = client.get_scan(scan_id, fmt)
        except ApiError as exc:
            if exc.status == 429:
                budget.rate_limited += 1
                if budget.rate_limited > pacing.rate_limited_waits:
                    raise Stop(f"still rate limited after {pacing.rate_limited_waits} waits.", 1) from None
                wait = min(exc.retry_after or pacing.maximum, pacing.retry_after_cap)
                note(f"Rate limited by the server; waiting {wait:g} s (Retry-After).")
                time.sleep(wait)
                continue
            if not exc.transient:
                raise
            detail = f"HTTP {exc.status}: {exc}"
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            detail = f"{type(exc).__name__} talking to {client.api_url}"
        else:
            budget.consecutive = 0
            budget.rate_limited = 0
            return result
        budget.consecutive += 1
        budget.total += 1
        if budget.consecutive >= pacing.consecutive_failures or budget.total >= pacing.total_failures:
            raise Stop(
                f"could not read scan {scan_id} after {budget.total} attempts (last: {detail}). "
                f"The scan may still be running; try again with: ridgeline get {scan_id}",
                1,
            )
        wait = pacing.retry_delay(budget.consecutive)
        note(f"Transient error ({detail}); retrying in {wait:g} s.")
        time.sleep(wait)


def _status_format(fmt: str) -> str:
    """SARIF has no status envelope: poll in JSON, then fetch the SARIF log once completed."""
    return "json" if fmt == "sarif" else fmt


def wait_for(
    client: RidgelineClient, scan_id: str, fmt: str, quiet: bool, pacing: Pacing
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Poll until the scan finishes; return (status envelope, body to write)."""
    budget = _Budget(pacing)
    delays = pacing.poll_delays()
    with progress(scan_id, quiet) as shown:
        while True:
            result = fetch_patiently(client, scan_id, _status_format(fmt), pacing, budget, shown.note)
            shown.update(result)
            status = result.get("status")
            if status not in IN_PROGRESS:
                break
            shown.sleep(next(delays))
        if status == "completed":
            shown.close()
            shown.note(f"Scan completed in {shown.elapsed} s.")
            if fmt == "sarif":
                return result, fetch_patiently(client, scan_id, "sarif", pacing, budget, shown.note)
    return result, result


# --- results -------------------------------------------------------------------------------------


def render(result: dict[str, Any], fmt: str) -> str:
    if fmt == "md" and isinstance(result.get("markdown"), str):
        return str(result["markdown"])
    return json.dumps(result, indent=2, ensure_ascii=False)


def emit(text: str, out: Path | None, quiet: bool) -> None:
    if not text.endswith("\n"):
        text += "\n"
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise Stop(f"cannot write {out}: {exc.strerror or exc}", 1) from None
    _say(f"Results written to {out}", quiet)


def findings_at_or_above(summary: Any, threshold: str) -> int:
    if not isinstance(summary, dict):
        return 0
    levels = SEVERITIES[: SEVERITIES.index(threshold) + 1]
    return sum(int(summary.get(level) or 0) for level in levels)


def finish(
    envelope: dict[str, Any], body: dict[str, Any], fmt: str, out: Path | None, quiet: bool,
    fail_on: str | None,
) -> None:  # fmt: skip
    status = envelope.get("status")
    if status == "failed":
        raise Stop(f"scan failed: {envelope.get('error') or 'no reason given'}", 1)
    if status != "completed":
        _say(f"Scan {envelope.get('scan_id')} is {status}.", quiet)
        emit(json.dumps(envelope, indent=2, ensure_ascii=False), out, quiet)
        return
    emit(render(body, fmt), out, quiet)
    if fail_on:
        count = findings_at_or_above(envelope.get("summary"), fail_on)
        if count:
            raise Stop(f"{count} finding(s) at or above {fail_on} (--fail-on {fail_on}).", 1)


# --- shared plumbing -----------------------------------------------------------------------------


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        typer.echo(message, err=True)


def _choice(value: str | None, allowed: tuple[str, ...], option: str) -> None:
    if value is not None and value not in allowed:
        raise Stop(f"{option} must be one of {', '.join(allowed)}.", 1)


def _config() -> UserConfig:
    try:
        return load_user_config()
    except ConfigError as exc:
        raise Stop(str(exc), 1) from None


def _client(api_url: str | None, api_key: str | None, config: UserConfig) -> RidgelineClient:
    key = resolve_api_key(api_key, config)
    if not key:
        raise Stop(
            "no API key: pass --api-key, set RIDGELINE_API_KEY, or run `ridgeline config set api_key -`.", 1
        )
    return RidgelineClient(resolve_api_url(api_url, config), key)


@contextmanager
def _command() -> Iterator[None]:
    """Translate every expected failure into its message and exit code."""
    try:
        yield
    except Stop as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(exc.code) from None
    except ApiError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except httpx.HTTPError as exc:
        typer.echo(f"Error: cannot reach the server: {type(exc).__name__}", err=True)
        raise typer.Exit(1) from None


def _confirm_plus(mode: str, yes: bool, config: UserConfig) -> None:
    """The user's own spending guard: checked before any network call."""
    if mode != "plus" or not config.plus_requires_approval or confirmation_given(yes):
        return
    if sys.stdin.isatty() and sys.stderr.isatty():
        if typer.confirm("Plus scans use the plus quota. Run a plus scan?", default=False, err=True):
            return
        raise Stop("plus scan not confirmed.", EXIT_CONFIRMATION_REQUIRED)
    raise Stop(
        "a plus scan needs confirmation (plus_requires_approval is set in "
        f"{config.path}): pass --yes or set RIDGELINE_CONFIRM=1.",
        EXIT_CONFIRMATION_REQUIRED,
    )


# --- commands ------------------------------------------------------------------------------------


def run_command(
    repo: Annotated[str | None, typer.Option("--repo", "-r", help="owner/repo (default: detected)")] = None,
    branch: Annotated[str | None, typer.Option("--branch", "-b", help="Branch (default: detected).")] = None,
    mode: Annotated[str, typer.Option("--mode", "-m", help="fast or plus.")] = "fast",
    fmt: FormatOption = "md",
    api_key: ApiKeyOption = None,
    github_token: Annotated[
        str | None,
        typer.Option(
            "--github-token",
            help="Token with read access (else RIDGELINE_GITHUB_TOKEN, RAFTER_GITHUB_TOKEN).",
        ),
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
    fail_on: FailOnOption = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Confirm a plus scan (else RIDGELINE_CONFIRM=1).")
    ] = False,
) -> None:
    """Trigger a scan on the server and (unless --skip-interactive) wait for its results."""
    with _command():
        _choice(fmt, FORMATS, "--format")
        _choice(mode, MODES, "--mode")
        _choice(fail_on, SEVERITIES, "--fail-on")
        pacing = Pacing.from_env()
        config = _config()
        _confirm_plus(mode, yes, config)
        try:
            target = resolve_target(repo, branch, provider, repo_url)
        except DetectionError as exc:
            raise Stop(f"cannot auto-detect the repository: {exc}.", 1) from None
        if target.detected:
            _say(f"Repo auto-detected: {target.repository} @ {target.branch}", quiet)
        payload: dict[str, Any] = {
            "repository_name": target.repository,
            "branch_name": target.branch,
            "scan_mode": mode,
        }
        token = resolve_github_token(github_token)
        if token:
            payload["github_token"] = token
        # github needs neither field (the legacy body); an explicit --provider is always sent.
        if target.provider and (provider or target.provider != "github"):
            payload["provider"] = target.provider
        if target.repo_url:
            payload["repo_url"] = target.repo_url
        with _client(api_url, api_key, config) as client:
            scan_id = client.trigger_scan(payload)
            _say(f"Scan id: {scan_id}", quiet)
            if skip_interactive:
                line = json.dumps({"scan_id": scan_id}) if fmt == "json" else scan_id
                sys.stdout.write(line + "\n")
                return
            envelope, body = wait_for(client, scan_id, fmt, quiet, pacing)
            finish(envelope, body, fmt, out, quiet, fail_on)


def get_command(
    scan_id: Annotated[str, typer.Argument(help="The scan id printed by `ridgeline run`.")],
    fmt: FormatOption = "md",
    api_key: ApiKeyOption = None,
    api_url: ApiUrlOption = None,
    interactive: Annotated[bool, typer.Option("--interactive", help="Wait until the scan finishes.")] = False,
    quiet: QuietOption = False,
    out: OutOption = None,
    fail_on: FailOnOption = None,
) -> None:
    """Fetch the status or results of a scan."""
    with _command():
        _choice(fmt, FORMATS, "--format")
        _choice(fail_on, SEVERITIES, "--fail-on")
        pacing = Pacing.from_env()
        config = _config()
        with _client(api_url, api_key, config) as client:
            if interactive:
                envelope, body = wait_for(client, scan_id, fmt, quiet, pacing)
            else:
                budget = _Budget(pacing)

                def note(message: str) -> None:
                    _say(message, quiet)

                envelope = body = fetch_patiently(client, scan_id, _status_format(fmt), pacing, budget, note)
                if fmt == "sarif" and envelope.get("status") == "completed":
                    body = fetch_patiently(client, scan_id, "sarif", pacing, budget, note)
            finish(envelope, body, fmt, out, quiet, fail_on)


def usage_command(api_key: ApiKeyOption = None, api_url: ApiUrlOption = None) -> None:
    """Print the quota of the key's account."""
    with _command():
        config = _config()
        with _client(api_url, api_key, config) as client:
            sys.stdout.write(json.dumps(client.usage(), indent=2) + "\n")
