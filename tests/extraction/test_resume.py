"""Resume is safe at any kill point: identical rows, one header, no
duplicates, the errors log written once; two runs on one output refused."""
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pdcnlp import extraction as ex
from pdcnlp.cli import EXIT_INTERRUPTED, EXIT_OUTPUT, EXIT_USAGE, main
from pdcnlp.extraction import run as run_module
from pdcnlp.extraction.writers import OutputLock, output_paths
from conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("resume") / "in"
    d.mkdir()
    paras = []
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, d / p.name)
        paras += [line for line in p.read_text(encoding="utf-8").split("\n") if len(line) > 40]
    with open(d / "many.jsonl", "w", encoding="utf-8") as f:
        for i, para in enumerate(paras[:14]):
            f.write(json.dumps({"text": para, "n": i}, ensure_ascii=False) + "\n")
        f.write("{not json\n")
    (d / "empty.txt").write_bytes(b"")
    return d


def _bytes(path):
    return Path(path).read_bytes()


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref") / "o.csv"
    ex.extract_to_files([str(corpus)], out, progress=False, chunk_records=3)
    return out


def _kill_after(monkeypatch, k, garbage=None, table=None):
    """Make the next run die after ``k`` finished tasks, with ``garbage``
    appended to ``table`` first (a write cut by the kill)."""
    real = run_module.run_tasks

    def killed(tasks, *args, **kwargs):
        for i, res in enumerate(real(tasks, *args, **kwargs)):
            if i == k:
                if garbage is not None:
                    with open(table, "ab") as f:
                        f.write(garbage)
                raise KeyboardInterrupt
            yield res

    monkeypatch.setattr(run_module, "run_tasks", killed)


CUT = "good/000.txt,x,,body,儀隴".encode()[:-1]    # a row cut in the middle of a character


@pytest.mark.parametrize("k,where", [(0, "measurements"), (3, "entities"), (6, "measurements"),
                                     (8, "errors"), (-1, "measurements")])
def test_kill_then_resume_gives_the_uninterrupted_tables(corpus, reference, tmp_path, monkeypatch, k, where):
    # tasks: 6 .txt files, then many.jsonl in 5 chunks of 3 records:
    # k=0 before the first file, k=6/8 mid-.jsonl, k=-1 during the last write
    n_tasks = len([1 for _ in run_module.plan([str(corpus)], chunk_records=3)[0] if hasattr(_, "key")])
    k = n_tasks - 1 if k == -1 else k
    out = tmp_path / "o.csv"
    paths = output_paths(out, "csv")
    _kill_after(monkeypatch, k, CUT, paths[where])
    with pytest.raises(KeyboardInterrupt):
        ex.extract_to_files([str(corpus)], out, progress=False, chunk_records=3)
    monkeypatch.undo()
    s = ex.extract_to_files([str(corpus)], out, progress=False, chunk_records=3, resume=True)
    assert s.tasks_skipped_as_done == k
    ref = output_paths(reference, "csv")
    for key in ("measurements", "entities", "errors"):
        assert _bytes(paths[key]) == _bytes(ref[key]), key
    assert _bytes(paths["measurements"]).count(b"doc_id,path,record") == 1
    done_s = json.loads(paths["summary"].read_text())
    ref_s = json.loads(ref["summary"].read_text())
    for key in ("documents", "chars", "measurements", "entities", "skipped", "reasons"):
        assert done_s[key] == ref_s[key], key


def test_resume_twice_and_resume_of_a_finished_run_change_nothing(corpus, reference, tmp_path):
    out = tmp_path / "o.csv"
    shutil.copy(reference, out)
    for key in ("entities", "errors", "done"):
        shutil.copy(output_paths(reference, "csv")[key], output_paths(out, "csv")[key])
    for _ in range(2):
        s = ex.extract_to_files([str(corpus)], out, progress=False, chunk_records=3, resume=True)
        assert s.tasks_skipped_as_done == s.tasks and _bytes(out) == _bytes(reference)


def test_parquet_resume_drops_parts_of_unfinished_tasks(corpus, tmp_path, monkeypatch):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    full = tmp_path / "full.parquet"
    ex.extract_to_files([str(corpus)], full, progress=False, chunk_records=3)
    out = tmp_path / "o.parquet"
    _kill_after(monkeypatch, 4, b"PAR1 cut", out / "part-999999.parquet")
    with pytest.raises(KeyboardInterrupt):
        ex.extract_to_files([str(corpus)], out, progress=False, chunk_records=3)
    monkeypatch.undo()
    ex.extract_to_files([str(corpus)], out, progress=False, chunk_records=3, resume=True)
    a, b = pd.read_parquet(out), pd.read_parquet(full)
    assert a.equals(b) and len(a) > 50


def test_excel_csv_keeps_one_bom_across_resume(corpus, tmp_path, monkeypatch):
    out = tmp_path / "o.csv"
    _kill_after(monkeypatch, 2)
    with pytest.raises(KeyboardInterrupt):
        ex.extract_to_files([str(corpus)], out, progress=False, bom=True)
    monkeypatch.undo()
    ex.extract_to_files([str(corpus)], out, progress=False, bom=True, resume=True)
    data = _bytes(out)
    assert data.startswith(b"\xef\xbb\xbfdoc_id,") and data.count(b"\xef\xbb\xbf") == 1


