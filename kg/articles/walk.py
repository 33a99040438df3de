"""Many inputs: directories, glob patterns and files expanded to the files to read."""

from __future__ import annotations

import glob
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.articles.files import KNOWN_EXTENSIONS, extension_list, read_file
from kg.errors import InputError
from kg.model import Article

_log = logging.getLogger(__name__)

#: File names (without suffix, upper-cased) that document a folder rather than report news:
#: a directory's README.md, LICENSE.md or SOURCE.md is skipped, and said so; given by name,
#: such a file is read like any other.
FOLDER_DOCUMENTS = frozenset({"README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "SOURCE",
                              "CHANGELOG", "CONTRIBUTING", "AUTHORS"})


def read_articles_lenient(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Read every article of every input, yielding an :class:`InputError` in place of each
    file or item that cannot be read (a bad JSON Lines line does not stop the good ones)."""
    for p in paths:
        for f in _expand(p):
            if isinstance(f, InputError):
                yield f
            else:
                yield from read_file(f, str(f))


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand paths: a directory gives its files with a known extension (recursively,
    sorted, hidden ones and the folder's own README, LICENSE, SOURCE ... skipped with a
    warning), a glob pattern its matches (sorted), a file itself.

    A missing path, a glob matching nothing, a directory without article files or a
    symbolic link in a directory that points outside it is an :class:`InputError`.
    """
    for raw in paths:
        for f in _expand(raw):
            if isinstance(f, InputError):
                raise f
            yield f


def _expand(raw: str | Path) -> Iterator[Path | InputError]:
    """The files of one input path, with an InputError for each one that must not be read
    (or for the path itself)."""
    p = Path(raw)
    if p.is_dir():
        found = sorted(
            f for f in p.rglob("*")  # does not descend into linked directories
            if f.is_file() and f.suffix.lower() in KNOWN_EXTENSIONS
            and not any(part.startswith(".") for part in f.relative_to(p).parts)
        )
        documents = [f for f in found if f.stem.upper() in FOLDER_DOCUMENTS]
        for f in documents:
            _log.warning("skipped %s: a folder's %s, not an article (give it by name to "
                         "read it)", f, f.stem)
        found = [f for f in found if f not in documents]
        if not found:
            yield InputError(str(raw), "directory holds no article files (known "
                             f"extensions: {extension_list()})")
            return
        root = p.resolve()
        for f in found:
            if f.is_symlink() and not f.resolve().is_relative_to(root):
                yield InputError(str(f), f"symbolic link to {f.resolve()}, outside {raw}; "
                                 "not followed (give the file itself to read it)")
            else:
                yield f
    elif p.exists():
        yield p
    elif glob.has_magic(str(raw)):
        matches = sorted(Path(m) for m in glob.glob(str(raw), recursive=True))
        files = [m for m in matches if m.is_file()]
        if not files:
            yield InputError(str(raw), "no files match this pattern")
        yield from files
    else:
        yield InputError(str(raw), "no such file or directory")
