"""See what the pipeline found: entities in our colours, quantities linked to
what they measure, in the original script.

* :func:`render_entities`: displaCy's entity view with pdcnlp's label colours;
* :func:`render_links`: per sentence with measurements, displaCy's arc view in
  manual mode: each quantity is an arc to its target;
* :func:`render`: both, as one HTML page or for Jupyter (returns an object
  that displays itself in a notebook);
* :func:`plot_links`: the same links drawn with matplotlib, for PNG files
  (docs/, reports) where no browser renders SVG.

``pdcnlp display FILE -o out.html`` writes the page from the command line;
``pdcnlp review`` (:mod:`pdcnlp.review`) is the fuller page for checking a
document: readings, the measurements table, arrows within the running text.
Chinese in the matplotlib figure comes from the bundled font (:mod:`pdcnlp.fonts`).
"""
from __future__ import annotations

import html
from typing import Dict, List, Optional, Tuple

from spacy import displacy
from spacy.tokens import Doc, Span

from .fonts import CSS_FALLBACK
from .schema import TARGET_LABEL
from .text.clean_view import span_offsets

# One colour per label of pdcnlp.schema.LABELS and the target (tests check all are here).
COLORS: Dict[str, str] = {
    "ORG": "#8ecae6",
    "GPE": "#ffb703",
    "PROGRAMME": "#b5e48c",
    "QUANTITY": "#f4a261",
    TARGET_LABEL: "#cdb4db",
}


def entity_data(doc: Doc, title: Optional[str] = None) -> dict:
    """displaCy manual data for the entity view (offsets trimmed of noise)."""
    ents = [{"start": s, "end": e, "label": ent.label_} for ent in doc.ents for s, e in [span_offsets(ent)]]
    return {"text": doc.text, "ents": ents, "title": title}


def link_chunks(sent: Span) -> Tuple[List[dict], List[dict]]:
    """The sentence cut into chunks at entity and target edges; arcs from
    each quantity chunk to its target chunk (displaCy manual dep format)."""
    doc = sent.doc
    measurements = [m for m in doc._.measurements if sent.start <= m.span.start < sent.end]
    marks: Dict[Tuple[int, int], str] = {}
    for e in doc.ents:
        if sent.start <= e.start and e.end <= sent.end:
            marks[span_offsets(e)] = e.label_
    for m in measurements:
        if m.target is not None:
            marks.setdefault(span_offsets(m.target), TARGET_LABEL)
    # non-overlapping chunks: keep the longest marked spans first
    chosen: List[Tuple[int, int, str]] = []
    for (s, e), label in sorted(marks.items(), key=lambda x: -(x[0][1] - x[0][0])):
        if not any(s < ce and cs < e for cs, ce, _ in chosen):
            chosen.append((s, e, label))
    chosen.sort()
    s0, s1 = span_offsets(sent)
    text = doc.text
    words, index, pos = [], {}, s0
    for s, e, label in chosen:
        if s > pos and text[pos:s].strip():
            words.append({"text": text[pos:s].strip(), "tag": ""})
        index[(s, e)] = len(words)
        words.append({"text": text[s:e], "tag": label})
        pos = e
    if pos < s1 and text[pos:s1].strip():
        words.append({"text": text[pos:s1].strip(), "tag": ""})
    arcs = []
    for m in measurements:
        if m.target is None:
            continue
        q, t = index.get(m.offsets), index.get(span_offsets(m.target))
        if q is None or t is None or q == t:
            continue
        arcs.append({"start": min(q, t), "end": max(q, t), "label": "measures", "dir": "left" if t < q else "right"})
    return words, arcs


def render_entities(doc: Doc, title: Optional[str] = None) -> str:
    return displacy.render(entity_data(doc, title), style="ent", manual=True, jupyter=False,
                           options={"colors": COLORS})


def render_links(doc: Doc) -> str:
    parts = []
    for sent in doc.sents:
        words, arcs = link_chunks(sent)
        if arcs:
            parts.append(displacy.render({"words": words, "arcs": arcs}, style="dep", manual=True, jupyter=False,
                                         options={"distance": 110, "compact": True, "word_spacing": 30,
                                                  "font": CSS_FALLBACK}))
    return "\n".join(parts) or "<p>(no linked quantities)</p>"


class _HTML:
    """Displays itself in Jupyter; ``str()`` is the HTML."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup


def render(doc: Doc, title: Optional[str] = None, page: bool = False):
    """Entities, then quantity→target links. With ``page=True`` a whole HTML
    document (for files), else an object Jupyter displays."""
    body = (f"<h3>{html.escape(title)}</h3>" if title else "") + \
        "<h4>Entities</h4>" + render_entities(doc) + "<h4>What each quantity measures</h4>" + render_links(doc)
    if page:
        return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>pdcnlp</title></head>"
                f"<body style='font-family: sans-serif; max-width: 1100px'>{body}</body></html>")
    return _HTML(body)


def cjk_font() -> str:
    """The family matplotlib draws Chinese with: pdcnlp's bundled CJK font,
    registered as the fallback of the sans-serif list (pdcnlp.fonts)."""
    from .fonts import use_in_matplotlib

    return use_in_matplotlib()


def plot_links(sent: Span, ax=None, max_chars: int = 60):
    """Draw one sentence's chunks in a row, entities coloured, with an arc
    from each quantity to its target. Returns the matplotlib Axes."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch

    words, arcs = link_chunks(sent)
    cjk_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(14, 3))
    x, centres = 0.0, []
    for w in words:
        text = w["text"] if len(w["text"]) <= max_chars else w["text"][:max_chars] + "…"
        width = 0.9 * len(text) + 0.8
        colour = COLORS.get(w["tag"], "#ffffff")
        ax.text(x + width / 2, 0, text, ha="center", va="center", fontsize=11,
                bbox=dict(boxstyle="round,pad=0.3", fc=colour, ec="#999999" if w["tag"] else "none"))
        if w["tag"]:
            ax.text(x + width / 2, -0.9, w["tag"], ha="center", va="center", fontsize=7, color="#555555")
        centres.append(x + width / 2)
        x += width + 0.6
    for a in arcs:
        q, t = (a["end"], a["start"]) if a["dir"] == "left" else (a["start"], a["end"])
        rad = -0.35 if centres[t] > centres[q] else 0.35     # bend upwards whichever way the arrow points
        ax.add_patch(FancyArrowPatch((centres[q], 0.6), (centres[t], 0.6), connectionstyle=f"arc3,rad={rad}",
                                     arrowstyle="-|>", mutation_scale=12, color="#e76f51", lw=1.5))
    ax.set_xlim(-0.5, x)
    ax.set_ylim(-1.6, 2.8)
    ax.axis("off")
    return ax
