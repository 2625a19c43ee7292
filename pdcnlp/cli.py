"""The ``pdcnlp`` command.

    pdcnlp extract seeds/ -o entities.csv

Exit codes: 0 all inputs processed; 2 bad usage; 3 finished, but some
inputs were skipped (each logged with its reason); 4 nothing could be read.
"""
from __future__ import annotations

import argparse
import csv
import logging
import sys
from pathlib import Path
from typing import List, Optional

log = logging.getLogger("pdcnlp")

EXIT_OK, EXIT_USAGE, EXIT_SKIPPED, EXIT_NOTHING = 0, 2, 3, 4


def _cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import load
    from .reader import UnreadableFile, read
    from .rows import ENTITY_COLUMNS, entity_rows
    from .sources import iter_paths

    paths = list(iter_paths(args.paths, suffixes=args.suffix))
    if not paths:
        log.error("no input files found")
        return EXIT_NOTHING
    nlp = load()
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output != "-" else sys.stdout
    writer = csv.DictWriter(out, fieldnames=ENTITY_COLUMNS)
    writer.writeheader()
    n_rows = n_docs = 0
    skipped: List[str] = []

    def articles():
        for p in paths:
            try:
                art = read(p)
            except (UnreadableFile, OSError) as e:
                log.warning("skipped %s: %s", p, e)
                skipped.append(str(p))
                continue
            parts = art.parts()
            if not parts:
                log.warning("skipped %s: no text", p)
                skipped.append(str(p))
                continue
            for name, start, end in parts:
                yield art.text[start:end], (art, name, start, name == parts[-1][0])

    progress = _progress(len(paths), args.quiet)
    for doc, (art, part, base, last) in nlp.pipe(articles(), as_tuples=True, batch_size=16):
        for row in entity_rows(doc, art.doc_id, art.path or "", base=base, part=part):
            writer.writerow(row)
            n_rows += 1
        if last:
            n_docs += 1
            progress.update(1)
    progress.close()
    if out is not sys.stdout:
        out.close()
    print(f"pdcnlp extract: {n_docs} documents, {n_rows} entity rows, {len(skipped)} skipped"
          + (f" -> {args.output}" if args.output != "-" else ""), file=sys.stderr)
    if n_docs == 0:
        return EXIT_NOTHING
    return EXIT_SKIPPED if skipped else EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from .corpus.validate import validate_file

    problems = []
    for path in args.files:
        problems += [f"{path}: {p}" for p in validate_file(path)]
    for p in problems:
        print(p)
    print(f"pdcnlp validate: {len(problems)} problem(s) in {len(args.files)} file(s)", file=sys.stderr)
    return 1 if problems else EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    import json

    from .corpus.dataset import load_records
    from .corpus.scoring import format_table, predict, score
    from .corpus.validate import validate_file
    from .pipeline import load

    problems = validate_file(args.gold)
    if problems:
        for p in problems[:20]:
            print(p, file=sys.stderr)
        print(f"pdcnlp evaluate: {args.gold} is not valid ({len(problems)} problems); see pdcnlp validate",
              file=sys.stderr)
        return 1
    records = load_records(args.gold)
    nlp = load(args.model) if args.model else load()
    scores = score(records, predict(nlp, records))
    if args.json:
        print(json.dumps(scores, ensure_ascii=False))
    else:
        print(format_table(scores))
    return EXIT_OK


def _progress(total: int, quiet: bool):
    try:
        from tqdm import tqdm

        return tqdm(total=total, unit="doc", disable=quiet or None, file=sys.stderr)
    except ImportError:  # pragma: no cover
        class _Null:
            def update(self, n): ...
            def close(self): ...
        return _Null()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pdcnlp", description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="entities from files, folders or globs into a CSV table")
    ex.add_argument("paths", nargs="+", help="files, folders (searched recursively) or glob patterns")
    ex.add_argument("-o", "--output", default="-", help="output CSV path ('-' for stdout)")
    ex.add_argument("--suffix", action="append", default=None,
                    help="file suffix to take from folders (repeatable; default .txt)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.set_defaults(func=_cmd_extract)

    va = sub.add_parser("validate", help="check annotation JSONL files against ANNOTATION.md's format")
    va.add_argument("files", nargs="+")
    va.set_defaults(func=_cmd_validate)

    ev = sub.add_parser("evaluate", help="score the installed pipeline on an annotated JSONL file")
    ev.add_argument("gold", help="annotated JSONL (ANNOTATION.md format)")
    ev.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    ev.add_argument("--model", help="a saved pipeline directory instead of the installed one")
    ev.set_defaults(func=_cmd_evaluate)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    if getattr(args, "suffix", None) is None and args.command == "extract":
        args.suffix = [".txt"]
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
