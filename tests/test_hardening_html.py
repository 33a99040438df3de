"""The HTML view never executes article content, end to end in headless Chromium.

A hostile article (script tags, ``<img onerror>``, attribute breakers in its title, source,
quotes and text) goes through ``kg ingest`` and ``kg viz --store``; a second page comes from
``kg viz --input`` on that article's extracted graph with entity names replaced by the same
payloads. In Chromium no payload runs (``window.__pwned`` stays unset, ``alert`` is never
called), no element is injected, and the payloads are present as text. Skipped when
``/usr/bin/chromium`` is absent. The DevTools driver is the viz tests' (test_viz_browser).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS

from kg.cli import main
from kg.rdf.vocab import KGR

pytest.importorskip("websocket")
from test_viz_browser import CHROMIUM, Cdp, _errors, _requests, browser

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent")

__all__ = ["browser"]  # the module-scoped Chromium fixture, reused

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
ATTR = '" onmouseover="window.__pwned=3" x="'
PAYLOADS = (SCRIPT, IMG, ATTR)

ARTICLE = f"""---
title: 'Summit {SCRIPT} {ATTR}'
published: 2024-05-01
source: '{IMG}'
---
U.S. President Joe Biden met Russian President Vladimir Putin in Geneva on Monday.
"{SCRIPT} We will never accept this," Putin said.

Biden said {IMG} the United States would send 500 troops to Poland.

Emmanuel Macron{ATTR} met German Chancellor Olaf Scholz in Paris, officials said.
"""


def _kg(*args: str) -> None:
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, (r.stdout, r.stderr)


def _pages(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.md").write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    _kg("ingest", str(tmp_path / "in"), "--store", str(store))
    page1 = tmp_path / "store.html"
    _kg("viz", "--store", str(store), "--out", str(page1), "--title", f"Report {SCRIPT}")
    # the same graph with every entity named by a payload
    trig = tmp_path / "hostile.trig"
    _kg("export", "--store", str(store), "--format", "trig", "--out", str(trig))
    ds = Dataset()
    ds.parse(trig, format="trig")
    renamed = 0
    for g in ds.graphs():
        entities = sorted({str(s) for s in g.subjects(RDFS.label)
                           if "/article/" not in str(s) and str(s).startswith(str(KGR))})
        for i, s in enumerate(entities):
            g.set((URIRef(s), RDFS.label, Literal(f"Name {PAYLOADS[i % len(PAYLOADS)]}")))
            renamed += 1
    assert renamed >= 3
    trig2 = tmp_path / "renamed.trig"
    ds.serialize(trig2, format="trig")
    page2 = tmp_path / "input.html"
    _kg("viz", "--input", str(trig2), "--out", str(page2))
    return page1, page2


def _text_of_page(cdp: Cdp) -> str:
    """Every string the page holds for people to read: DOM text and node/edge tooltips."""
    return str(cdp.evaluate(
        "(() => { const t = x => typeof x === 'string' ? x : (x && x.innerText) || '';"
        " const parts = [document.title, document.body.innerText];"
        " for (const n of kgNetwork.body.data.nodes.get()) parts.push(n.label || '', t(n.title));"
        " for (const e of kgNetwork.body.data.edges.get()) parts.push(e.label || '', t(e.title));"
        " return parts.join('\\n'); })()"))


def _check(cdp: Cdp, page: Path) -> str:
    assert cdp.poll("window.kgStabilized === true", timeout=60)
    cdp.pump(0.5)
    # hover every node so tooltips are built from the hostile strings, then look again
    ids = cdp.evaluate("kgNetwork.body.data.nodes.getIds()")
    positions = cdp.evaluate(
        "(() => { const r = document.getElementById('mynetwork').getBoundingClientRect();"
        " const p = kgNetwork.getPositions(); return Object.keys(p).map(k => {"
        " const d = kgNetwork.canvasToDOM(p[k]); return [d.x + r.left, d.y + r.top]; }); })()")
    assert len(positions) == len(ids)
    for x, y in positions[:40]:
        cdp.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        cdp.pump(0.05)
    cdp.pump(0.5)
    assert cdp.evaluate("String(window.__pwned)") == "undefined"
    assert cdp.evaluate("document.querySelectorAll('img, [onmouseover], [onerror]').length") == 0
    assert cdp.evaluate("[...document.scripts].filter(s => s.textContent.includes("
                        "'__pwned=1') && !s.type.includes('json') && "
                        "!s.textContent.includes('kgNetwork')).length") == 0
    assert _errors(cdp) == []
    assert [u for u in _requests(cdp) if u != page.as_uri()] == []
    return _text_of_page(cdp)


def test_hostile_article_text_never_runs(browser: Callable[[Path], Cdp],
                                         tmp_path: Path) -> None:
    page1, page2 = _pages(tmp_path)
    cdp = browser(page1)
    text = _check(cdp, page1)
    assert cdp.evaluate("document.title") == f"Report {SCRIPT}"
    # the article's quotes reach the page as text (evidence sentences in tooltips)
    assert SCRIPT in text and IMG in text, text[:2000]
    cdp2 = browser(page2)
    text2 = _check(cdp2, page2)
    for payload in PAYLOADS:
        assert f"Name {payload}" in text2, (payload, json.dumps(text2[:2000]))
