"""Facts about the package's shape that a reviewer would otherwise check by
hand (issue 12): no import cycle, no module over ~400 lines, one definition
of the label set, offsets converted in one module."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "pdcnlp"
MAX_LINES = 400


def _modules():
    """{module name: path} of every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, modules) -> set:
    """pdcnlp modules that ``name`` imports anywhere in its code (function-level
    imports included: a lazy import hides a cycle, it does not remove it)."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[:len(here) - node.level + 1] if node.level else []
            mod = ".".join(base + (node.module.split(".") if node.module else []))
            # a name that is a submodule is that module; any other name comes from ``mod``
            targets = [f"{mod}.{a.name}" if f"{mod}.{a.name}" in modules else mod for a in node.names]
        else:
            continue
        found.update(t for t in targets if t in modules and t != name)
    return found


def import_graph():
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def find_cycle(graph):
    """One import cycle as a list of modules, or None."""
    state, stack = {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(graph[n]):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state:
                found = visit(m)
                if found:
                    return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state:
            found = visit(n)
            if found:
                return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_import_graph_sees_relative_imports():
    graph = import_graph()
    assert "pdcnlp.schema" in graph["pdcnlp.text.clean_view"]
    assert "pdcnlp.text.clean_view" in graph["pdcnlp.quantities.component"]
    assert "pdcnlp.lexicon" in graph["pdcnlp.linking.features"]


def test_no_import_cycle():
    assert find_cycle(import_graph()) is None


def test_schema_imports_nothing_from_pdcnlp():
    assert import_graph()["pdcnlp.schema"] == set()


def test_entities_and_linking_share_helpers_without_importing_each_other():
    graph = import_graph()
    for name, deps in graph.items():
        if name.startswith("pdcnlp.entities"):
            assert not any(d.startswith("pdcnlp.linking") for d in deps), name
        if name.startswith("pdcnlp.linking"):
            assert not any(d.startswith("pdcnlp.entities") for d in deps), name


def test_no_module_over_400_lines():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in _modules().items()}
    assert max(sizes.values()) <= MAX_LINES, {n: s for n, s in sizes.items() if s > MAX_LINES}


def _label_collections(path: Path):
    """Tuple/list/set literals naming two or more entity labels."""
    labels = {"ORG", "GPE", "PROGRAMME", "QUANTITY"}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            names = {e.value for e in node.elts if isinstance(e, ast.Constant)} & labels
            if len(names) >= 2:
                yield node.lineno
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(r"ORG\|GPE", node.value):
            yield node.lineno


def test_the_label_set_is_defined_once():
    found = {str(p.relative_to(ROOT)): list(_label_collections(p))
             for p in list(PACKAGE.rglob("*.py")) + list((ROOT / "training").rglob("*.py"))}
    found = {p: lines for p, lines in found.items() if lines}
    assert list(found) == ["pdcnlp/schema.py"], found


OFFSET_FUNCTION = re.compile(r"offset|to_original|to_clean|token_span|token_starts|token_at|trim")


def test_offsets_are_converted_in_one_module():
    """Every function that converts between original, clean and token
    offsets is defined in text/clean_view.py, and only it (and the
    tokenizer that builds the view) reads token NORMs to make clean text."""
    owners = {}
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and OFFSET_FUNCTION.search(node.name):
                owners.setdefault(name, []).append(node.name)
    # NormalizedText delegates its offset methods to the view module's OffsetMap
    assert set(owners) <= {"pdcnlp.text.clean_view", "pdcnlp.text.normalize"}, owners
    normalize_src = (PACKAGE / "text" / "normalize.py").read_text(encoding="utf-8")
    assert "import bisect" not in normalize_src and "from bisect" not in normalize_src
    for name, path in _modules().items():
        if name in ("pdcnlp.text.clean_view", "pdcnlp.text.tokenizer"):
            continue
        assert ".norm_ for" not in path.read_text(encoding="utf-8"), name
