"""All SQL lives here. Repositories take a Session; callers own the transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from ridgeline.store.tables import (
    AccountRow,
    ApiKeyRow,
    CredentialRow,
    PlanRow,
    QuotaUsageRow,
    ScanRow,
    utcnow,
)


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, name: str, plan: str) -> AccountRow:
        row = AccountRow(name=name, plan=plan, created_at=utcnow())
        self.session.add(row)
        self.session.flush()
        return row

    def by_name(self, name: str) -> AccountRow | None:
        return self.session.scalar(select(AccountRow).where(AccountRow.name == name))

    def by_id(self, account_id: int) -> AccountRow | None:
        return self.session.get(AccountRow, account_id)

    def all(self) -> list[AccountRow]:
        return list(self.session.scalars(select(AccountRow).order_by(AccountRow.name)))


class ApiKeyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, account_id: int, key_hash: str, display_prefix: str, scope: str,
            expires_at: datetime | None) -> ApiKeyRow:  # fmt: skip
        row = ApiKeyRow(
            account_id=account_id,
            key_hash=key_hash,
            display_prefix=display_prefix,
            scope=scope,
            created_at=utcnow(),
            expires_at=expires_at,
        )
        self.session.add(row)
        self.session.flush()
        return row

    def by_hash(self, key_hash: str) -> ApiKeyRow | None:
        return self.session.scalar(select(ApiKeyRow).where(ApiKeyRow.key_hash == key_hash))

    def for_account(self, account_id: int | None) -> list[ApiKeyRow]:
        query = select(ApiKeyRow).order_by(ApiKeyRow.id)
        if account_id is not None:
            query = query.where(ApiKeyRow.account_id == account_id)
        return list(self.session.scalars(query))

    def by_id(self, key_id: int) -> ApiKeyRow | None:
        return self.session.get(ApiKeyRow, key_id)

    def by_prefix(self, prefix: str) -> list[ApiKeyRow]:
        return list(self.session.scalars(select(ApiKeyRow).where(ApiKeyRow.display_prefix == prefix)))

    def touch(self, key_id: int, when: datetime) -> None:
        self.session.execute(update(ApiKeyRow).where(ApiKeyRow.id == key_id).values(last_used_at=when))


class ScanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, row: ScanRow) -> ScanRow:
        self.session.add(row)
        self.session.flush()
        return row

    def get(self, scan_id: str) -> ScanRow | None:
        return self.session.get(ScanRow, scan_id)

    def get_for_account(self, scan_id: str, account_id: int) -> ScanRow | None:
        return self.session.scalar(
            select(ScanRow).where(ScanRow.id == scan_id, ScanRow.account_id == account_id)
        )

    def claim(self, scan_id: str, from_statuses: tuple[str, ...], when: datetime,
              max_processing_per_account: int | None = None) -> bool:  # fmt: skip
        """Atomically move a scan to processing; False if another worker has it, it finished, or its
        account already has ``max_processing_per_account`` scans processing (one statement: SQLite
        serialises it; on PostgreSQL two workers may briefly exceed the cap by one)."""
        statement = update(ScanRow).where(ScanRow.id == scan_id, ScanRow.status.in_(from_statuses))
        if max_processing_per_account is not None:
            other = aliased(ScanRow)
            processing = (
                select(func.count())
                .select_from(other)
                .where(other.account_id == ScanRow.account_id, other.status == "processing")
                .scalar_subquery()
            )
            statement = statement.where(processing < max_processing_per_account)
        result = self.session.execute(
            statement.values(status="processing", started_at=when, attempts=ScanRow.attempts + 1)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def page_for_account(self, account_id: int, limit: int, offset: int) -> list[ScanRow]:
        return list(
            self.session.scalars(
                select(ScanRow)
                .where(ScanRow.account_id == account_id)
                .order_by(ScanRow.created_at.desc(), ScanRow.id.desc())
                .limit(limit)
                .offset(offset)
            )
        )

    def count_for_account(self, account_id: int) -> int:
        return int(
            self.session.scalar(
                select(func.count()).select_from(ScanRow).where(ScanRow.account_id == account_id)
            )
            or 0
        )

    def unfinished_ids(self) -> list[str]:
        return list(
            self.session.scalars(
                select(ScanRow.id)
                .where(ScanRow.status.in_(("queued", "processing")))
                .order_by(ScanRow.created_at)
            )
        )


class PlanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> list[PlanRow]:
        return list(self.session.scalars(select(PlanRow).order_by(PlanRow.name)))

    def get(self, name: str) -> PlanRow | None:
        return self.session.get(PlanRow, name)

    def default(self) -> PlanRow | None:
        return self.session.scalar(select(PlanRow).where(PlanRow.is_default.is_(True)))

    def upsert(self, name: str, fast_limit: int | None, plus_limit: int | None) -> PlanRow:
        row = self.get(name)
        if row is None:
            row = PlanRow(name=name, fast_limit=fast_limit, plus_limit=plus_limit, is_default=False)
            self.session.add(row)
        else:
            row.fast_limit, row.plus_limit = fast_limit, plus_limit
        self.session.flush()
        return row

    def make_default(self, name: str) -> None:
        self.session.execute(update(PlanRow).values(is_default=PlanRow.name == name))


class QuotaRepository:
    """Usage counters. ``charge`` is one conditional UPDATE, so two concurrent requests at the
    edge of a limit cannot both pass (SQLite serialises writers; PostgreSQL locks the row)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def used(self, account_id: int, mode: str, period: str) -> int:
        value = self.session.scalar(
            select(QuotaUsageRow.used).where(
                QuotaUsageRow.account_id == account_id,
                QuotaUsageRow.scan_mode == mode,
                QuotaUsageRow.period == period,
            )
        )
        return int(value or 0)

    def _ensure_row(self, account_id: int, mode: str, period: str) -> None:
        values = {"account_id": account_id, "scan_mode": mode, "period": period, "used": 0}
        dialect = self.session.get_bind().dialect.name
        if dialect in ("sqlite", "postgresql"):
            insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
            self.session.execute(insert(QuotaUsageRow).values(**values).on_conflict_do_nothing())
            return
        if self.used(account_id, mode, period) == 0:
            try:
                with self.session.begin_nested():
                    self.session.add(QuotaUsageRow(**values))
            except IntegrityError:
                pass

    def charge(self, account_id: int, mode: str, period: str, limit: int | None) -> bool:
        self._ensure_row(account_id, mode, period)
        statement = update(QuotaUsageRow).where(
            QuotaUsageRow.account_id == account_id,
            QuotaUsageRow.scan_mode == mode,
            QuotaUsageRow.period == period,
        )
        if limit is not None:
            statement = statement.where(QuotaUsageRow.used < limit)
        result = self.session.execute(statement.values(used=QuotaUsageRow.used + 1))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def refund(self, account_id: int, mode: str, period: str) -> None:
        self.session.execute(
            update(QuotaUsageRow)
            .where(
                QuotaUsageRow.account_id == account_id,
                QuotaUsageRow.scan_mode == mode,
                QuotaUsageRow.period == period,
                QuotaUsageRow.used > 0,
            )
            .values(used=QuotaUsageRow.used - 1)
        )


class CredentialRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, account_id: int, provider: str) -> CredentialRow | None:
        return self.session.scalar(
            select(CredentialRow).where(
                CredentialRow.account_id == account_id, CredentialRow.provider == provider
            )
        )

    def put(self, account_id: int, provider: str, ciphertext: str) -> None:
        row = self.get(account_id, provider)
        if row is None:
            self.session.add(
                CredentialRow(
                    account_id=account_id, provider=provider, ciphertext=ciphertext, created_at=utcnow()
                )
            )
        else:
            row.ciphertext, row.created_at = ciphertext, utcnow()
        self.session.flush()

    def delete(self, account_id: int, provider: str) -> bool:
        row = self.get(account_id, provider)
        if row is None:
            return False
        self.session.delete(row)
        return True
