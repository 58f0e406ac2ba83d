"""Keep tldextract (used by Presidio's email and URL checks) off the network."""

from __future__ import annotations

import tldextract
import tldextract.tldextract as _tldextract_module

__all__ = ["OFFLINE_TLD_EXTRACTOR", "make_tldextract_offline"]

# No suffix-list URLs and no cache dir: tldextract falls back to the snapshot bundled in its
# wheel, so nothing is fetched and nothing is written at run time.
OFFLINE_TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def make_tldextract_offline() -> None:
    """Point `tldextract.extract` (the module-level extractor) at the bundled snapshot."""
    _tldextract_module.TLD_EXTRACTOR = OFFLINE_TLD_EXTRACTOR
