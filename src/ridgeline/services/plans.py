"""Plans: operator-configured per-mode limits; one of them is the default for new accounts."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from ridgeline.domain.errors import InvalidRequest
from ridgeline.store.repositories import PlanRepository
from ridgeline.store.tables import PlanRow

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,49}")


def parse_limit(value: str) -> int | None:
    """``unlimited`` (or ``null``/``none``) → None; otherwise a non-negative integer."""
    if value.strip().lower() in ("unlimited", "null", "none"):
        return None
    if not value.strip().isdigit():
        raise InvalidRequest(f"A limit is a non-negative integer or 'unlimited', not {value!r}.")
    return int(value)


def set_plan(session: Session, name: str, fast: int | None, plus: int | None, make_default: bool) -> PlanRow:
    if not _NAME.fullmatch(name):
        raise InvalidRequest("Plan names are 1-50 letters, digits, '.', '_' or '-'.")
    repo = PlanRepository(session)
    row = repo.upsert(name, fast, plus)
    if make_default:
        repo.make_default(name)
    return row


def list_plans(session: Session) -> list[PlanRow]:
    return PlanRepository(session).all()


def default_plan_name(session: Session) -> str:
    row = PlanRepository(session).default()
    return row.name if row is not None else "default"
