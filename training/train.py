"""Build the shipped pipeline: one command that runs the training workflow.

    python -m training.train                     # fine-tune, dev score, linker, package: pdcnlp/model
    python -m training.train --loo               # also leave-one-document-out scores (training/LOO_SEEDS.md)
    python -m training.train --rebuild-base ../shared/data   # first rebuild the base model from public data
    python -m training.train --output /tmp/m --epochs 2      # quick run elsewhere (tests use this)

The steps and their order are ``project.yml`` (run by weasel, spaCy's
workflow tool: ``python -m weasel run all`` does the same); each step is a
command of :mod:`training.steps` and every setting is in
``training/configs`` (see project.yml). A build into any directory but
``pdcnlp/model`` gets a local version label and is never recorded in
``training/model_versions.json``.

Deterministic for a given seed on one machine: spaCy's seed is fixed
(``[system] seed``) and its loop shuffles with it.
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ROOT / "training" / "configs"
log = logging.getLogger("training")


def run_workflow(workflow: str, overrides: dict) -> None:
    from weasel.cli.run import project_run

    project_run(ROOT, workflow, overrides={f"vars.{k}": v for k, v in overrides.items()}, force=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--config", default="training/configs/finetune.cfg")
    ap.add_argument("--output", default="pdcnlp/model", help="where to save the pipeline")
    ap.add_argument("--epochs", type=int, default=0, help="override training.max_epochs (quick runs)")
    ap.add_argument("--words-steps", type=int, default=0, help="override the word tagger's steps (quick runs)")
    ap.add_argument("--work", default=None, help="intermediate outputs (default: a temporary folder "
                    "unless the output is the shipped pipeline, then training/work)")
    ap.add_argument("--loo", action="store_true", help="also score leave-one-document-out (training/LOO_SEEDS.md)")
    ap.add_argument("--rebuild-base", metavar="DATA_DIR", help="rebuild the base model from ../shared/data first")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")

    output = Path(args.output).resolve()
    shipped = output == (ROOT / "pdcnlp" / "model").resolve()
    work = args.work or ("training/work" if shipped else tempfile.mkdtemp(prefix="pdcnlp-work-"))
    variables = {"config": str(Path(args.config).resolve()), "output": str(output), "work": str(Path(work).resolve()),
                 "epochs": args.epochs, "words_steps": args.words_steps}
    if args.rebuild_base:
        variables["data"] = str(Path(args.rebuild_base).resolve())
    if not args.rebuild_base and not (ROOT / "training" / "base_model" / "config.cfg").exists():
        print("no base model at training/base_model: run with --rebuild-base ../shared/data", file=sys.stderr)
        return 2
    run_workflow("rebuild" if args.rebuild_base else "all", variables)
    if shipped:
        from training.results import main as write_results

        write_results(["--work", str(Path(work).resolve()), "--config", variables["config"]])
    if args.loo:
        run_workflow("loo", variables)
    return 0


if __name__ == "__main__":
    sys.exit(main())
