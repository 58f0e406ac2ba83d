"""One safe recipe for data at rest: seal / open_sealed / rewrap, streaming, tenant keyrings.

Each object gets a fresh data key from the KeyService (KMS); AES-256-GCM encrypts it in frames;
the EncryptionContext is bound both as KMS EncryptionContext and as AES-GCM associated data.
Every failure to open is the same opaque IntegrityError; a destroyed key is Gone.

Sealed object layout (format 1), the same for `seal` and `seal_stream`:

    header  magic "VLTE" · version · KMS key id · wrapped data key · nonce prefix · frame size
            · HMAC-SHA256 of all that and the context (also commits to the data key)
    frames  kind (more | final) · length · AES-GCM(frame key, prefix ‖ seq, plaintext,
            AAD = prefix · seq · kind · context)

The header comes first as its own chunk, so a caller may keep it apart from the frames (in a
database row, say) and hand it back in front of them to `open_stream`.

`SealedScratch` is the one way to spool bytes to a temporary file: sealed chunk by chunk under a
one-off key held only in memory, read back at random through a seekable file.
"""

from vault.crypto._context import EncryptionContext, canonical_context
from vault.crypto._envelope import open_sealed, rewrap, rewrap_key, seal
from vault.crypto._header import MAX_FRAME_SIZE, SealedHeader, read_header
from vault.crypto._keyring import TenantKeyring
from vault.crypto._primitives import RandomBytes
from vault.crypto._scratch import SCRATCH_CHUNK_SIZE, SealedScratch
from vault.crypto._stream import DEFAULT_FRAME_SIZE, open_stream, seal_stream

__all__ = [
    "DEFAULT_FRAME_SIZE",
    "MAX_FRAME_SIZE",
    "SCRATCH_CHUNK_SIZE",
    "EncryptionContext",
    "RandomBytes",
    "SealedHeader",
    "SealedScratch",
    "TenantKeyring",
    "canonical_context",
    "open_sealed",
    "open_stream",
    "read_header",
    "rewrap",
    "rewrap_key",
    "seal",
    "seal_stream",
]
