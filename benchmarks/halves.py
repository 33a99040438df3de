"""A fixed dev/test split of an external gold set's records, by a hash of their text.

The PLOVER and PETRARCH gold standards were not split when kg's rules were first checked
against them; from 2026-12-07 on each is read in two halves: rules may be examined on the
dev half (``--list`` prints its misses only), the test half is reported in aggregate.
"""

from __future__ import annotations

import hashlib


def half(text: str) -> str:
    """``"dev"`` or ``"test"``: the parity of the SHA-1 of the whitespace-normalised text."""
    digest = hashlib.sha1(" ".join(text.split()).encode("utf-8")).digest()
    return "dev" if digest[-1] % 2 == 0 else "test"
