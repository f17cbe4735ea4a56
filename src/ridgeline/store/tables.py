"""Database tables. Rows are plain ORM objects; services see them only through repositories."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class AccountRow(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    plan: Mapped[str] = mapped_column(String(50), default="default")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiKeyRow(Base):
    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    display_prefix: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class ScanRow(Base):
    __tablename__ = "scans"
    __table_args__ = (Index("ix_scans_account_created", "account_id", "created_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    repository_name: Mapped[str] = mapped_column(String(201))
    branch_name: Mapped[str] = mapped_column(String(255))
    scan_mode: Mapped[str] = mapped_column(String(10))
    provider: Mapped[str] = mapped_column(String(50))
    repo_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    commit_sha: Mapped[str | None] = mapped_column(String(64), nullable=True)
    token_ciphertext: Mapped[str | None] = mapped_column(Text, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    report: Mapped[str | None] = mapped_column(Text, nullable=True)
    quota_period: Mapped[str | None] = mapped_column(String(20), nullable=True)
    quota_charged: Mapped[bool] = mapped_column(Boolean, default=False)


class PlanRow(Base):
    """Operator configuration: a plan's per-mode limits per period (None = unlimited)."""

    __tablename__ = "plans"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    fast_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    plus_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)


class QuotaUsageRow(Base):
    """Scans charged to an account in one mode and period; updated only by conditional UPDATEs."""

    __tablename__ = "quota_usage"
    __table_args__ = (UniqueConstraint("account_id", "scan_mode", "period", name="uq_quota_usage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    scan_mode: Mapped[str] = mapped_column(String(10))
    period: Mapped[str] = mapped_column(String(20))
    used: Mapped[int] = mapped_column(Integer, default=0)


class CredentialRow(Base):
    """A git host token linked to an account, encrypted with a key derived from the server secret."""

    __tablename__ = "credentials"
    __table_args__ = (UniqueConstraint("account_id", "provider", name="uq_credentials_account_provider"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    provider: Mapped[str] = mapped_column(String(50))
    ciphertext: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
