"""The generated page in a real headless Chromium, driven over the DevTools protocol.

Checks: the network canvas is drawn and has a size, physics settles, no console error or
exception, no request other than the page's own file, and hostile article text neither
runs nor turns into markup (also inside the hover tooltip). Skipped when
``/usr/bin/chromium`` is absent. With ``KG_UPDATE_SCREENSHOT=1`` the bundled example
article is extracted, drawn and saved as ``docs/img/viz.png``.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_viz import HOSTILE_ATTR, HOSTILE_SCRIPT, hostile_data

from kg.analysis import load_graph_data
from kg.viz import render_html

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
websocket = pytest.importorskip("websocket")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent")


class Cdp:
    """A minimal Chrome DevTools Protocol client over one page's websocket."""

    def __init__(self, url: str) -> None:
        self.ws = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        self.ws.close()

    def _recv(self, timeout: float) -> dict[str, Any] | None:
        self.ws.settimeout(timeout)
        try:
            msg: dict[str, Any] = json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            return None
        return msg

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        me = self.next_id
        self.ws.send(json.dumps({"id": me, "method": method, "params": params}))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            msg = self._recv(deadline - time.monotonic())
            if msg is None:
                break
            if msg.get("id") == me:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                result: dict[str, Any] = msg.get("result", {})
                return result
            if "method" in msg:
                self.events.append(msg)
        raise TimeoutError(method)

    def wait_event(self, method: str, timeout: float = 20) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        seen = len(self.events)
        while True:
            for msg in self.events[seen:]:
                if msg["method"] == method:
                    return msg
            seen = len(self.events)
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(method)
            msg = self._recv(min(left, 1.0))
            if msg is not None and "method" in msg:
                self.events.append(msg)

    def evaluate(self, expression: str) -> Any:
        r = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def poll(self, expression: str, timeout: float = 30) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(expression)

    def pump(self, seconds: float) -> None:
        """Collect events for a while (time for timers, hovers and late requests)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            msg = self._recv(left)
            if msg is not None and "method" in msg:
                self.events.append(msg)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Path], Cdp]]:
    profile = tmp_path_factory.mktemp("chromium")
    log = (profile / "stderr.log").open("wb")
    proc = subprocess.Popen(
        [str(CHROMIUM), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions",
         "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
         f"--user-data-dir={profile}", "--remote-debugging-port=0",
         "--window-size=1400,900", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=log)
    pages: list[Cdp] = []
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or proc.poll() is not None:
                pytest.fail(f"chromium did not start: {(profile / 'stderr.log').read_text()}")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])

        def open_page(path: Path) -> Cdp:
            new = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank",
                                         method="PUT")
            with urllib.request.urlopen(new, timeout=10) as r:  # a fresh tab per page
                target = json.loads(r.read())
            cdp = Cdp(target["webSocketDebuggerUrl"])
            pages.append(cdp)
            for domain in ("Page", "Runtime", "Network", "Log"):
                cdp.send(f"{domain}.enable")
            cdp.send("Emulation.setDeviceMetricsOverride", width=1400, height=900,
                     deviceScaleFactor=1, mobile=False)
            cdp.send("Page.addScriptToEvaluateOnNewDocument",
                     source="window.alert = function () { window.__pwned = 'alert'; };")
            cdp.send("Page.navigate", url=path.as_uri())
            cdp.wait_event("Page.loadEventFired")
            return cdp

        yield open_page
    finally:
        for cdp in pages:
            cdp.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _errors(cdp: Cdp) -> list[str]:
    out = []
    for e in cdp.events:
        p = e.get("params", {})
        if e["method"] == "Runtime.exceptionThrown":
            out.append(json.dumps(p.get("exceptionDetails", {}))[:300])
        elif e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            out.append(json.dumps(p.get("args", []))[:300])
        elif e["method"] == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            out.append(p["entry"].get("text", "")[:300])
    return out


def _requests(cdp: Cdp) -> list[str]:
    return [e["params"]["request"]["url"] for e in cdp.events
            if e["method"] == "Network.requestWillBeSent"]


def _check_page(cdp: Cdp, page: Path) -> None:
    assert cdp.poll("window.kgStabilized === true", timeout=60)
    size = cdp.evaluate("(() => { const c = document.querySelector('#mynetwork canvas');"
                        " return c ? [c.width, c.height] : null; })()")
    assert size is not None and size[0] > 200 and size[1] > 200
    assert cdp.evaluate("kgNetwork.physics.physicsEnabled") is False  # settled, then off
    cdp.pump(0.5)
    assert _errors(cdp) == []
    assert [u for u in _requests(cdp) if u != page.as_uri()] == []


def test_sample_page_draws_without_errors_or_requests(
        browser: Callable[[Path], Cdp], tmp_path: Path) -> None:
    from test_analysis import sample_dataset

    page = tmp_path / "sample.html"
    page.write_text(render_html(load_graph_data(sample_dataset()),
                                title="Sample: two articles"), encoding="utf-8")
    cdp = browser(page)
    _check_page(cdp, page)
    assert cdp.evaluate("kgNetwork.body.data.nodes.length") == 12
    # filters: hide Statements, then focus one actor
    cdp.evaluate("document.querySelector('.kg-etype[value=Statement]').click()")
    assert cdp.evaluate("kgNetwork.body.data.nodes.get({filter: n => !n.hidden})"
                        ".filter(n => n.etype === 'Statement').length") == 0
    cdp.evaluate("document.getElementById('kg-reset').click()")
    assert cdp.evaluate("kgNetwork.body.data.nodes.get({filter: n => n.hidden}).length") == 0
    png = _screenshot(cdp)
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


def _screenshot(cdp: Cdp) -> bytes:
    shot = cdp.send("Page.captureScreenshot", format="png")
    return base64.b64decode(shot["data"])


@pytest.mark.skipif(os.environ.get("KG_UPDATE_SCREENSHOT") != "1",
                    reason="set KG_UPDATE_SCREENSHOT=1 to redraw docs/img/viz.png")
def test_docs_screenshot(browser: Callable[[Path], Cdp], tmp_path: Path) -> None:
    """docs/img/viz.png: the bundled example article, extracted and drawn."""
    from kg.pipeline import extract_paths
    from kg.rdf.mapping import extractions_dataset

    example = ROOT / "data" / "examples" / "000_4fd073a643f2e162.txt"
    data = load_graph_data(extractions_dataset(extract_paths([example])))
    page = tmp_path / "example.html"
    page.write_text(render_html(data, title="kg viz: the bundled example article"),
                    encoding="utf-8")
    cdp = browser(page)
    _check_page(cdp, page)
    target = ROOT / "docs" / "img" / "viz.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_screenshot(cdp))


def test_hostile_text_stays_text(browser: Callable[[Path], Cdp], tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    title = f"Report {HOSTILE_SCRIPT}"
    page.write_text(render_html(hostile_data(), title=title), encoding="utf-8")
    cdp = browser(page)
    _check_page(cdp, page)
    assert cdp.evaluate("document.title") == title
    assert cdp.evaluate("document.querySelector('h1').textContent") == title
    assert cdp.evaluate("document.querySelectorAll('img, #kg-panel script').length") == 0
    assert cdp.evaluate("String(window.__pwned)") == "undefined"
    # hover the event node: its tooltip must show the sentence as text
    event = "https://w3id.org/geokg/resource/article/x/event/0-5-Meeting"
    point = cdp.evaluate(
        "(() => { const p = kgNetwork.canvasToDOM(kgNetwork.getPositions(["
        + json.dumps(event) + "])[" + json.dumps(event) + "]);"
        " const r = document.getElementById('mynetwork').getBoundingClientRect();"
        " return [p.x + r.left, p.y + r.top]; })()")
    for dx in (-3, 0):
        cdp.send("Input.dispatchMouseEvent", type="mouseMoved", x=point[0] + dx, y=point[1])
    tip = cdp.poll("(() => { const t = document.querySelector('div.vis-tooltip');"
                   " return t && t.style.visibility !== 'hidden' ? t.innerText : ''; })()",
                   timeout=10)
    assert HOSTILE_SCRIPT in tip and HOSTILE_ATTR in tip
    # innerText turns line breaks into <br>; nothing else may appear as an element
    assert cdp.evaluate("[...document.querySelector('div.vis-tooltip').querySelectorAll('*')]"
                        ".map(e => e.tagName).filter(t => t !== 'BR')") == []
    cdp.pump(0.3)
    assert cdp.evaluate("String(window.__pwned)") == "undefined"
    assert _errors(cdp) == []
    assert [u for u in _requests(cdp) if u != page.as_uri()] == []
