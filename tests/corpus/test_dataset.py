import pytest

from pdcnlp.corpus.dataset import DEV_DOCUMENTS, as_datasets, document_folds, documents, load_records, train_dev_split
from conftest import ROOT

CORPUS = ROOT / "corpus" / "seeds.jsonl"


@pytest.fixture(scope="module")
def records():
    return load_records(CORPUS)


def test_every_seed_sentence_is_in_the_corpus(records):
    from pdcnlp.text.sentences import sentence_spans

    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mine = [r for r in records if r["source"] == path.name]
        assert [r["text"] for r in mine] == [text[s:e] for s, e in sentence_spans(text)]
        assert all(text[r["offset"]:r["offset"] + len(r["text"])] == r["text"] for r in mine)


def test_fixed_split_keeps_documents_whole(records):
    train, dev = train_dev_split(records)
    assert {r["source"] for r in dev} == set(DEV_DOCUMENTS)
    assert not {r["source"] for r in train} & set(DEV_DOCUMENTS)
    assert len(train) + len(dev) == len(records)


def test_leave_one_document_out(records):
    folds = list(document_folds(records))
    assert [d for d, _, _ in folds] == documents(records) and len(folds) == 5
    for doc, train, test in folds:
        assert {r["source"] for r in test} == {doc}
        assert doc not in {r["source"] for r in train}
        assert len(train) + len(test) == len(records)


def test_datasets_loads_offline():
    pytest.importorskip("datasets")
    dd = as_datasets(CORPUS)
    assert set(dd) == {"train", "dev"}
    assert set(dd["dev"]["source"]) == set(DEV_DOCUMENTS)
    fold = as_datasets(CORPUS, fold="003_7274896f8d90830a.txt")
    assert set(fold["test"]["source"]) == {"003_7274896f8d90830a.txt"}
