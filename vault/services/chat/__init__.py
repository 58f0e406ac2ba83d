"""Redacted chat: a request walked whole and tokenized, the bytes that leave guarded, answers
restored for callers allowed to see them.

`request` walks Groq's wire format (closed fields validated, everything else a slot); `redact`
detects and tokenizes the slots and hands the serialized payload to `guard`; `restore` puts values
back into answers, whole or streamed.
"""

from vault.services.chat.guard import KnownValues
from vault.services.chat.redact import ChatRedactor, RedactedRequest
from vault.services.chat.restore import PrimedReidentifier, ResponseRestorer, StreamRestorer

__all__ = [
    "ChatRedactor",
    "KnownValues",
    "PrimedReidentifier",
    "RedactedRequest",
    "ResponseRestorer",
    "StreamRestorer",
]
