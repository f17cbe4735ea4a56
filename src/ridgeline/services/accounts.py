"""Accounts: the tenants that own keys and scans."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from ridgeline.domain.errors import InvalidRequest
from ridgeline.store.repositories import AccountRepository
from ridgeline.store.tables import AccountRow

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


def create_account(session: Session, name: str, plan: str = "default") -> AccountRow:
    if not _NAME.fullmatch(name):
        raise InvalidRequest("Account names are 1-100 letters, digits, '.', '_' or '-'.")
    repo = AccountRepository(session)
    if repo.by_name(name) is not None:
        raise InvalidRequest(f"An account named {name!r} already exists.")
    return repo.add(name, plan)
