"""A review page: check what the pipeline found in a document before trusting a table.

    pdcnlp review seeds/000_aee2db037343fe4f.txt -o review.html
    pdcnlp review seeds/ -o review.html            # a small folder: one section per document

One self-contained HTML file (no network, no files beside it), for analysts
who read the extraction rather than the code:

* the text in its original script, each entity marked in pdcnlp's label
  colours (displaCy's look: :data:`pdcnlp.display.COLORS`);
* each QUANTITY with its reading (``>4000 场次``) and a numbered arrow to
  the phrase it measures, which is underlined; hovering a quantity or a row
  of the table highlights the pair;
* beside the text, the table of measurements as ``pdcnlp extract`` writes
  them (value, qualifier, unit, class, target), and the entities by label;
* confidences: the shipped models give none yet (the rules and the
  recogniser are combined by rules, the linker keeps its best candidate), so
  the page says so; a ``confidence`` attribute on a measurement, when a
  later model sets one, gets its own column.

The page embeds the bundled CJK font cut down to its own characters
(:func:`pdcnlp.fonts.css_font_face`, needs fontTools: ``pip install
'.[review]'``), so it reads the same on a machine with no CJK font; without
fontTools it names the usual system fonts. The arrows are drawn by a small
script in the page; everything else is plain HTML, readable with scripts off.

:func:`screenshot` renders a page with headless Chromium (tests and
``docs/make_figures.py --review``).
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

from .display import COLORS
from .fonts import CSS_FALLBACK, FAMILY, css_font_face
from .schema import QUANTITY_LABEL, TARGET_LABEL
from .text.clean_view import span_offsets

MAX_DOCS_DEFAULT = 20
QUALIFIER_SIGN = {"exact": "", "over": ">", "under": "<", "approx": "≈", "range": ""}


@dataclass
class ReviewPart:
    """One analysed part (title or body) of a document."""

    name: str
    doc: object                      # spacy Doc


@dataclass
class ReviewDocument:
    doc_id: str
    path: str
    title: Optional[str]
    meta: Dict[str, str]
    parts: List[ReviewPart] = field(default_factory=list)


def reading(m) -> str:
    """A measurement's reading in a few characters: ``>4000 场次``, ``3–5 次``, ``≈20 %``."""
    def num(v):
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"

    value = f"{num(m.value)}–{num(m.high)}" if m.qualifier == "range" and m.high is not None else num(m.value)
    return f"{QUALIFIER_SIGN.get(m.qualifier, '')}{value} {m.unit}".strip()


def _marked_text(doc, prefix: str, measurements: list) -> str:
    """The part's text as HTML: entities as coloured marks, quantities with
    their number and reading, targets underlined (pieces split at entity
    edges, so nesting stays valid; targets may overlap entities)."""
    text = doc.text
    ents = sorted((span_offsets(e) + (e.label_,) for e in doc.ents), key=lambda x: x[0])
    qnum = {m.offsets: i for i, m in enumerate(measurements, 1)}
    targets: List[Tuple[int, int, int]] = [m.target_offsets + (i,) for i, m in enumerate(measurements, 1)
                                           if m.target is not None]
    cuts = {0, len(text)}
    for s, e, _ in ents:
        cuts |= {s, e}
    for s, e, _ in targets:
        cuts |= {s, e}
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))

    def piece(s: int, e: int) -> str:
        chunk = re.sub(r"\s*\n\s*", "<br>\n", html.escape(text[s:e]))
        ids = [i for ts, te, i in targets if ts <= s and e <= te]
        if not ids or not text[s:e].strip():
            return chunk
        first = " ".join(f"{prefix}t{i}" for ts, te, i in targets if ts == s and i in ids)
        attrs = f' data-m="{" ".join(f"{prefix}{i}" for i in ids)}"'
        if first:
            attrs += f' data-first="{first}"'
        return f'<span class="tgt"{attrs}>{chunk}</span>'

    out, ei = [], 0
    for a, b in zip(cuts, cuts[1:]):
        while ei < len(ents) and ents[ei][1] <= a:
            ei += 1
        ent = ents[ei] if ei < len(ents) and ents[ei][0] <= a < ents[ei][1] else None
        if ent and a == ent[0]:
            s, e, label = ent
            colour = COLORS.get(label, "#ddd")
            if label == QUANTITY_LABEL and (s, e) in qnum:
                i = qnum[(s, e)]
                m = measurements[i - 1]
                out.append(f'<mark class="ent q" id="{prefix}q{i}" data-m="{prefix}{i}" style="background:{colour}"'
                           f' title="{html.escape(json.dumps(m.as_dict(), ensure_ascii=False))}">'
                           f'<sup class="n">{i}</sup>')
                badge = f'<span class="lab">{html.escape(reading(m))}</span>'
            else:
                out.append(f'<mark class="ent" style="background:{colour}">')
                badge = f'<span class="lab">{label}</span>'
        out.append(piece(a, b))
        if ent and b == ent[1]:
            out.append(badge + "</mark>")
    return "".join(out)


