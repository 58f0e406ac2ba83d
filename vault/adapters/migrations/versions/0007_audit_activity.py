"""audit activity: the indexes that let the console chart a chain without reading its rows

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 23:35:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Times never go backwards along a chain, so a time window is one run of seqs: (tenant, at)
# finds its ends. The records that revealed something (a purpose stated, outcome ok) are few,
# and a partial index lists their seqs alone.
_REVEALED = sa.text("purpose IS NOT NULL AND outcome = 'ok'")


def upgrade() -> None:
    op.create_index("ix_audit_records_tenant_at", "audit_records", ["tenant", "at"])
    op.create_index(
        "ix_audit_records_tenant_revealed",
        "audit_records",
        ["tenant", "seq"],
        postgresql_where=_REVEALED,
        sqlite_where=_REVEALED,
    )


def downgrade() -> None:
    op.drop_index("ix_audit_records_tenant_revealed", table_name="audit_records")
    op.drop_index("ix_audit_records_tenant_at", table_name="audit_records")
