"""job attempts and resume: an import job is started again after a restart from its S3 source

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 12:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("jobs", sa.Column("attempts", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("jobs", sa.Column("resume", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("jobs", "resume")
    op.drop_column("jobs", "attempts")
