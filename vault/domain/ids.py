"""The grammar of the ids the vault issues, checked before any work is done with one.

A string that could not have been issued (control characters, percent-escapes, the wrong length)
is answered exactly like an id that was never issued, and never reaches a query, a log line or
an audit record.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "API_KEY_ID",
    "DATASET_ID",
    "JOB_ID",
    "MAX_VERSION",
    "is_api_key_id",
    "is_dataset_id",
    "is_job_id",
    "new_dataset_id",
    "new_job_id",
    "version_number",
]

# `ds_` and 32 lowercase hex digits: a uuid4 in hex, as `new_dataset_id` makes them.
DATASET_ID: Final = re.compile(r"ds_[0-9a-f]{32}")
# `job_` and 32 lowercase hex digits, as `new_job_id` makes them.
JOB_ID: Final = re.compile(r"job_[0-9a-f]{32}")
# 12 characters of a-z0-9, as `vault.services.apikeys.create_api_key` draws them.
API_KEY_ID: Final = re.compile(r"[a-z0-9]{12}")
# Version numbers count up from 1; a larger one than this could not fit the database column.
MAX_VERSION: Final = 2**31 - 1
_VERSION: Final = re.compile(r"[1-9][0-9]{0,9}")


def new_dataset_id(hex32: str) -> str:
    """The dataset id for 32 random hex digits (`uuid4().hex`); ValueError for anything else."""
    dataset_id = f"ds_{hex32}"
    if not DATASET_ID.fullmatch(dataset_id):
        raise ValueError("a dataset id is made from 32 lowercase hex digits")
    return dataset_id


def is_dataset_id(value: object) -> bool:
    """Whether `value` could be a dataset id the vault issued."""
    return isinstance(value, str) and DATASET_ID.fullmatch(value) is not None


def new_job_id(hex32: str) -> str:
    """The job id for 32 random hex digits (`uuid4().hex`); ValueError for anything else."""
    job_id = f"job_{hex32}"
    if not JOB_ID.fullmatch(job_id):
        raise ValueError("a job id is made from 32 lowercase hex digits")
    return job_id


def is_job_id(value: object) -> bool:
    """Whether `value` could be a job id the vault issued."""
    return isinstance(value, str) and JOB_ID.fullmatch(value) is not None


def is_api_key_id(value: object) -> bool:
    """Whether `value` could be an API key id the vault issued."""
    return isinstance(value, str) and API_KEY_ID.fullmatch(value) is not None


def version_number(value: object) -> int | None:
    """The version number `value` names (`"3"`, `3`), or None if it could name none."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1 <= value <= MAX_VERSION else None
    if isinstance(value, str) and _VERSION.fullmatch(value):
        number = int(value)
        return number if number <= MAX_VERSION else None
    return None
