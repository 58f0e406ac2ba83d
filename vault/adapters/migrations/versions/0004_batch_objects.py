"""batch_objects: Groq batch files and batches, the vault's ids mapped to the upstream's

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 22:10:00.000000
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batch_objects",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("tenant", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("upstream_id", sqlmodel.sql.sqltypes.AutoString(length=256), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("object_key", sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=True),
        sa.Column(
            "object_version_id", sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=True
        ),
        sa.Column("sealed_header", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("tenant", "kind", "upstream_id"),
    )
    op.create_index(op.f("ix_batch_objects_tenant"), "batch_objects", ["tenant"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_batch_objects_tenant"), table_name="batch_objects")
    op.drop_table("batch_objects")
