"""Prompts over a stored dataset, as a job: each row of an anonymized version rendered into a
prompt, sent to the model online or as a Groq batch, the answers written as a new version of a
derived dataset with its lineage.

Rows are read as they are stored, already tokenized: nothing is detected again, but every
payload is read by the chat door's outbound guard before it leaves. The template's own text is
the caller's, so it is tokenized once, like any text sent. What the model writes is stored
through the answer guard (PII it made up tokenized), never restored: the derived version is
tokenized like every version, and its re-identified view is read like any other.

A template field is a CSV column, a JSON key or a Parquet column, or a dotted path into nested
JSON objects or Parquet structs. CSV and JSONL versions are read line by line; a Parquet one
row group by row group (spooled sealed, as uploads are), and its answers are written as Parquet
with the source's schema, metadata, codec and row groups plus the output column (a string).

Everything the caller can get wrong is refused before anything is sent, each a 4xx naming the
field (and the row): an unknown option, a template field no column has, a model the upstream
does not serve, a bad `max_rows`. A job cancelled (or cut by the upstream) midway keeps the rows
it had answered as its version and says so.
"""

from vault.services.infer.job import InferJob
from vault.services.infer.options import InferOptions, parse_options, parse_template
from vault.services.infer.plan import InferParts, InferRecorder
from vault.services.infer.use_case import InferDataset, Started

__all__ = [
    "InferDataset",
    "InferJob",
    "InferOptions",
    "InferParts",
    "InferRecorder",
    "Started",
    "parse_options",
    "parse_template",
]
