"""Plans, quota usage per account/mode/period, and the quota charge of each scan.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    plans = op.create_table(
        "plans",
        sa.Column("name", sa.String(50), primary_key=True),
        sa.Column("fast_limit", sa.Integer(), nullable=True),
        sa.Column("plus_limit", sa.Integer(), nullable=True),
        sa.Column("is_default", sa.Boolean(), nullable=False),
    )
    op.bulk_insert(plans, [{"name": "default", "fast_limit": 100, "plus_limit": 5, "is_default": True}])
    op.create_table(
        "quota_usage",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "account_id", sa.Integer(), sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("scan_mode", sa.String(10), nullable=False),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("used", sa.Integer(), nullable=False),
        sa.UniqueConstraint("account_id", "scan_mode", "period", name="uq_quota_usage"),
    )
    with op.batch_alter_table("scans") as batch:
        batch.add_column(sa.Column("quota_period", sa.String(20), nullable=True))
        batch.add_column(sa.Column("quota_charged", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("scans") as batch:
        batch.drop_column("quota_charged")
        batch.drop_column("quota_period")
    op.drop_table("quota_usage")
    op.drop_table("plans")
