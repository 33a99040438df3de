"""Opening a store directory: what it must be, and what is wrong when it cannot be opened."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.recovery import damage, recover
from kg.store.terms import _one_line

__all__ = ["open_store"]


def open_store(path: Path | None, read_only: bool) -> ox.Store:
    """The Oxigraph store in ``path`` (created when the directory is new or empty), or in
    memory when ``path`` is None; a :class:`StoreError` saying what is wrong otherwise. A
    load killed midway is rolled back first (:mod:`kg.recovery`)."""
    if path is None:
        if read_only:
            raise StoreError("an in-memory store cannot be opened read-only; give a path")
        return ox.Store()
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a store directory (it is a file)")
    is_store = (path / "CURRENT").is_file()
    if read_only and not is_store:
        raise StoreError(f"{path}: not a kg store (no Oxigraph database here); "
                         "create it with kg ingest")
    if path.is_dir() and not is_store and any(path.iterdir()):
        raise StoreError(f"{path}: directory is not empty and not a kg store; "
                         "choose a new or empty directory")
    if is_store:
        recover(path)  # a kg load killed midway is rolled back before anything reads
    elif not read_only and not path.exists():
        try:  # "--store out/store" on a fresh clone: out/ is made too
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"{path}: cannot create its folder: {_one_line(e)}") from e
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as e:
        msg = _one_line(e)
        if "lock" in msg.lower():
            raise StoreError(f"{path}: the store is locked by another process "
                             f"(close it or use a read-only open): {msg}") from e
        raise damage(str(path), e) or StoreError(f"{path}: cannot open the store: {msg}") from e
