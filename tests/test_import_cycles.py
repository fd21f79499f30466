"""No import circle among tracker's modules, nor among ui's, nor through both; and the
storage layer at the bottom.

Every import counts, at module level or inside a function: a function-local import
hides a circle from Python's start-up but not from a reader. Only the block under
``if __name__ == "__main__":`` is left out: it runs as the script ``__main__``, never as
the module itself, so it cannot close a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRACKER = ROOT / "tracker"
UI = ROOT / "ui"
# What tracker/store/ may import from the rest of tracker: leaves that import nothing above.
STORE_MAY_IMPORT = {
    "tracker.errors",
    "tracker.oserrors",
    "tracker.safe_write",
    "tracker.shipped",
    "tracker.text",
}


def _modules(*packages: Path) -> dict[str, Path]:
    out = {}
    for package in packages:
        for path in package.rglob("*.py"):
            parts = list(path.relative_to(package.parent).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = path
    return out


def _is_main_block(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Compare)
        and isinstance(node.test.left, ast.Name)
        and node.test.left.id == "__name__"
    )


def _walk(tree: ast.AST) -> list[ast.AST]:
    out: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        out.append(node)
        todo.extend(c for c in ast.iter_child_nodes(node) if not _is_main_block(c))
    return out


def import_graph(*packages: Path) -> dict[str, set[str]]:
    """Each module of ``packages`` (tracker/ by default) → the modules of ``packages`` it
    imports anywhere in its body."""
    mods = _modules(*(packages or (TRACKER,)))

    def resolve(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        deps: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in _walk(tree):
            if isinstance(node, ast.Import):
                deps.update(r for a in node.names if (r := resolve(a.name)))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    pkg = name.split(".")[: -node.level + (1 if path.name == "__init__.py" else 0)]
                    base = ".".join(pkg + ([node.module] if node.module else []))
                for a in node.names:
                    full = f"{base}.{a.name}"
                    r = full if full in mods else resolve(base)
                    if r:
                        deps.add(r)
        deps.discard(name)
        graph[name] = deps
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_circle_in_tracker() -> None:
    """No two tracker modules import each other, directly or through others."""
    assert circles(import_graph()) == []


def test_no_import_circle_in_ui() -> None:
    """No two ui modules import each other, directly or through others."""
    assert circles(import_graph(UI)) == []


def test_no_import_circle_through_ui_and_tracker() -> None:
    """Nor a circle that passes through both packages (ui → tracker → … → ui)."""
    graph = import_graph(TRACKER, UI)
    assert circles(graph) == []
    assert "tracker.services" in graph["ui.undo_commands"]  # the graph spans both


def test_store_imports_nothing_above_it() -> None:
    """tracker/store/ imports only itself and a few leaf modules: never seeding,
    services, queries, exchange or anything else built on top of it."""
    offenders = sorted(
        f"{name} → {dep}"
        for name, deps in import_graph().items()
        if name.startswith("tracker.store")
        for dep in deps
        if not dep.startswith("tracker.store") and dep not in STORE_MAY_IMPORT
    )
    assert offenders == []


def test_store_leaves_import_nothing_of_tracker_above_them() -> None:
    """The leaves the storage layer may use import no tracker module outside the leaves."""
    graph = import_graph()
    for leaf in STORE_MAY_IMPORT:
        assert graph[leaf] <= STORE_MAY_IMPORT, leaf


def test_circle_finder_finds_a_circle() -> None:
    """The finder is not vacuous: a made-up circle of three is found, a chain is not."""
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
    graph = import_graph()
    assert "tracker.store.models" in graph["tracker.store.migrations"]
    assert "ui.main_window" in import_graph(UI)["ui.app"]
