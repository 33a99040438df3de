"""A time budget for a block of Python code: :func:`time_budget`.

In the main thread it is a ``SIGALRM`` timer whose handler raises: that interrupts Python
code, regular expressions and spaCy's tokenizer alike. In another thread (the Python API
used from a worker thread) a watchdog thread raises the exception asynchronously in the
budgeted thread, which takes effect at its next Python instruction. Either way the
exception is raised only while the block runs: one that fires as the block ends is
discarded.

>>> with time_budget(5.0, lambda: TimeoutError("too slow")):
...     sum(range(1000))
499500
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["ARTICLE_TIME_BUDGET", "time_budget"]

#: Seconds one article may take to extract (its share of the parse included) before it is
#: given up with a :class:`~kg.errors.TimeBudgetError`. The slowest of 5,270 corpus items
#: takes about 1 s, and a 200,000-character article (the body limit) of news text 10-20 s.
ARTICLE_TIME_BUDGET = 60.0


class _Expired(BaseException):
    """Raised asynchronously in a budgeted thread (a class, as the C API wants one)."""


@contextmanager
def time_budget(seconds: float | None, error: Callable[[], BaseException]) -> Iterator[None]:
    """Run the block; if it takes longer than ``seconds``, raise ``error()`` in it.
    ``None`` or 0: no budget."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds, error):
            yield
    else:
        with _watchdog(seconds, error):
            yield


@contextmanager
def _alarm(seconds: float, error: Callable[[], BaseException]) -> Iterator[None]:
    active = True

    def expired(signum: int, frame: FrameType | None) -> None:
        if active:
            raise error()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        active = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog(seconds: float, error: Callable[[], BaseException]) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(_Expired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except _Expired:
        raise error() from None
    finally:
        while True:
            try:
                with lock:
                    state["active"] = False
                    if state["fired"]:  # not delivered yet: withdraw it
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
                break
            except _Expired:  # delivered just as the block ended: nothing to stop
                continue
        timer.cancel()
