"""Accounts: the tenants that own keys and scans."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from ridgeline.domain.errors import InvalidRequest
from ridgeline.services.plans import default_plan_name
from ridgeline.store.repositories import AccountRepository, PlanRepository
from ridgeline.store.tables import AccountRow

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


def create_account(session: Session, name: str, plan: str | None = None) -> AccountRow:
    """Create an account on ``plan``, or on the operator's default plan."""
    if not _NAME.fullmatch(name):
        raise InvalidRequest("Account names are 1-100 letters, digits, '.', '_' or '-'.")
    repo = AccountRepository(session)
    if repo.by_name(name) is not None:
        raise InvalidRequest(f"An account named {name!r} already exists.")
    if plan is None:
        plan = default_plan_name(session)
    elif PlanRepository(session).get(plan) is None:
        raise InvalidRequest(f"No plan named {plan!r} (see `ridgeline admin plan list`).")
    return repo.add(name, plan)
