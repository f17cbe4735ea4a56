"""API keys: generation, the recognisable format, HMAC storage and verification.

A key looks like ``rdgl_`` + 32 random base62 characters + a 6-character base62 CRC32 checksum, so
secret scanners can recognise it (and reject typos offline). Only HMAC-SHA256(server secret, key)
is stored; lookup is by that hash, and the comparison after lookup is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from ridgeline.domain.errors import AuthenticationError, MissingApiKey, RidgelineError
from ridgeline.store.repositories import AccountRepository, ApiKeyRepository

KEY_PREFIX = "rdgl_"
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BODY = 32
_CHECK = 6
SCOPES = ("scan", "read")
_TOUCH_INTERVAL = timedelta(minutes=1)


def _base62(number: int, width: int) -> str:
    chars = []
    for _ in range(width):
        number, digit = divmod(number, 62)
        chars.append(_ALPHABET[digit])
    return "".join(reversed(chars))


def _checksum(body: str) -> str:
    return _base62(zlib.crc32(body.encode("ascii")), _CHECK)


def generate_key() -> str:
    body = "".join(secrets.choice(_ALPHABET) for _ in range(_BODY))
    return f"{KEY_PREFIX}{body}{_checksum(body)}"


def well_formed(key: str) -> bool:
    if not key.startswith(KEY_PREFIX) or len(key) != len(KEY_PREFIX) + _BODY + _CHECK:
        return False
    body = key[len(KEY_PREFIX) : len(KEY_PREFIX) + _BODY]
    if any(ch not in _ALPHABET for ch in body):
        return False
    return hmac.compare_digest(key[-_CHECK:], _checksum(body))


def hash_key(key: str, server_secret: bytes) -> str:
    return hmac.new(server_secret, key.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the key's account and scope."""

    account_id: int
    key_id: int
    scope: str

    def can_scan(self) -> bool:
        return self.scope == "scan"


class LookupFailed(RidgelineError):
    http_status = 404
    exit_code = 2


def create_key(session: Session, server_secret: bytes, account_name: str, scope: str,
               expires_in_days: int | None = None) -> str:  # fmt: skip
    """Create a key and return its plaintext, which exists only in this return value."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}")
    account = AccountRepository(session).by_name(account_name)
    if account is None:
        raise LookupFailed(f"No account named {account_name!r}.")
    key = generate_key()
    expires_at = datetime.now(UTC) + timedelta(days=expires_in_days) if expires_in_days else None
    ApiKeyRepository(session).add(account.id, hash_key(key, server_secret), key[:9], scope, expires_at)
    return key


def authenticate(session: Session, server_secret: bytes, key: str | None) -> Principal:
    if not key:
        raise MissingApiKey()
    if not well_formed(key):
        raise AuthenticationError()
    digest = hash_key(key, server_secret)
    row = ApiKeyRepository(session).by_hash(digest)
    if row is None or not hmac.compare_digest(row.key_hash, digest):
        raise AuthenticationError()
    now = datetime.now(UTC)
    if row.revoked_at is not None:
        raise AuthenticationError()
    if row.expires_at is not None and _aware(row.expires_at) <= now:
        raise AuthenticationError()
    last_used = _aware(row.last_used_at) if row.last_used_at is not None else None
    if last_used is None or now - last_used >= _TOUCH_INTERVAL:
        # At most one write a minute per key: clients poll, and every write takes SQLite's lock.
        ApiKeyRepository(session).touch(row.id, now)
    return Principal(account_id=row.account_id, key_id=row.id, scope=row.scope)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def list_keys(session: Session, account_name: str | None) -> list[dict[str, object]]:
    """Key metadata for operators; never the key itself (it is not stored)."""
    accounts = AccountRepository(session)
    account_id = None
    if account_name is not None:
        account = accounts.by_name(account_name)
        if account is None:
            raise LookupFailed(f"No account named {account_name!r}.")
        account_id = account.id
    names = {a.id: a.name for a in accounts.all()}
    return [
        {
            "id": row.id,
            "account": names.get(row.account_id, "?"),
            "prefix": row.display_prefix,
            "scope": row.scope,
            "created_at": row.created_at,
            "expires_at": row.expires_at,
            "revoked_at": row.revoked_at,
            "last_used_at": row.last_used_at,
        }
        for row in ApiKeyRepository(session).for_account(account_id)
    ]


def revoke_key(session: Session, server_secret: bytes, ident: str) -> int:
    """Revoke by key id, by the full key, or by its displayed prefix when that is unambiguous."""
    repo = ApiKeyRepository(session)
    if ident.isdigit():
        row = repo.by_id(int(ident))
    elif well_formed(ident):
        row = repo.by_hash(hash_key(ident, server_secret))
    else:
        matches = repo.by_prefix(ident)
        if len(matches) > 1:
            raise LookupFailed(
                "That prefix matches several keys; revoke by id (see `ridgeline admin key list`)."
            )
        row = matches[0] if matches else None
    if row is None:
        raise LookupFailed("No such key.")
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
    return row.id
