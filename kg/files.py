"""Writing output files safely: a reader never sees a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import KGError


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and an atomic rename.

    The directory is created if missing. An existing file is replaced only once the new
    content is completely on disk.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as e:
        raise KGError(f"{target}: cannot write: {e.strerror or e}") from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise KGError(f"{target}: cannot write: {e.strerror or e}") from e
