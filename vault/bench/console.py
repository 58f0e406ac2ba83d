"""Bench section `console`: every console page's server time over 100,000 audit records in
PostgreSQL, beside the raw export (GET /v1/audit/export) of the same records, same run.

The records are a realistic mix (actions, outcomes, purposes, 20 actors, dataset objects, a
month of times), chained and checkpointed as the log writes them, bulk-inserted for speed.
Each page is requested in-process (Starlette's TestClient, no network) with a signed-in
session; the figure is the median of several calls after a warm-up. Without PostgreSQL
(VAULT_BENCH_DATABASE_URL) the section runs on SQLite and says so in its metric names.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from vault.bench import Row, time_calls
from vault.domain.audit import GENESIS_HASH, AuditEvent, AuditRecord, checkpoint_message
from vault.domain.spans import Span

__all__ = ["run"]

SECTION = "console"
RECORDS = int(os.environ.get("VAULT_BENCH_CONSOLE_RECORDS", "100000"))
TENANT = "bench"
GOAL = "< 300 ms"
_ACTIONS = (
    ("proxy.request", 60),
    ("dataset.read", 10),
    ("dataset.list", 6),
    ("reidentify", 6),
    ("anonymize", 8),
    ("dataset.create", 3),
    ("dsr.find", 2),
    ("apikey.create", 1),
    ("auth.failure", 2),
    ("audit.export", 2),
)
_OUTCOMES = (("ok", 90), ("blocked", 3), ("denied", 5), ("error", 2))


class _NoDetector:
    """The console's pages detect nothing; the bench need not load spaCy."""

    version = "bench"

    def detect(self, text: str) -> list[Span]:
        return []


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _records(count: int, signer: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rng = random.Random(17)  # noqa: S311 - reproducible test data, not a secret
    actors = [f"key{n:09d}" for n in range(20)]
    datasets = [f"ds_{uuid.UUID(int=n).hex}" for n in range(1, 41)]
    start = datetime.now(UTC) - timedelta(days=30)
    step = timedelta(days=30) / count
    rows, checkpoints = [], []
    prev = GENESIS_HASH
    for seq in range(1, count + 1):
        action = _pick(rng, _ACTIONS)
        outcome = _pick(rng, _OUTCOMES)
        obj = rng.choice(datasets) + "/v1" if action.startswith("dataset.") else None
        purpose = rng.choice(("support", "inference")) if action == "reidentify" else None
        event = AuditEvent(
            tenant=TENANT,
            actor=rng.choice(actors),
            action=action,
            outcome=outcome,
            object=obj,
            purpose=purpose,
            source="127.0.0.1",
            request_id=f"req_{seq:026d}",
            details={"entities": rng.randint(0, 9), "model": "llama-3.1-8b-instant"},
        )
        record = AuditRecord.chain(event, seq=seq, at=start + step * seq, prev_hash=prev)
        prev = record.hash
        rows.append(
            {**event.as_dict(), "seq": seq, "at": record.at, "prev_hash": record.prev_hash,
             "hash": record.hash}
        )  # fmt: skip
        if seq % 100 == 0:
            signature = signer.sign(checkpoint_message(TENANT, seq, record.hash))
            checkpoints.append(
                {"tenant": TENANT, "seq": seq, "head_hash": record.hash,
                 "signature": signature.hex(), "at": record.at}
            )  # fmt: skip
    return rows, checkpoints


@contextmanager
def _database(tmp: Path) -> Iterator[tuple[str, str]]:
    """A fresh PostgreSQL schema (dropped afterwards), or a SQLite file where none answers."""
    from sqlalchemy import text

    from vault.adapters.database import create_db_engine

    base = os.environ.get(
        "VAULT_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_db_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception:  # no PostgreSQL here: measure on SQLite and say so
        admin.dispose()
        yield f"sqlite:///{tmp / 'bench.db'}", "SQLite"
        return
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}", "PostgreSQL"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _median_ms(fn: Any, repeat: int = 7) -> float:
    return statistics.median(time_calls(fn, repeat=repeat, warmup=2)) * 1000


def run() -> list[Row]:
    from fastapi.testclient import TestClient
    from sqlalchemy import insert

    from vault.adapters.database import create_db_engine
    from vault.adapters.tables import AuditCheckpointRow, AuditRecordRow
    from vault.api import create_app
    from vault.services.apikeys import create_api_key
    from vault.settings import Settings
    from vault.wiring import build_vault

    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        url, database = stack.enter_context(_database(tmp))
        settings = Settings(data_dir=tmp / "data", database_url=url, _env_file=None)
        engine = create_db_engine(url)
        vault = build_vault(settings, engine=engine, detector_override=_NoDetector())
        stack.callback(vault.close)
        print(f"bench: console writing {RECORDS:,} audit records", file=sys.stderr, flush=True)
        rows, checkpoints = _records(RECORDS, vault.audit_signer)
        with engine.begin() as connection:
            for start in range(0, len(rows), 5000):
                connection.execute(insert(AuditRecordRow.__table__), rows[start : start + 5000])  # type: ignore[attr-defined]
            if checkpoints:
                connection.execute(insert(AuditCheckpointRow.__table__), checkpoints)  # type: ignore[attr-defined]
        if engine.dialect.name == "postgresql":
            # What autovacuum does to a table that has taken many inserts: statistics, and the
            # visibility map that lets index-only scans skip the heap.
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("VACUUM ANALYZE audit_records")
        _, secret = create_api_key(
            vault.api_keys,
            tenant=TENANT,
            roles=["admin", "auditor", "uploader", "analyst", "reidentifier"],
        )
        client = stack.enter_context(TestClient(create_app(vault=vault)))
        sign_in = client.get("/console/sign-in")
        token = sign_in.text.split('name="pre_token" value="', 1)[1].split('"', 1)[0]
        signed = client.post(
            "/console/sign-in",
            data={"api_key": secret, "pre_token": token},
            follow_redirects=False,
        )
        assert signed.status_code == 303, signed.text

        def export() -> None:
            answer = client.get("/v1/audit/export", headers={"Authorization": f"Bearer {secret}"})
            assert answer.status_code == 200

        # One export of every record is slow enough to be measured once, after no warm-up.
        export_ms = statistics.median(time_calls(export, repeat=1, warmup=0)) * 1000
        middle = RECORDS // 2
        moment = rows[middle]["at"]
        window = f"since={(moment - timedelta(hours=6)):%Y-%m-%dT%H:%M:%S}&until={moment:%Y-%m-%dT%H:%M:%S}"
        pages = {
            "audit (newest 50)": "/console/audit",
            "audit, action filter": "/console/audit?action=dsr.find",
            "audit, action prefix": "/console/audit?action=dataset.*",
            "audit, outcome=blocked": "/console/audit?outcome=blocked",
            "audit, actor filter": "/console/audit?actor=key000000007",
            "audit, object filter": f"/console/audit?object={rows[-1]['object'] or 'ds_' + '0' * 31 + '1/v1'}",
            "audit, 6-hour window": f"/console/audit?{window}",
            "audit, page 100 back": f"/console/audit?before={RECORDS - 5000}",
            "audit record detail": f"/console/audit/records/{middle}",
            "datasets": "/console/datasets",
            "jobs": "/console/jobs",
            "data subjects": "/console/dsr",
            "keys": "/console/keys",
            "policies": "/console/policies",
        }
        out = []
        for name, path in pages.items():

            def get(path: str = path) -> None:
                answer = client.get(path)
                assert answer.status_code == 200, (path, answer.status_code)

            out.append(
                Row(SECTION, f"{name} ({RECORDS // 1000}k, {database}) vs raw export",
                    _median_ms(get), export_ms, "ms", GOAL)
            )  # fmt: skip
        token_page = client.get("/console/audit")
        csrf = token_page.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]

        def verify() -> None:
            answer = client.post("/console/audit/verify", data={"csrf": csrf})
            assert "OK: " in answer.text, answer.text[:500]

        out.append(
            Row(SECTION, f"verify the whole chain ({RECORDS // 1000}k) vs raw export",
                statistics.median(time_calls(verify, repeat=1, warmup=0)) * 1000, export_ms, "ms", "")
        )  # fmt: skip
    return out