def test_a_second_run_on_the_same_output_is_refused(corpus, tmp_path, capsys):
    out = tmp_path / "o.csv"
    with OutputLock(output_paths(out, "csv")["lock"], out):
        assert main(["extract", str(corpus), "-o", str(out), "-q"]) == EXIT_USAGE
        assert main(["extract", str(corpus), "-o", str(out), "-q", "--resume"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "another pdcnlp extract" in err and "Traceback" not in err
    assert not out.exists()


def test_a_finished_run_removes_its_lock_and_a_second_run_is_free(corpus, tmp_path):
    out = tmp_path / "o.csv"
    lock = output_paths(out, "csv")["lock"]
    ex.extract_to_files([str(corpus)], out, progress=False)
    assert out.exists() and not lock.exists()
    with OutputLock(lock, out):
        assert lock.read_text().strip() == str(os.getpid())
    assert not lock.exists()


def test_a_lock_taken_on_a_file_another_run_just_removed_is_taken_again(tmp_path, monkeypatch):
    out = tmp_path / "o.csv"
    lock = output_paths(out, "csv")["lock"]
    real = OutputLock._lock_once
    calls = {"n": 0}

    def racing(self):
        real(self)
        calls["n"] += 1
        if calls["n"] == 1:
            os.unlink(self.path)      # the run that held it ended between our open and our check

    monkeypatch.setattr(OutputLock, "_lock_once", racing)
    with OutputLock(lock, out):
        assert calls["n"] == 2 and lock.exists()
        monkeypatch.undo()
        with pytest.raises(ex.UsageError, match="another pdcnlp extract"):
            with OutputLock(lock, out):
                pass


def test_disk_full_is_exit_5_with_a_summary_and_resumable(corpus, reference, tmp_path, monkeypatch, capsys):
    from pdcnlp.extraction import writers

    real = writers.TableWriter.write
    calls = {"n": 0}

    def full(self, rows):
        calls["n"] += 1
        if calls["n"] == 5:
            with open(self.path, "ab") as f:
                f.write(CUT)                 # part of the write got out
            raise OSError(28, "No space left on device")
        return real(self, rows)

    out = tmp_path / "o.csv"
    monkeypatch.setattr(writers.TableWriter, "write", full)
    assert main(["extract", str(corpus), "-o", str(out), "-q"]) == EXIT_OUTPUT
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert "No space left" in err and "--resume" in err and "Traceback" not in err
    assert json.loads(output_paths(out, "csv")["summary"].read_text())["status"] == "output error"
    assert main(["extract", str(corpus), "-o", str(out), "-q", "--resume"]) != EXIT_OUTPUT
    # the default chunking differs from the reference's: compare rows, not bytes
    with open(out, encoding="utf-8") as a, open(reference, encoding="utf-8") as b:
        assert list(csv.reader(a)) == list(csv.reader(b))


def _cli(args, **kw):
    return subprocess.Popen([sys.executable, "-m", "pdcnlp.cli", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def _wait_done_lines(done: Path, n: int, proc, timeout=120):
    t0 = time.time()
    while time.time() - t0 < timeout:
        if done.exists() and done.read_bytes().count(b"\n") >= n:
            return
        if proc.poll() is not None:
            pytest.fail(f"run ended before {n} tasks: {proc.stderr.read()}")
        time.sleep(0.05)
    pytest.fail("timeout")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_real_kill_then_resume(corpus, reference, tmp_path, sig):
    out = tmp_path / "o.csv"
    done = output_paths(out, "csv")["done"]
    args = ["extract", str(corpus), "-o", str(out), "-q"]
    proc = _cli(args)
    _wait_done_lines(done, 3, proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == EXIT_INTERRUPTED, err
        assert "--resume" in err and "Traceback" not in err
    else:
        assert proc.returncode == -signal.SIGKILL
    proc = _cli(args + ["--resume"])
    _, err = proc.communicate(timeout=300)
    assert proc.returncode in (0, 3), err
    with open(out, encoding="utf-8") as a, open(reference, encoding="utf-8") as b:
        assert list(csv.reader(a)) == list(csv.reader(b))


def test_resume_cuts_the_record_ranges_of_the_first_run(corpus, reference, tmp_path, monkeypatch):
    # killed mid-.jsonl with ranges of 3 records; resumed with the default
    # (16): the done-log's ranges must win, or finished records are redone
    out = tmp_path / "o.csv"
    _kill_after(monkeypatch, 8, CUT, out)
    with pytest.raises(KeyboardInterrupt):
        ex.extract_to_files([str(corpus)], out, progress=False, chunk_records=3)
    monkeypatch.undo()
    s = ex.extract_to_files([str(corpus)], out, progress=False, resume=True)
    assert s.tasks_skipped_as_done == 8
    assert _bytes(out) == _bytes(reference)


def test_resume_keeps_the_first_runs_min_confidence(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], src / "a.txt")
    out = tmp_path / "o.csv"
    first = ex.extract_to_files([str(src)], out, progress=False, min_confidence=0.9)
    assert first.min_confidence == 0.9 and first.entities_dropped > 0
    with pytest.raises(ex.UsageError, match="min-confidence"):
        ex.extract_to_files([str(src)], out, resume=True, progress=False, min_confidence=0.5)
    again = ex.extract_to_files([str(src)], out, resume=True, progress=False, min_confidence=0.9)
    assert again.tasks_skipped_as_done == again.tasks and again.entities_dropped == first.entities_dropped
