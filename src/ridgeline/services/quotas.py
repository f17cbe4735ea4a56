"""Plans and per-mode quotas over monthly UTC billing periods.

A unit is charged when a scan is accepted (in the same transaction that stores it) and given back
when the scan fails through a fault of ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from ridgeline.domain.errors import QuotaExceeded
from ridgeline.domain.scan import ScanMode
from ridgeline.store.repositories import AccountRepository, PlanRepository, QuotaRepository
from ridgeline.store.tables import PlanRow, ScanRow


@dataclass(frozen=True, slots=True)
class Limits:
    fast: int | None
    plus: int | None

    def of(self, mode: ScanMode) -> int | None:
        return self.fast if mode is ScanMode.FAST else self.plus


def period_of(now: datetime) -> str:
    return f"{now.year:04d}-{now.month:02d}"


def reset_date(now: datetime) -> datetime:
    if now.month == 12:
        return datetime(now.year + 1, 1, 1, tzinfo=UTC)
    return datetime(now.year, now.month + 1, 1, tzinfo=UTC)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def limits_for(session: Session, account_id: int) -> Limits:
    """The account's plan, else the default plan, else unlimited."""
    account = AccountRepository(session).by_id(account_id)
    plans = PlanRepository(session)
    plan: PlanRow | None = plans.get(account.plan) if account is not None else None
    plan = plan or plans.default()
    if plan is None:
        return Limits(None, None)
    return Limits(plan.fast_limit, plan.plus_limit)


def _exceeded(mode: ScanMode, used: int, limit: int) -> QuotaExceeded:
    return QuotaExceeded(
        f"You have reached your {mode.value.capitalize()} scan limit for this billing period.",
        scan_mode=mode.value,
        used=used,
        limit=limit,
    )


def check_quota(session: Session, account_id: int, mode: ScanMode, now: datetime | None = None) -> None:
    """Check 4 of API.md, before the (slow) repository check. Charging re-checks atomically."""
    limit = limits_for(session, account_id).of(mode)
    if limit is None:
        return
    used = QuotaRepository(session).used(account_id, mode.value, period_of(now or _utc_now()))
    if used >= limit:
        raise _exceeded(mode, used, limit)


def charge_quota(session: Session, account_id: int, mode: ScanMode, now: datetime | None = None) -> str:
    """Use one unit of the mode's quota or raise QuotaExceeded; returns the period charged."""
    period = period_of(now or _utc_now())
    limit = limits_for(session, account_id).of(mode)
    if not QuotaRepository(session).charge(account_id, mode.value, period, limit):
        assert limit is not None
        raise _exceeded(mode, QuotaRepository(session).used(account_id, mode.value, period), limit)
    return period


def refund_scan(session: Session, scan: ScanRow) -> None:
    """Give the scan's unit back (once): the scan failed through a fault of ours."""
    if scan.quota_charged and scan.quota_period:
        QuotaRepository(session).refund(scan.account_id, scan.scan_mode, scan.quota_period)
        scan.quota_charged = False


def _pool(used: int, limit: int | None) -> dict[str, Any]:
    return {"used": used, "limit": limit, "remaining": None if limit is None else max(0, limit - used)}


def _zulu(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def usage(session: Session, account_id: int, now: datetime | None = None) -> dict[str, Any]:
    """The body of GET /api/static/usage (new per-mode keys plus the older fast-pool keys)."""
    now = now or _utc_now()
    period = period_of(now)
    limits = limits_for(session, account_id)
    quotas = QuotaRepository(session)
    fast = _pool(quotas.used(account_id, "fast", period), limits.fast)
    plus = _pool(quotas.used(account_id, "plus", period), limits.plus)
    reset = _zulu(reset_date(now))
    return {
        "quota": {
            "fast": fast,
            "plus": plus,
            "quota_reset_date": reset,
            "can_scan": fast["remaining"] is None or fast["remaining"] > 0,
            "remaining_scans": fast["remaining"],
            "scans_limit": fast["limit"],
            "period": "monthly",
            "reset_date": reset,
        }
    }
