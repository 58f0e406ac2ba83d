"""console: server-side browser sessions, and the audit indexes the console's filters use

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 23:10:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Each filter of the audit table is an equality on one column within a tenant, newest first:
# an index (tenant, column, seq) answers a page of it without reading the rest of the chain.
_AUDIT_FILTERS = ("actor", "action", "outcome", "object")


def upgrade() -> None:
    op.create_table(
        "console_sessions",
        # SHA-256 of the cookie's random id: a leaked table row cannot be replayed as a cookie.
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("roles", sa.String(length=256), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id_hash"),
    )
    op.create_index("ix_console_sessions_expires_at", "console_sessions", ["expires_at"])
    for column in _AUDIT_FILTERS:
        op.create_index(
            f"ix_audit_records_tenant_{column}_seq", "audit_records", ["tenant", column, "seq"]
        )


def downgrade() -> None:
    for column in _AUDIT_FILTERS:
        op.drop_index(f"ix_audit_records_tenant_{column}_seq", table_name="audit_records")
    op.drop_index("ix_console_sessions_expires_at", table_name="console_sessions")
    op.drop_table("console_sessions")
