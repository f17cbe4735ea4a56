"""Alembic environment: runs against the engine handed over by ridgeline.store.migrate."""

from alembic import context

from ridgeline.store.tables import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
