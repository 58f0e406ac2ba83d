"""Datasets and versions in the metadata database."""

from __future__ import annotations

import uuid
from dataclasses import asdict, replace
from datetime import datetime

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError as SqlIntegrityError
from sqlmodel import Session

from vault.adapters.tables import DatasetRow, DatasetVersionRow, as_utc
from vault.domain.ids import new_dataset_id
from vault.errors import Conflict
from vault.ports import DatasetInfo, VersionInfo

__all__ = ["SqlDatasetCatalog"]

_COMMITTED = "committed"


def _dataset(row: DatasetRow) -> DatasetInfo:
    return DatasetInfo(
        id=row.id,
        tenant=row.tenant,
        name=row.name,
        created_by=row.created_by,
        created_at=as_utc(row.created_at),
        latest_version=row.latest_version,
    )


def _version(row: DatasetVersionRow) -> VersionInfo:
    return VersionInfo(
        dataset_id=row.dataset_id,
        tenant=row.tenant,
        number=row.number,
        state=row.state,
        object_key=row.object_key,
        format=row.format,
        policy=row.policy,
        detector_version=row.detector_version,
        uploaded_by=row.uploaded_by,
        created_at=as_utc(row.created_at),
        object_version_id=row.object_version_id,
        size=row.size,
        sha256=row.sha256,
        columns=row.columns,
        report=row.report,
        kms_key_id=row.kms_key_id,
        header=row.sealed_header,
        parent_version=row.parent_version,
        idempotency_key=row.idempotency_key,
    )