def _measure_table(prefix: str, measurements: list) -> str:
    confidences = [getattr(m, "confidence", None) for m in measurements]
    has_conf = any(c is not None for c in confidences)
    head = ["#", "quantity", "reading", "qualifier", "class", "measures (target)"] + (["confidence"] if has_conf else [])
    rows = []
    for i, m in enumerate(measurements, 1):
        cells = [str(i), html.escape(m.text), f'<span class="rd">{html.escape(reading(m))}</span>', m.qualifier, m.unit_class,
                 html.escape(m.target_text) if m.target is not None else '<span class="none">(none)</span>']
        if has_conf:
            c = confidences[i - 1]
            cells.append("" if c is None else f"{c:.2f}")
        rows.append(f'<tr data-m="{prefix}{i}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    note = "" if has_conf else ('<p class="note">Confidence: the shipped models give none per entity or link yet; '
                                'a column appears here when they do.</p>')
    return (f'<table class="ms"><thead><tr>{"".join(f"<th>{h}</th>" for h in head)}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{note}')


def _entity_table(docs) -> str:
    by_label: Dict[str, Dict[str, int]] = {}
    for doc in docs:
        for e in doc.ents:
            if e.label_ != QUANTITY_LABEL:
                s, t = span_offsets(e)
                by_label.setdefault(e.label_, {}).setdefault(doc.text[s:t], 0)
                by_label[e.label_][doc.text[s:t]] += 1
    rows = []
    for label, names in by_label.items():
        items = ", ".join(f"{html.escape(n)}{f' ×{c}' if c > 1 else ''}" for n, c in names.items())
        rows.append(f'<tr><td><span class="chip" style="background:{COLORS.get(label, "#ddd")}">{label}</span></td>'
                    f"<td>{items}</td></tr>")
    return f'<table class="es"><tbody>{"".join(rows)}</tbody></table>' if rows else ""


def _legend() -> str:
    chips = "".join(f'<span class="chip" style="background:{c}">{label}</span>' for label, c in COLORS.items()
                    if label != TARGET_LABEL)
    return (f'<p class="legend">{chips} <span class="tgt-demo">target</span> underlined; '
            f'<sup class="n">n</sup> numbers a quantity, its row and its arrow. Hover to highlight a pair.</p>')


CSS = """
body { font-family: "%(family)s", %(fallback)s; margin: 0 1.5em; color: #222; }
h1 { font-size: 1.3em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-top: 1px solid #ccc; padding-top: .8em; }
.meta { color: #666; font-size: .9em; }
.grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); gap: 1.5em; align-items: start; }
.text { position: relative; line-height: 2.9; font-size: 16px; }
.text .part { color: #888; font-size: .8em; text-transform: uppercase; letter-spacing: .05em; }
svg.arrows { position: absolute; left: 0; top: 0; pointer-events: none; overflow: visible; }
svg.arrows path { fill: none; stroke: #e76f51; stroke-width: 1.4; opacity: .75; }
svg.arrows path.hl { stroke-width: 3; opacity: 1; }
mark.ent { padding: .15em .3em; border-radius: .35em; line-height: 1; }
mark.ent .lab { font-size: .62em; font-weight: bold; margin-left: .35em; vertical-align: middle;
  font-family: "%(family)s", %(fallback)s; }
sup.n { font-size: .6em; color: #9c2f12; margin-right: .15em; font-weight: bold; }
.tgt { text-decoration: underline; text-decoration-color: #7b4fa0; text-decoration-thickness: 2px;
  text-underline-offset: 4px; }
.hl, mark.ent.hl { outline: 2px solid #e76f51; background-color: #fde2d6; }
.side { position: sticky; top: .5em; max-height: 96vh; overflow: auto; font-size: 13px; }
table { border-collapse: collapse; width: 100%%; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .25em .4em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; position: sticky; top: 0; }
tr.hl td { background: #fde2d6; }
.none { color: #999; } .rd { white-space: nowrap; }
.note { color: #666; font-size: .9em; }
.chip { padding: .1em .45em; border-radius: .35em; font-size: .8em; font-weight: bold; margin-right: .3em; }
.legend { font-size: .9em; } .tgt-demo { text-decoration: underline; text-decoration-color: #7b4fa0;
  text-decoration-thickness: 2px; text-underline-offset: 4px; }
"""

