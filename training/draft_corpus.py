"""Write draft authoring files (corpus/src/*.ann) from the current pipeline.

Only for starting an annotation pass: the drafts are then corrected by hand,
and the hand-corrected files are what the corpus is built from. Never run
over finished files (it refuses to overwrite).

    python -m training.draft_corpus seeds/ corpus/src/
"""
from __future__ import annotations

import sys
from pathlib import Path

import pdcnlp
from pdcnlp.text.sentences import sentence_spans
from pdcnlp.text.clean_view import span_offsets
from training.markup import render


def main(seeds: str, out_dir: str) -> None:
    nlp = pdcnlp.load()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(Path(seeds).glob("*.txt")):
        target = out / f"{path.stem[:3]}.ann"
        if target.exists():
            print(f"exists, not overwritten: {target}")
            continue
        text = path.read_text(encoding="utf-8")
        lines = [f"# {path.name}: draft from pdcnlp {pdcnlp.__version__}, to be corrected by hand"]
        for k, (s, e) in enumerate(sentence_spans(text), 1):
            sent = text[s:e]
            doc = nlp(sent)
            ents = [span_offsets(x) + (x.label_,) for x in doc.ents]
            lines.append(f"@{path.stem[:3]}-{k:04d}")
            lines.append(render(sent, ents))
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
