"""Git host credentials linked to accounts: used when a scan request carries no token.

Stored only encrypted (services/token_cipher.py); decrypted just before a remote look-up or clone.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ridgeline.domain.errors import InvalidRequest
from ridgeline.services.token_cipher import TokenCipher
from ridgeline.store.repositories import AccountRepository, CredentialRepository


def link_credential(
    session: Session, cipher: TokenCipher, account_name: str, provider: str, token: str
) -> None:
    account = AccountRepository(session).by_name(account_name)
    if account is None:
        raise InvalidRequest(f"No account named {account_name!r}.")
    token = token.strip()
    if not token or not token.isprintable() or " " in token:
        raise InvalidRequest("The token is empty or contains spaces or control characters.")
    CredentialRepository(session).put(account.id, provider, cipher.encrypt(token))


def unlink_credential(session: Session, account_name: str, provider: str) -> bool:
    account = AccountRepository(session).by_name(account_name)
    if account is None:
        raise InvalidRequest(f"No account named {account_name!r}.")
    return CredentialRepository(session).delete(account.id, provider)


def linked_token(session: Session, cipher: TokenCipher, account_id: int, provider: str) -> str | None:
    row = CredentialRepository(session).get(account_id, provider)
    return cipher.decrypt(row.ciphertext) if row is not None else None
