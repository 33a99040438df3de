"""Keeping an on-disk store whole: loads that are all or nothing, damage named plainly.

**Loads.** Oxigraph's bulk loader writes without a transaction, and a load of several
transactions (replace the graphs, add the quads, derive counts) is not one either, so
:meth:`kg.store.KnowledgeGraph.load` into an on-disk store runs between
:func:`begin_load` and :func:`commit_load`:

1. the marker file ``STORE/kg-load-in-progress`` is written and locked (``flock``) for as
   long as the load runs, then the store is flushed and checkpointed into
   ``STORE/kg-load-backup`` (hard links to its immutable files: milliseconds, almost no
   space);
2. the load writes the store;
3. the marker is removed (the commit point), then the checkpoint.

Whoever opens the store next (:func:`recover`, called before every open) and finds the
marker unlocked knows the loading process died: it puts the checkpoint's files back in
place of the store's (if the checkpoint was complete: before it, nothing was written), then
removes the marker — so a killed ``kg load`` leaves exactly the store as it was before.
Recovery is itself restartable: until the marker goes, it starts over. A marker still
locked means a load is running: opening then is refused.

**Damage.** RocksDB reports a damaged file (truncated, overwritten, missing) as a
``RuntimeError`` or ``OSError`` starting ``Corruption:`` (or an I/O error on a table file);
:func:`damage` turns it into a one-line :class:`~kg.errors.StoreError` that says which store
and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kg.errors import StoreError

__all__ = ["BACKUP_DIR", "LOAD_MARKER", "LoadGuard", "abort_load", "begin_load", "commit_load",
           "damage", "recover", "report_damage"]

LOAD_MARKER = "kg-load-in-progress"
BACKUP_DIR = "kg-load-backup"
_BACKUP_TMP = "kg-load-backup.partial"
#: Files of the store directory that recovery leaves alone.
_KEEP = frozenset({"LOCK", LOAD_MARKER, BACKUP_DIR, _BACKUP_TMP})


@dataclass
class LoadGuard:
    """A load in progress: its store directory and the locked marker file."""

    path: Path
    marker: IO[str]


def begin_load(path: Path, checkpoint: Callable[[str], Any], flush: Callable[[], Any]
               ) -> LoadGuard:
    """Mark the store at ``path`` as being loaded, then checkpoint it (``checkpoint(dir)``,
    e.g. pyoxigraph's ``Store.backup``). The marker comes first, so that nobody takes a
    checkpoint being made for a stale one; nothing is written before it is complete."""
    try:
        marker = (path / LOAD_MARKER).open("w", encoding="utf-8")
    except OSError as e:
        raise StoreError(f"{path}: cannot mark the store as being loaded: "
                         f"{e.strerror or e}") from e
    try:
        fcntl.flock(marker, fcntl.LOCK_EX)
        marker.write(f"kg load, process {os.getpid()}, started {time.ctime()}\n")
        marker.flush()
        os.fsync(marker.fileno())
        _fsync_dir(path)
        for stale in (_BACKUP_TMP, BACKUP_DIR):
            shutil.rmtree(path / stale, ignore_errors=True)
        flush()
        checkpoint(str(path / _BACKUP_TMP))
        _fsync_tree(path / _BACKUP_TMP)
        os.replace(path / _BACKUP_TMP, path / BACKUP_DIR)  # the checkpoint is complete
        _fsync_dir(path)
    except (OSError, RuntimeError) as e:
        shutil.rmtree(path / _BACKUP_TMP, ignore_errors=True)
        (path / LOAD_MARKER).unlink(missing_ok=True)
        marker.close()
        raise StoreError(f"{path}: cannot checkpoint the store before loading: "
                         f"{' '.join(str(e).split())}") from e
    return LoadGuard(path, marker)


def commit_load(guard: LoadGuard) -> None:
    """The load is complete: remove the marker (the commit point), then the checkpoint."""
    (guard.path / LOAD_MARKER).unlink()
    _fsync_dir(guard.path)
    guard.marker.close()  # releases the lock
    shutil.rmtree(guard.path / BACKUP_DIR, ignore_errors=True)


def abort_load(guard: LoadGuard) -> None:
    """The load failed with an error (not a crash): release the marker, so that the store
    is rolled back when it is next opened (it cannot be while this process has it open)."""
    guard.marker.close()


def report_damage(cls: type) -> type:
    """Class decorator: every public method of ``cls`` turns RocksDB's report of a damaged
    store into the StoreError of :func:`damage` (``self.path`` names the store)."""
    for name, member in list(vars(cls).items()):
        if name.startswith("_") or not callable(member):
            continue

        def wrap(method: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(method)
            def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
                try:
                    return method(self, *args, **kwargs)
                except (RuntimeError, OSError) as e:
                    hurt = damage(str(getattr(self, "path", None) or "(store)"), e)
                    if hurt is None:
                        raise
                    raise hurt from e
            return wrapper

        setattr(cls, name, wrap(member))
    return cls


def recover(path: Path) -> bool:
    """Roll back an interrupted load of the store at ``path`` (see the module docstring);
    True if there was one. A load still running is a StoreError."""
    marker = path / LOAD_MARKER
    if not marker.exists():
        for stale in (_BACKUP_TMP, BACKUP_DIR):  # a load killed before or after its marker
            if (path / stale).exists() and os.access(path, os.W_OK):
                shutil.rmtree(path / stale, ignore_errors=True)
        return False
    try:
        f = marker.open("r", encoding="utf-8")
    except FileNotFoundError:  # committed meanwhile
        return False
    except OSError as e:
        raise StoreError(f"{path}: an interrupted kg load must be rolled back, and this "
                         f"process cannot ({e.strerror or e}); open the store writable") from e
    with f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise StoreError(f"{path}: a kg load into this store is running; open it "
                                 "when the load has finished") from e
            raise
        if not marker.exists():  # committed while we waited for the lock
            return False
        backup = path / BACKUP_DIR
        if not backup.is_dir():  # died while checkpointing: nothing was written yet
            shutil.rmtree(path / _BACKUP_TMP, ignore_errors=True)
            marker.unlink()
            _fsync_dir(path)
            return True
        if not (backup / "CURRENT").is_file():
            raise StoreError(f"{path}: an interrupted kg load left the store without its "
                             f"checkpoint {backup}; restore the store from a dump")
        try:
            for entry in list(path.iterdir()):
                if entry.name not in _KEEP:
                    if entry.is_dir() and not entry.is_symlink():
                        shutil.rmtree(entry)
                    else:
                        entry.unlink()
            for entry in backup.iterdir():
                target = path / entry.name
                try:
                    os.link(entry, target)
                except OSError:
                    shutil.copy2(entry, target)
            _fsync_tree(path, files=False)
            marker.unlink()  # rolled back
            _fsync_dir(path)
        except OSError as e:
            raise StoreError(f"{path}: cannot roll back an interrupted kg load "
                             f"({e.strerror or e}); try again, or restore from a dump") from e
    shutil.rmtree(backup, ignore_errors=True)
    return True


def damage(where: str, e: BaseException) -> StoreError | None:
    """A StoreError naming the damage, if ``e`` is RocksDB reporting a damaged store."""
    text = " ".join(str(e).split())
    if "Corruption:" in text or ("IO error" in text and ".sst" in text):
        short = text if len(text) <= 160 else text[:157] + "..."
        return StoreError(f"{where}: the store is damaged ({short}); restore it from a dump "
                          "(kg load DUMP --store NEW_DIR) or ingest the articles again")
    return None


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_tree(path: Path, *, files: bool = True) -> None:
    if files:
        for entry in path.iterdir():
            if entry.is_file():
                with contextlib.suppress(OSError), entry.open("rb") as f:
                    os.fsync(f.fileno())
    _fsync_dir(path)
