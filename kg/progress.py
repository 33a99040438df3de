"""Progress of a long run as plain lines on a stream: for a pipe, a log file, ``nohup`` or a
notebook, where a redrawn progress bar shows nothing.

>>> import io
>>> out = io.StringIO()
>>> p = LineProgress(4, "ingesting", stream=out, every=0)
>>> p(2); p(2); p.close()
>>> out.getvalue().splitlines()[-1].startswith("ingesting: 4/4 articles (100%)")
True
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

__all__ = ["LineProgress"]


class LineProgress:
    """``progress(n)`` counts ``n`` more items done and writes a line (done, total, rate,
    time left) at most every ``every`` seconds; :meth:`close` writes the last one."""

    def __init__(self, total: int, label: str = "ingesting", *, stream: TextIO | None = None,
                 every: float = 5.0, unit: str = "articles") -> None:
        self.total, self.label, self.unit, self.every = total, label, unit, every
        self.stream = stream
        self.done = 0
        self._start = self._last = time.monotonic()

    def __call__(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= self.every:
            self._last = now
            self._write(now, "")

    def close(self) -> None:
        self._write(time.monotonic(), " done")

    def _write(self, now: float, end: str) -> None:
        elapsed = max(now - self._start, 1e-9)
        rate = self.done / elapsed
        pct = f" ({100 * self.done // self.total}%)" if self.total else ""
        left = (self.total - self.done) / rate if rate and self.total else 0.0
        eta = f", {left:.0f} s left" if self.done < self.total and rate else ""
        stream = self.stream or sys.stderr
        print(f"{self.label}: {self.done}/{self.total} {self.unit}{pct}, {rate:.1f}/s, "
              f"{elapsed:.0f} s{eta}{end}", file=stream, flush=True)
