"""All SQL lives here. Repositories take a Session; callers own the transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ridgeline.store.tables import AccountRow, ApiKeyRow, ScanRow, utcnow


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

    def claim(self, scan_id: str, from_statuses: tuple[str, ...], when: datetime) -> bool:
        """Atomically move a scan to processing; False if another worker has it or it finished."""
        result = self.session.execute(
            update(ScanRow)
            .where(ScanRow.id == scan_id, ScanRow.status.in_(from_statuses))
            .values(status="processing", started_at=when, attempts=ScanRow.attempts + 1)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def unfinished_ids(self) -> list[str]:
        return list(
            self.session.scalars(
                select(ScanRow.id)
                .where(ScanRow.status.in_(("queued", "processing")))
                .order_by(ScanRow.created_at)
            )
        )
