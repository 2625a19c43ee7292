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
import logging
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
            bom=args.excel, chunk_records=args.records_per_task,
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
          f"{summary.salvaged} salvaged (see {paths['errors']}); {summary.seconds}s",
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
    args.argv = argv
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
