"""Put the word layer and a linker's weights into a saved pipeline.

    python -m training.add_words --model pdcnlp/model --words training/work/words \
        --linker training/work/linker_words.json --out training/work/pipeline_words

The word layer (``words_tagger`` + ``pdcnlp_words``, trained by
``training/train_words.py``) is sourced in right before ``pdcnlp_linker``
(it reads only the tokens, so it may stand anywhere before the linker), and
the linker gets the JSON weights fitted with word features. Nothing else
changes: the recogniser and the rules are those of ``--model``.

Why a separate step: the recogniser is retrained and re-shipped on its own
schedule (``python -m training.train``); this adds what issue 18 built to
whichever pipeline that produces, and lets the link scores be taken with the
shipped recogniser before anything is re-shipped.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy

import pdcnlp  # noqa: F401  (registers every component)
from pdcnlp.linking.model import LinkModel


def add_words(nlp, words_dir, linker_json=None):
    words = spacy.load(words_dir)
    if "words_tagger" not in nlp.pipe_names:
        nlp.add_pipe("words_tagger", source=words, before="pdcnlp_linker")
        nlp.add_pipe("pdcnlp_words", source=words, before="pdcnlp_linker")
    if linker_json is not None:
        nlp.get_pipe("pdcnlp_linker").model = LinkModel.from_dict(
            json.loads(Path(linker_json).read_text(encoding="utf-8")))
    return nlp


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="pdcnlp/model")
    ap.add_argument("--words", default="training/work/words")
    ap.add_argument("--linker", default=None)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    nlp = add_words(spacy.load(args.model), args.words, args.linker)
    nlp.to_disk(args.out)
    print(f"saved {args.out}: {nlp.pipe_names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