class SqlDatasetCatalog:
    """Implements the DatasetCatalog port."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create_dataset(self, *, tenant: str, name: str, created_by: str) -> DatasetInfo:
        row = DatasetRow(
            id=new_dataset_id(uuid.uuid4().hex), tenant=tenant, name=name, created_by=created_by
        )
        with Session(self._engine) as session:
            session.add(row)
            session.commit()
            session.refresh(row)
            return _dataset(row)

    def get_dataset(self, tenant: str, dataset_id: str) -> DatasetInfo | None:
        with Session(self._engine) as session:
            row = session.get(DatasetRow, dataset_id)
            # Another tenant's dataset is indistinguishable from a missing one.
            return _dataset(row) if row is not None and row.tenant == tenant else None

    def list_datasets(self, tenant: str) -> list[DatasetInfo]:
        query = select(DatasetRow).where(DatasetRow.tenant == tenant)  # type: ignore[arg-type]
        query = query.order_by(DatasetRow.created_at)  # type: ignore[arg-type]
        with Session(self._engine) as session:
            return [_dataset(r) for r in session.scalars(query)]

    def delete_dataset_if_empty(self, tenant: str, dataset_id: str) -> None:
        """Remove a dataset whose first upload failed, so a failed create leaves nothing."""
        with Session(self._engine) as session:
            row = session.get(DatasetRow, dataset_id)
            has_versions = session.scalar(
                select(func.count()).where(DatasetVersionRow.dataset_id == dataset_id)  # type: ignore[arg-type]
            )
            if row is not None and row.tenant == tenant and not has_versions:
                session.delete(row)
                session.commit()

    def reserve_version(self, pending: VersionInfo) -> VersionInfo:
        for _ in range(5):  # a concurrent upload may take the same number: try the next one
            with Session(self._engine) as session:
                highest = session.scalar(
                    select(func.max(DatasetVersionRow.number)).where(
                        DatasetVersionRow.dataset_id == pending.dataset_id  # type: ignore[arg-type]
                    )
                )
                number = (highest or 0) + 1
                fields = asdict(replace(pending, number=number))
                fields["sealed_header"] = fields.pop("header")
                session.add(DatasetVersionRow(**fields))
                try:
                    session.commit()
                except SqlIntegrityError as exc:
                    session.rollback()
                    if pending.idempotency_key and self.find_by_idempotency_key(
                        pending.tenant, pending.idempotency_key
                    ):
                        raise Conflict(
                            "an upload with this Idempotency-Key is already in progress",
                            code="idempotency_conflict",
                        ) from exc
                    continue
                return replace(pending, number=number)
        raise Conflict("could not allocate a version number; retry the upload")

    def commit_version(self, version: VersionInfo) -> VersionInfo:
        """Make a pending version visible; Conflict if it is no longer pending (swept)."""
        with self._engine.begin() as connection:
            committed = connection.execute(
                update(DatasetVersionRow)
                .where(
                    DatasetVersionRow.dataset_id == version.dataset_id,  # type: ignore[arg-type]
                    DatasetVersionRow.number == version.number,  # type: ignore[arg-type]
                    DatasetVersionRow.state == "pending",  # type: ignore[arg-type]
                )
                .values(
                    state=_COMMITTED,
                    object_key=version.object_key,
                    object_version_id=version.object_version_id,
                    size=version.size,
                    sha256=version.sha256,
                    columns=version.columns,
                    report=version.report,
                    kms_key_id=version.kms_key_id,
                    sealed_header=version.header,
                )
            )
            if committed.rowcount != 1:
                raise Conflict(
                    "the upload took too long and was swept as unfinished; upload it again",
                    code="upload_swept",
                )
            connection.execute(
                update(DatasetRow)
                .where(DatasetRow.id == version.dataset_id)  # type: ignore[arg-type]
                .values(
                    latest_version=func.max(DatasetRow.latest_version, version.number)
                    if self._engine.dialect.name == "sqlite"
                    else func.greatest(DatasetRow.latest_version, version.number)
                )
            )
        return replace(version, state=_COMMITTED)

    def discard_version(self, dataset_id: str, number: int) -> None:
        with Session(self._engine) as session:
            row = session.scalar(
                select(DatasetVersionRow).where(
                    DatasetVersionRow.dataset_id == dataset_id,  # type: ignore[arg-type]
                    DatasetVersionRow.number == number,  # type: ignore[arg-type]
                )
            )
            if row is not None and row.state != _COMMITTED:
                session.delete(row)
                session.commit()

    def get_version(self, tenant: str, dataset_id: str, number: int) -> VersionInfo | None:
        query = select(DatasetVersionRow).where(
            DatasetVersionRow.dataset_id == dataset_id,  # type: ignore[arg-type]
            DatasetVersionRow.tenant == tenant,  # type: ignore[arg-type]
            DatasetVersionRow.number == number,  # type: ignore[arg-type]
            DatasetVersionRow.state == _COMMITTED,  # type: ignore[arg-type]
        )
        with Session(self._engine) as session:
            row = session.scalar(query)
            return _version(row) if row is not None else None

    def list_versions(self, tenant: str, dataset_id: str) -> list[VersionInfo]:
        query = (
            select(DatasetVersionRow)
            .where(
                DatasetVersionRow.dataset_id == dataset_id,  # type: ignore[arg-type]
                DatasetVersionRow.tenant == tenant,  # type: ignore[arg-type]
                DatasetVersionRow.state == _COMMITTED,  # type: ignore[arg-type]
            )
            .order_by(DatasetVersionRow.number)  # type: ignore[arg-type]
        )
        with Session(self._engine) as session:
            return [_version(r) for r in session.scalars(query)]

    def find_by_idempotency_key(self, tenant: str, key: str) -> VersionInfo | None:
        query = select(DatasetVersionRow).where(
            DatasetVersionRow.tenant == tenant,  # type: ignore[arg-type]
            DatasetVersionRow.idempotency_key == key,  # type: ignore[arg-type]
        )
        with Session(self._engine) as session:
            row = session.scalar(query)
            return _version(row) if row is not None else None

    def stale_pending(self, *, older_than: datetime) -> list[VersionInfo]:
        query = select(DatasetVersionRow).where(
            DatasetVersionRow.state != _COMMITTED,  # type: ignore[arg-type]
            DatasetVersionRow.created_at < older_than,  # type: ignore[arg-type]
        )
        with Session(self._engine) as session:
            return [_version(r) for r in session.scalars(query)]

    def headers_not_under(self, key_id: str) -> list[VersionInfo]:
        query = select(DatasetVersionRow).where(
            DatasetVersionRow.state == _COMMITTED,  # type: ignore[arg-type]
            DatasetVersionRow.sealed_header.is_not(None),  # type: ignore[union-attr]
            DatasetVersionRow.kms_key_id != key_id,  # type: ignore[arg-type]
        )
        with Session(self._engine) as session:
            return [_version(r) for r in session.scalars(query)]

    def replace_header(self, version: VersionInfo, *, header: bytes, key_id: str) -> None:
        with self._engine.begin() as connection:
            connection.execute(
                update(DatasetVersionRow)
                .where(
                    DatasetVersionRow.dataset_id == version.dataset_id,  # type: ignore[arg-type]
                    DatasetVersionRow.number == version.number,  # type: ignore[arg-type]
                )
                .values(sealed_header=header, kms_key_id=key_id)
            )

    def forget_headers(self, tenant: str, dataset_id: str | None = None) -> int:
        statement = update(DatasetVersionRow).where(DatasetVersionRow.tenant == tenant)  # type: ignore[arg-type]
        if dataset_id is not None:
            statement = statement.where(DatasetVersionRow.dataset_id == dataset_id)  # type: ignore[arg-type]
        with self._engine.begin() as connection:
            return connection.execute(
                statement.values(sealed_header=None, kms_key_id="shredded")
            ).rowcount
