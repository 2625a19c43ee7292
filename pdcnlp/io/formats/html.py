"""HTML pages (.html, .htm, .shtml, .xhtml): the article through trafilatura.

Government sites serve ``.shtml``/``.htm`` pages whose article sits among
navigation, breadcrumbs, related links and footers. Rather than a
hand-written tag stripper, the page goes through trafilatura (a maintained
main-content extractor; its metadata step uses htmldate for the publication
date): the body text, the title, the date, the author and the site name.
The body is then read as a text article (so 来源/时间 header lines inside it
are found too); offsets point into the extracted body text.

trafilatura (with lxml, htmldate and dateparser, ~60 MB installed) is the
``html`` extra: without it, each HTML file is skipped with a reason that
says what to install, never read as raw markup.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Optional, Tuple

from ..document import Skip
from ..registry import ReadOptions, document_or_skip, open_report, register

MISSING = "HTML input needs trafilatura: pip install 'pdcnlp[html]'"


def html_article(html: str) -> Tuple[str, Dict[str, Optional[str]]]:
    """``(body text, metadata)`` of an HTML page: title, date, author,
    site, url (None where the page has none). Raises ImportError without
    the ``html`` extra."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                      favor_recall=True, deduplicate=False)
    if doc is None:
        return "", {}
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    meta = {"title": get("title"), "date": get("date"), "author": get("author"),
            "site": get("sitename") or get("hostname"), "url": get("url")}
    return get("text") or "", meta


@register(".html", ".htm", ".shtml", ".xhtml")
def read_html_file(path: Path, options: ReadOptions, rel: Optional[str] = None):
    shown, doc_id, d = open_report(path, options, rel)
    if isinstance(d, Skip):
        yield d
        return
    try:
        text, meta = html_article(d.text)
    except ImportError:
        yield Skip(shown, MISSING, doc_id)
        return
    except Exception as e:  # a page trafilatura cannot parse is one skip, not a failed run
        yield Skip(shown, f"HTML extraction failed: {type(e).__name__}: {e}", doc_id)
        return
    yield document_or_skip(doc_id, shown, text, d.encoding, meta, notes=d.notes)
