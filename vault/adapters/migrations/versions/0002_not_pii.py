"""not_pii: texts a tenant said are not personal data, by keyed digest

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 20:30:00.000000
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "not_pii",
        sa.Column("tenant", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("value_digest", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("tenant", "value_digest"),
    )


def downgrade() -> None:
    op.drop_table("not_pii")
