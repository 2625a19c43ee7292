"""HTML pages (.html, .htm): the visible text (tags, scripts and styles
removed, block elements on their own lines), then read as a text article;
offsets point into that visible text."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import List

from ..decode import read_bytes
from ..document import Skip, UnreadableFile
from ..registry import ReadOptions, document_or_skip, register


class _TextOfHTML(HTMLParser):
    """Visible text of an HTML page, block elements on their own lines."""

    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "title"}
    SKIP = {"script", "style", "noscript", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: List[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP and tag != "head":
            self._skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and tag != "head" and self._skip:
            self._skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOfHTML()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return "\n".join(line for line in lines if line)


@register(".html", ".htm")
def read_html_file(path: Path, options: ReadOptions):
    try:
        text, enc = read_bytes(path, max_bytes=options.max_bytes)
    except (UnreadableFile, OSError) as e:
        yield Skip(str(path), str(e))
        return
    yield document_or_skip(path.stem, str(path), html_to_text(text), enc)
