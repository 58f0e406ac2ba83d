"""The answered rows stored, sealed as they come, as the next version of the derived dataset."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

from vault.crypto import read_header, seal_stream
from vault.ports import VersionInfo
from vault.services.dataset_parquet import parquet_blocks
from vault.services.infer.plan import InferParts, Outcome, Plan, Row, counts, lineage
from vault.services.infer.template import csv_blocks, jsonl_blocks
from vault.services.ingest_dataset import dataset_context


def store_answers(
    vault: InferParts, plan: Plan, answered: Iterator[tuple[Row, str]], outcome: Outcome
) -> VersionInfo | None:
    """The rows done as the target's next version, sealed as they come; None (and nothing
    stored) if no row was done."""
    assert plan.target is not None
    parts = vault.dataset_parts()
    principal = plan.principal
    first = next(answered, None)
    if first is None:
        return None
    rows = _chain(first, answered)
    columns = _out_columns(plan)
    output = plan.options.output_column
    if plan.out_format == "parquet":
        assert plan.layout is not None
        body = parquet_blocks(plan.layout, rows, output)
    elif plan.out_format == "csv":
        body = csv_blocks(columns, rows, output)
    else:
        body = jsonl_blocks(rows, output)
    target = plan.target
    pending = parts.catalog.reserve_version(
        VersionInfo(
            dataset_id=target.id,
            tenant=principal.tenant,
            number=0,
            state="pending",
            object_key=f"{principal.tenant}/{target.id}/{uuid.uuid4().hex}",
            format=plan.out_format,
            policy=parts.anonymizer.policy.name,
            detector_version=parts.detector_version,
            uploaded_by=principal.key_id,
            created_at=datetime.now(UTC),
            parent_version=target.latest_version or None,
        )
    )
    stored = None
    digest = hashlib.sha256()
    size = 0

    def counted(chunks: Iterator[bytes]) -> Iterator[bytes]:
        nonlocal size
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
            yield chunk

    try:
        sealed = seal_stream(
            body,
            keys=parts.keys,
            context=dataset_context(principal.tenant, target.id, pending.number),
        )
        header = next(sealed)
        stored = parts.store.put(pending.object_key, counted(sealed))
        report = {
            "rows": outcome.rows,
            "columns": columns,
            "lineage": {
                **lineage(plan),
                **counts(outcome),
                "complete": outcome.stop is None,
            },
        }
        return parts.catalog.commit_version(
            replace(
                pending,
                object_version_id=stored.version_id,
                size=stored.size,
                sha256=digest.hexdigest(),
                columns=columns,
                report=report,
                kms_key_id=read_header(header).key_id,
                header=header,
            )
        )
    except BaseException:
        try:
            if stored is not None:
                parts.store.delete_version(pending.object_key, stored.version_id)
        finally:
            parts.catalog.discard_version(target.id, pending.number)
        raise


def _out_columns(plan: Plan) -> list[str] | None:
    if plan.out_format not in ("csv", "parquet") or plan.columns is None:
        return None
    return [*plan.columns, plan.options.output_column]


def _chain(first: tuple[Row, str], rest: Iterator[tuple[Row, str]]) -> Iterator[tuple[Row, str]]:
    yield first
    yield from rest