# The page's one script: an arrow from each quantity to its target, redrawn
# on resize; hover highlights. Errors are recorded on <html data-errors> so a
# test (or a curious reader) can see them.
SCRIPT = r"""
(function () {
  var root = document.documentElement;
  root.dataset.errors = "0";
  window.addEventListener("error", function () { root.dataset.errors = String(+root.dataset.errors + 1); });
  var NS = "http://www.w3.org/2000/svg";
  function draw() {
    document.querySelectorAll(".text").forEach(function (box) {
      var svg = box.querySelector("svg.arrows");
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      var base = box.getBoundingClientRect();
      svg.setAttribute("width", base.width); svg.setAttribute("height", base.height);
      var defs = document.createElementNS(NS, "defs");
      defs.innerHTML = '<marker id="' + box.id + '-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" ' +
        'markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#e76f51"/></marker>';
      svg.appendChild(defs);
      box.querySelectorAll("mark.q").forEach(function (q) {
        var id = q.dataset.m;
        var t = box.querySelector('[data-first~="' + id.replace(/(\d+)$/, "t$1") + '"]');
        if (!t) return;
        var a = q.getBoundingClientRect(), b = t.getClientRects()[0];
        var x1 = a.left + 6 - base.left, y1 = a.top - base.top;
        var x2 = b.left + b.width / 2 - base.left, y2 = b.top - base.top;
        var lift = Math.min(26, 10 + Math.abs(x2 - x1) / 10);
        var top = Math.min(y1, y2) - lift;
        var p = document.createElementNS(NS, "path");
        p.setAttribute("d", "M" + x1 + "," + y1 + " C" + x1 + "," + top + " " + x2 + "," + top + " " + x2 + "," + (y2 - 1));
        p.setAttribute("marker-end", "url(#" + box.id + "-head)");
        p.dataset.m = id;
        svg.appendChild(p);
      });
    });
    root.dataset.arrows = String(document.querySelectorAll("svg.arrows path[data-m]").length);
  }
  function highlight(id, on) {
    document.querySelectorAll('[data-m~="' + id + '"]').forEach(function (el) { el.classList.toggle("hl", on); });
  }
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest && ev.target.closest("mark.q, tr[data-m]");
    if (el) highlight(el.dataset.m, true);
  });
  document.addEventListener("mouseout", function (ev) {
    var el = ev.target.closest && ev.target.closest("mark.q, tr[data-m]");
    if (el) highlight(el.dataset.m, false);
  });
  window.addEventListener("resize", draw);
  function start() {
    draw();
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(draw);
    root.dataset.review = "ready";
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
"""


def analyse(inputs: Sequence[Union[str, Path]], nlp=None, max_docs: int = MAX_DOCS_DEFAULT,
            text_field: str = "text") -> Tuple[List[ReviewDocument], List[str]]:
    """Read and analyse up to ``max_docs`` documents; returns them and notes
    (skipped inputs, documents left out)."""
    from .io import Skip, iter_documents

    if nlp is None:
        from .pipeline import load

        nlp = load()
    docs, notes = [], []
    for item in iter_documents([str(p) for p in inputs], text_field=text_field):
        if isinstance(item, Skip):
            notes.append(f"skipped {item.path}: {item.reason}")
            continue
        if len(docs) == max_docs:
            notes.append(f"only the first {max_docs} documents are shown (--max-docs)")
            break
        parts = item.parts()
        analysed = nlp.pipe([item.text[s:e] for _, s, e in parts])
        docs.append(ReviewDocument(item.doc_id, item.path or "", item.title, dict(item.meta),
                                   [ReviewPart(name, d) for (name, _, _), d in zip(parts, analysed)]))
    return docs, notes


