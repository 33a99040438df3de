// The side panel of the corpus, map and timeline pages: a list of events, and one event
// with its evidence sentences (the participants highlighted), attribution, modality,
// polarity and article. Article text only ever goes into the page as textContent.
var KGPanel = (function () {
  "use strict";
  var D = null;
  var colors = {};
  var side = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function init(data, classColors) {
    D = data;
    colors = classColors || {};
    side = document.getElementById("kg-side");
  }

  function chip(type) {
    var c = el("span", "kg-chip", type);
    c.style.background = colors[type] || "#999";
    return c;
  }

  // A sentence with every occurrence of the terms in <mark> (built node by node).
  function highlight(sentence, terms) {
    var p = el("p", "kg-evidence");
    var lower = sentence.toLowerCase();
    var words = terms.filter(function (t) { return t && t.length > 2; })
      .map(function (t) { return t.toLowerCase(); });
    if (lower.length !== sentence.length) { words = []; }
    var at = 0;
    while (at < sentence.length) {
      var best = -1;
      var len = 0;
      words.forEach(function (w) {
        var i = lower.indexOf(w, at);
        if (i >= 0 && (best < 0 || i < best || (i === best && w.length > len))) {
          best = i;
          len = w.length;
        }
      });
      if (best < 0) { p.appendChild(document.createTextNode(sentence.slice(at))); break; }
      if (best > at) { p.appendChild(document.createTextNode(sentence.slice(at, best))); }
      p.appendChild(el("mark", null, sentence.slice(best, best + len)));
      at = best + len;
    }
    return p;
  }

  function fact(dl, name, value) {
    if (value === undefined || value === null || value === "") { return; }
    dl.appendChild(el("dt", null, name));
    dl.appendChild(el("dd", null, value));
  }

  function source(ev) {
    var p = el("p", "kg-source");
    var name = ev.ti || "(untitled article)";
    if (ev.u && /^https?:\/\//i.test(ev.u)) {
      var a = el("a", null, name);
      a.href = ev.u;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      p.appendChild(a);
    } else {
      p.appendChild(el("span", null, name));
    }
    var extra = [ev.so, ev.pu].filter(function (x) { return x; }).join(", ");
    if (extra) { p.appendChild(document.createTextNode(" (" + extra + ")")); }
    if (!ev.u && ev.ar) { p.appendChild(el("span", "kg-iri", ev.ar)); }
    return p;
  }

  // One event: what, when, how sure, who, and the sentences it was read from.
  function detail(i) {
    var e = D.events[i];
    var box = el("div", "kg-detail");
    var dl = el("dl");
    fact(dl, "date", e.d ? e.d + (e.ds === "published" ? " (article's publication date)" : "")
      : "unknown");
    fact(dl, "modality", e.m || "unknown");
    fact(dl, "polarity", e.p === "Negative" ? "Negative (denied or did not happen)" : e.p);
    fact(dl, "attributed to", e.a);
    fact(dl, "codes", [e.c && "CAMEO " + e.c, e.pl && "PLOVER " + e.pl]
      .filter(function (x) { return x; }).join(" · "));
    fact(dl, "quad class", e.qc);
    var terms = [];
    e.r.forEach(function (rx) {
      var who = D.entities[rx[1]];
      terms.push(who.l);
      // "Biden" for Joe Biden: the capitalised words of a name, too
      who.l.split(/\s+/).forEach(function (w) { if (/^[A-Z]\w{3,}/.test(w)) { terms.push(w); } });
      fact(dl, rx[0], who.l);
    });
    if (e.a) { terms.push(e.a); }
    fact(dl, "quote", e.q);
    box.appendChild(dl);
    e.ev.forEach(function (ev) {
      box.appendChild(highlight(ev.s, terms));
      box.appendChild(source(ev));
    });
    if (e.more) { box.appendChild(el("p", "kg-iri", "+" + e.more + " more reports")); }
    box.appendChild(el("p", "kg-iri", e.iri));
    return box;
  }

  function item(i, open) {
    var e = D.events[i];
    var li = el("li", "kg-event");
    var head = el("button", "kg-event-head");
    head.type = "button";
    head.appendChild(el("span", "kg-date", e.d || "—"));
    head.appendChild(chip(e.t));
    head.appendChild(el("span", null, " " + e.l));
    li.appendChild(head);
    var body = null;
    function toggle() {
      if (body) { li.removeChild(body); body = null; return; }
      body = detail(i);
      li.appendChild(body);
    }
    head.addEventListener("click", toggle);
    if (open) { toggle(); }
    return li;
  }

  // Events grouped by class (largest group first), each group in date order.
  function list(idxs) {
    var groups = {};
    idxs.forEach(function (i) { (groups[D.events[i].t] = groups[D.events[i].t] || []).push(i); });
    var order = Object.keys(groups).sort(function (a, b) {
      return groups[b].length - groups[a].length || (a < b ? -1 : 1);
    });
    var box = el("div", "kg-list");
    order.forEach(function (t) {
      var h = el("h3");
      h.appendChild(chip(t));
      h.appendChild(document.createTextNode(" " + groups[t].length));
      box.appendChild(h);
      var ul = el("ul");
      groups[t].sort(function (a, b) {
        var x = D.events[a].d || "", y = D.events[b].d || "";
        return x < y ? -1 : x > y ? 1 : a - b;
      }).forEach(function (i) { ul.appendChild(item(i, idxs.length === 1)); });
      box.appendChild(ul);
    });
    return box;
  }

  // Replace the panel's content: a heading, a line under it, then the given elements.
  function show(title, subtitle, parts) {
    while (side.firstChild) { side.removeChild(side.firstChild); }
    side.appendChild(el("h2", null, title));
    if (subtitle) { side.appendChild(el("p", "kg-sub", subtitle)); }
    (parts || []).forEach(function (p) { side.appendChild(p); });
    side.scrollTop = 0;
  }

  return {init: init, el: el, chip: chip, list: list, detail: detail, show: show,
          highlight: highlight};
})();
