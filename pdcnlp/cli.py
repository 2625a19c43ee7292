"""The ``pdcnlp`` command.

    pdcnlp extract seeds/ -o entities.csv

Exit codes (``pdcnlp extract``): 0 all inputs processed; 2 bad usage (one
line says what to change; also a second run on the same output); 3
finished, but some inputs were skipped (each logged with its reason in
OUT.errors.jsonl); 4 nothing could be read; 5 an output could not be
written (disk full, no permission: the tables keep every finished input and
``--resume`` continues); 130 interrupted (Ctrl-C: ``--resume`` continues).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import shlex
import sys
from pathlib import Path
from typing import List, Optional

log = logging.getLogger("pdcnlp")

EXIT_OK, EXIT_USAGE, EXIT_SKIPPED, EXIT_NOTHING, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 2, 3, 4, 5, 130

def _cmd_extract(args: argparse.Namespace) -> int:
    from .extraction import OutputError, UsageError, extract_to_files, output_paths

    if args.n_process < 1:
        return _usage("extract", "--n-process must be 1 or more")
    if args.records_per_task < 1:
        return _usage("extract", "--records-per-task must be 1 or more")
    if args.max_doc_bytes < 0:
        return _usage("extract", "--max-doc-bytes must be 0 (no cap) or more")
    if args.min_confidence is not None and not 0.0 <= args.min_confidence <= 1.0:
        return _usage("extract", "--min-confidence must be between 0 and 1")
    keep = None
    if args.keep_fields is not None:
        keep = [f.strip() for f in args.keep_fields.split(",") if f.strip()]
    if args.quiet:
        logging.getLogger().setLevel(logging.WARNING)
    try:
        summary = extract_to_files(
            args.paths, args.output, fmt=args.format, text_field=args.text_field, n_process=args.n_process,
            dask=args.dask, resume=args.resume, model=args.model, progress=not args.quiet,
            suffixes=args.suffix, id_field=args.id_field, keep_fields=keep, max_bytes=args.max_doc_bytes,
            bom=args.excel, chunk_records=args.records_per_task, min_confidence=args.min_confidence,
        )
    except UsageError as e:
        return _usage("extract", str(e))
    except OutputError as e:
        print(f"pdcnlp extract: output error: {e.strerror or e}; the tables hold every finished input "
              f"(run again with --resume once there is space or permission)", file=sys.stderr)
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        again = shlex.join(["pdcnlp", *(sys.argv[1:] if args.argv is None else args.argv)])
        if "--resume" not in again:
            again += " --resume"
        print(f"pdcnlp extract: interrupted; finished inputs are kept in {args.output}. To continue: {again}",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    paths = output_paths(args.output, args.format or Path(args.output).suffix.lstrip(".").lower() or "csv")
    r = ", ".join(f"{n} {k}" for k, n in summary.reasons.items())
    print(f"pdcnlp extract: {summary.documents} documents ({summary.chars:,} chars) from {summary.files} files"
          f"{f' ({summary.tasks_skipped_as_done} of {summary.tasks} tasks already done)' if summary.tasks_skipped_as_done else ''}, "
          f"{summary.measurements} measurements -> {paths['measurements']}, {summary.entities} entities -> "
          f"{paths['entities']}; {summary.skipped} skipped{f' ({r})' if r else ''}, {summary.ignored} ignored, "
          f"{summary.salvaged} salvaged (see {paths['errors']})"
          f"{f'; {summary.entities_dropped} entities under --min-confidence left out' if summary.min_confidence is not None else ''}"
          f"; {summary.seconds}s",
          file=sys.stderr)
    if summary.documents == 0:
        return EXIT_NOTHING
    return EXIT_SKIPPED if summary.skipped else EXIT_OK


def _usage(command: str, message: str) -> int:
    print(f"pdcnlp {command}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _cmd_display(args: argparse.Namespace) -> int:
    from .display import render
    from .pipeline import load
    from .io import UnreadableFile, read

    try:
        art = read(args.file)
    except (UnreadableFile, OSError) as e:
        log.error("cannot read %s: %s", args.file, e)
        return EXIT_NOTHING
    nlp = load(args.model) if args.model else load()
    doc = nlp(art.text)
    Path(args.output).write_text(render(doc, title=art.title or art.doc_id, page=True), encoding="utf-8")
    print(f"pdcnlp display: {len(doc.ents)} entities, {len(doc._.measurements)} measurements -> {args.output}",
          file=sys.stderr)
    return EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    from .pipeline import load
    from .review import analyse, review_html

    nlp = load(args.model) if args.model else load()
    documents, notes = analyse(args.inputs, nlp=nlp, max_docs=args.max_docs, text_field=args.text_field)
    for n in notes:
        log.warning("%s", n)
    if not documents:
        log.error("nothing could be read from %s", " ".join(args.inputs))
        return EXIT_NOTHING
    Path(args.output).write_text(review_html(documents, notes), encoding="utf-8")
    n_ms = sum(len(p.doc._.measurements) for d in documents for p in d.parts)
    print(f"pdcnlp review: {len(documents)} document(s), {n_ms} measurements -> {args.output}", file=sys.stderr)
    return EXIT_SKIPPED if any(n.startswith("skipped") for n in notes) else EXIT_OK


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
    from .corpus.dataset import load_records
    from .corpus.scoring import format_rows, format_table, predict, score, score_by
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
    if args.split != "all":
        from .corpus.splits import load_splits, split_records

        if not args.splits:
            print("pdcnlp evaluate: --split needs a split file (--splits corpus/splits.json)", file=sys.stderr)
            return EXIT_USAGE
        records = split_records(records, load_splits(args.splits), default="train")[args.split]
    if not records:
        print(f"pdcnlp evaluate: no records to score in {args.gold} (split {args.split})", file=sys.stderr)
        return EXIT_USAGE
    nlp = load(args.model) if args.model else load()
    training = _training_share(records, nlp.meta, args.splits)
    if training:
        print(f"pdcnlp evaluate: caveat: {training} of {len(records)} sentences come from documents the pipeline "
              "was trained on (its meta.json lists them: the seed articles and the pages of the corpus's train "
              "split), so these are training scores, not what to expect on new reports; held-out scores are "
              "in training/RESULTS.md (test split)", file=sys.stderr)
    predicted = predict(nlp, records)
    scores = score(records, predicted)
    by = {key: score_by(records, predicted, key) for key in (args.by.split(",") if args.by else [])}
    if args.json:
        print(json.dumps({**scores, "by": by} if by else scores, ensure_ascii=False))
    else:
        print(format_table(scores))
        for key, rows in by.items():
            print()
            print(format_rows(rows, key))
    return EXIT_OK


def _training_share(records, meta: dict, splits_path=None) -> int:
    """How many records come from documents the pipeline was trained on:
    those its meta.json lists (``pdcnlp.trained.training_sources``), and
    pages of the train split when a split file is given."""
    from .corpus.splits import load_splits

    trained = set((meta.get("pdcnlp", {}).get("trained", {}) or {}).get("training_sources", []))
    if splits_path and os.path.exists(splits_path):
        trained |= {p for p, s in load_splits(splits_path).items() if s == "train"}
    return sum(1 for r in records if str(r.get("source")) in trained)


def _cmd_convert(args: argparse.Namespace) -> int:
    from .corpus.interchange import read_annotations, write_annotations
    from .corpus.validate import validate_records

    for path in (args.input, args.output):
        if os.path.splitext(path)[1] not in (".jsonl", ".json", ".spacy"):
            print(f"pdcnlp convert: {path}: use .jsonl (ours), .json (Label Studio) or .spacy (DocBin)",
                  file=sys.stderr)
            return EXIT_USAGE
    propose = None
    if not args.no_propose:
        from .corpus.readings import propose_reading as propose
    try:
        records = read_annotations(args.input, propose)
    except (ValueError, KeyError, json.JSONDecodeError) as e:
        print(f"pdcnlp convert: {args.input}: {e}", file=sys.stderr)
        return EXIT_USAGE
    problems = validate_records(records)
    for p in problems[:20]:
        print(p, file=sys.stderr)
    if problems:
        print(f"pdcnlp convert: {len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    write_annotations(records, args.output)
    proposed = sum(int(r.get("readings_proposed", 0)) for r in records)
    print(f"pdcnlp convert: {len(records)} records -> {args.output}"
          + (f"; {proposed} readings proposed by the parser: check them by hand" if proposed else ""),
          file=sys.stderr)
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line saying what to do (exit 2)."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    from .about import __version__

    parser = _Parser(prog="pdcnlp", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="version", version=f"pdcnlp {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    ex = sub.add_parser("extract", help="measurements and entities from files, folders or globs into tables")
    ex.add_argument("paths", nargs="+", help="files, folders (searched recursively) or glob patterns "
                    "of .txt, .html/.htm/.shtml and .jsonl")
    ex.add_argument("-o", "--output", default="pdcnlp_measurements.csv",
                    help="measurements table (.csv, .jsonl or .parquet); beside it: STEM.entities.FORMAT, "
                         "OUT.errors.jsonl, OUT.done, OUT.summary.json, OUT.lock")
    ex.add_argument("--format", choices=["csv", "jsonl", "parquet"], help="default: from the output suffix")
    ex.add_argument("--text-field", default="text", help="field holding the text in .jsonl inputs")
    ex.add_argument("--id-field", default=None,
                    help=".jsonl field holding the document id (default: FILE:RECORD, FILE relative to the "
                         "input folder, RECORD the line number)")
    ex.add_argument("--keep-fields", default=None, metavar="A,B,...",
                    help=".jsonl fields to keep as columns (default: every field)")
    ex.add_argument("--max-doc-bytes", type=int, default=50 * 1024 * 1024, metavar="N",
                    help="skip (and log) a file or .jsonl record over N bytes (default 50 MiB; 0: no cap)")
    ex.add_argument("--records-per-task", type=int, default=16, metavar="N",
                    help=".jsonl records per unit of work: what workers share and what --resume redoes at "
                         "most after a kill (default 16; 1 resumes at the exact record)")
    ex.add_argument("--min-confidence", type=float, default=None, metavar="P",
                    help="leave out the model's entities with a confidence under P (0-1) from the entities "
                         "table and sentence_orgs/sentence_programmes; rule entities (no confidence) stay "
                         "(docs/confidence.md); the count left out goes into OUT.summary.json")
    ex.add_argument("--excel", "--bom", dest="excel", action="store_true",
                    help="CSV with a UTF-8 byte-order mark, so Excel on Windows shows the Chinese")
    ex.add_argument("--n-process", type=int, default=1, help="worker processes (one model load each)")
    ex.add_argument("--dask", nargs="?", const="local", default=None, metavar="ADDRESS",
                    help="run on Dask distributed: a scheduler address (tcp://host:8786), or nothing "
                         "for a LocalCluster of 2 worker processes")
    ex.add_argument("--resume", action="store_true",
                    help="continue a killed or interrupted run: keep what it finished, redo the rest")
    ex.add_argument("--model", help="a saved pipeline directory instead of the installed one")
    ex.add_argument("--suffix", action="append", default=None,
                    help="file suffix to take from folders (repeatable; default: every registered format, "
                         ".txt .html .htm .shtml .xhtml .jsonl)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar, warnings only (Dask's too)")
    ex.set_defaults(func=_cmd_extract)

    di = sub.add_parser("display", help="an HTML page of one file's entities and quantity→target links")
    di.add_argument("file")
    di.add_argument("-o", "--output", default="pdcnlp_display.html")
    di.add_argument("--model", help="a saved pipeline directory instead of the installed one")
    di.set_defaults(func=_cmd_display)

    rv = sub.add_parser("review", help="one self-contained HTML page to check a document's (or a small "
                        "folder's) entities, quantity readings and what each quantity measures")
    rv.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or globs (as for extract)")
    rv.add_argument("-o", "--output", default="review.html")
    rv.add_argument("--max-docs", type=int, default=20, help="show at most this many documents (default 20)")
    rv.add_argument("--text-field", default="text", help="field holding the text in .jsonl inputs")
    rv.add_argument("--model", help="a saved pipeline directory instead of the installed one")
    rv.set_defaults(func=_cmd_review)

    va = sub.add_parser("validate", help="check annotation JSONL files against ANNOTATION.md's format")
    va.add_argument("files", nargs="+")
    va.set_defaults(func=_cmd_validate)

    ev = sub.add_parser("evaluate", help="score the installed pipeline on an annotated JSONL file (scores on "
                        "corpus/seeds.jsonl are training scores: the pipeline was fine-tuned on it)")
    ev.add_argument("gold", help="annotated JSONL (ANNOTATION.md format)")
    ev.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    ev.add_argument("--model", help="a saved pipeline directory instead of the installed one")
    ev.add_argument("--split", choices=["all", "train", "dev", "test"], default="all",
                    help="score only the pages of one split (needs --splits)")
    ev.add_argument("--splits", default=None, help="split file (corpus/splits.json); also used to say when "
                    "the scored sentences are training data")
    ev.add_argument("--by", default=None, help="comma-separated record fields to break scores down by, "
                    "e.g. campaign_group,script")
    ev.set_defaults(func=_cmd_evaluate)

    co = sub.add_parser("convert", help="convert annotations between our JSONL, Label Studio JSON and spaCy "
                        "DocBin (.jsonl / .json / .spacy, by suffix)")
    co.add_argument("input")
    co.add_argument("output")
    co.add_argument("--no-propose", action="store_true", help="fail on a QUANTITY without a reading instead "
                    "of proposing one with the parser")
    co.set_defaults(func=_cmd_convert)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = argv
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("fontTools").setLevel(logging.WARNING)   # its subsetter logs every glyph at INFO
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
