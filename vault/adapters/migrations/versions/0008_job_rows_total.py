"""job rows_total: the rows a job will have done, where known (null until then)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 06:40:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("jobs", sa.Column("rows_total", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    op.drop_column("jobs", "rows_total")