def review_html(documents: Iterable[ReviewDocument], notes: Sequence[str] = (), title: str = "pdcnlp review",
                embed_font: bool = True) -> str:
    """The page for analysed documents (see :func:`analyse`)."""
    from .about import __version__

    sections, all_text = [], [title]
    documents = list(documents)
    for k, d in enumerate(documents):
        pieces, tables, measured = [], [], 0
        for j, part in enumerate(d.parts):
            prefix = f"d{k}p{j}-"
            ms = list(part.doc._.measurements)
            measured += len(ms)
            all_text.append(part.doc.text)
            pieces.append(f'<p class="part">{part.name}</p><div>{_marked_text(part.doc, prefix, ms)}</div>')
            if ms:
                tables.append((f"<h3>Measurements ({part.name})</h3>" if len(d.parts) > 1 else "<h3>Measurements</h3>")
                              + _measure_table(prefix, ms))
        meta = " · ".join(f"{html.escape(k_)}: {html.escape(v)}" for k_, v in d.meta.items() if k_ != "title")
        heading = html.escape(d.title or d.doc_id)
        all_text += [d.title or d.doc_id, meta]
        ents = _entity_table(p.doc for p in d.parts)
        sections.append(
            f'<section><h2>{heading}</h2><p class="meta">{html.escape(d.path)}{" · " + meta if meta else ""} · '
            f'{measured} measurements</p><div class="grid"><div class="text" id="text{k}">'
            f'<svg class="arrows"></svg>{"".join(pieces)}</div><div class="side">'
            f'{"".join(tables) or "<p>(no measurements)</p>"}<h3>Entities</h3>{ents or "<p>(none)</p>"}'
            f"</div></div></section>")
    note_html = "".join(f'<p class="note">{html.escape(n)}</p>' for n in notes)
    body = (f"<h1>{html.escape(title)}</h1><p class=\"meta\">{len(documents)} document(s), pdcnlp {__version__}</p>"
            f"{_legend()}{note_html}{''.join(sections)}")
    font_face = css_font_face("".join(all_text) + body) if embed_font else ""
    css = CSS % {"family": FAMILY, "fallback": CSS_FALLBACK}
    return (f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{font_face}{css}</style></head><body>{body}<script>{SCRIPT}</script></body></html>\n")


def write_review(inputs: Sequence[Union[str, Path]], output: Union[str, Path], nlp=None,
                 max_docs: int = MAX_DOCS_DEFAULT, text_field: str = "text") -> Path:
    """Analyse ``inputs`` and write the page; returns its path."""
    documents, notes = analyse(inputs, nlp=nlp, max_docs=max_docs, text_field=text_field)
    output = Path(output)
    output.write_text(review_html(documents, notes), encoding="utf-8")
    return output


# --- headless Chromium ---------------------------------------------------------------------------

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--mute-audio")


def find_chromium() -> Optional[str]:
    """Chromium's executable: $PDCNLP_CHROMIUM, else the first of the usual names on PATH."""
    env = os.environ.get("PDCNLP_CHROMIUM")
    if env:
        return env
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _chromium(args: Sequence[str], timeout: int = 120) -> subprocess.CompletedProcess:
    exe = find_chromium()
    if exe is None:
        raise FileNotFoundError("no Chromium found (apt-get install chromium, or set PDCNLP_CHROMIUM)")
    with tempfile.TemporaryDirectory(prefix="pdcnlp-chromium-") as profile:
        return subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout)


def screenshot(page: Union[str, Path], png: Union[str, Path], width: int = 1400, height: int = 1000) -> Path:
    """A PNG of ``page`` as headless Chromium draws it (the window only)."""
    png = Path(png).resolve()
    done = _chromium([f"--window-size={width},{height}", "--virtual-time-budget=3000",
                      f"--screenshot={png}", Path(page).resolve().as_uri()])
    if not png.exists():
        raise RuntimeError(f"Chromium wrote no screenshot (exit {done.returncode}): {done.stderr[-2000:]}")
    return png


def dump_dom(page: Union[str, Path]) -> Tuple[str, str]:
    """The page's DOM after its script ran, and Chromium's log (console
    messages and uncaught errors appear there)."""
    done = _chromium(["--window-size=1400,1000", "--virtual-time-budget=3000", "--enable-logging=stderr", "--v=0",
                      "--dump-dom", Path(page).resolve().as_uri()])
    return done.stdout, done.stderr
