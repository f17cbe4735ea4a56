"""Persistence: SQLAlchemy tables, the repositories that hold all SQL, and Alembic migrations."""
