"""Imports point one way: wenming → bench → search → home → volunteers → goodpeople → news → core.

Read with `ast`, never imported, so the check sees imports inside functions too: an app may
import its own modules and the apps after it in that order, and no modules import each other
in a circle, directly or through others.
"""

import ast
import re
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

ORDER = ["wenming", "bench", "search", "home", "volunteers", "goodpeople", "news", "core"]


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules(root: Path) -> dict[str, Path]:
    """Every Python module of the project's apps, by dotted name; migrations aside."""
    modules = {}
    for app in ORDER:
        for path in (root / app).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path, root)] = path
    return modules


def imported(tree: ast.Module, name: str, is_package: bool) -> list[tuple[str, int, bool]]:
    """(module, line, inside a function) for each import in the tree, relative ones resolved."""
    found = []
    package = name if is_package else name.rpartition(".")[0]
    functions = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        nested = id(node) in functions
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, nested) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.append((base, node.lineno, nested))
            found += [(f"{base}.{alias.name}", node.lineno, nested) for alias in node.names]
    return found


def import_graph(root: Path) -> tuple[dict[str, set[str]], list[str]]:
    """Edges between the project's modules, and every import against the order."""
    modules = project_modules(root)
    edges: dict[str, set[str]] = {name: set() for name in modules}
    wrong = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for target, line, nested in imported(tree, name, path.name == "__init__.py"):
            if target not in modules or target == name:
                continue
            edges[name].add(target)
            source_app, target_app = name.split(".")[0], target.split(".")[0]
            where = f"{path.relative_to(root)}:{line} imports {target}"
            if ORDER.index(target_app) < ORDER.index(source_app):
                wrong.append(f"{where}: {source_app} may not import {target_app}")
            if nested and source_app != target_app:
                wrong.append(f"{where} inside a function")
    return edges, wrong


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


class ImportOrderTests(SimpleTestCase):
    root = Path(settings.BASE_DIR)

    def test_every_import_points_down_the_order(self):
        _, wrong = import_graph(self.root)
        self.assertEqual(wrong, [])

    def test_no_modules_import_each_other_in_a_circle(self):
        edges, _ = import_graph(self.root)
        self.assertEqual(circles(edges), [])

    def test_no_app_names_an_app_above_it_even_as_a_string(self):
        """Page types name each other as "app.Model" strings (parent and subpage types): those
        point down the order too, so news never names goodpeople, nor goodpeople volunteers."""
        wrong = []
        for name, path in project_modules(self.root).items():
            app = name.split(".")[0]
            if "tests" in name.split("."):
                continue
            for above in ORDER[: ORDER.index(app)]:
                if above in ("wenming", "bench", "search"):
                    continue  # ordinary words ("search") and the project's own name
                if re.search(rf"""["']{above}\.[A-Z]""", path.read_text(encoding="utf-8")):
                    wrong.append(f"{name} names {above}")
        self.assertEqual(wrong, [])

    def test_the_check_finds_an_arrow_back_up_and_a_circle(self):
        edges = {"news.models": {"news.feeds"}, "news.feeds": {"news.models"}, "core.a": set()}
        self.assertEqual(circles(edges), [["news.feeds", "news.models"]])
        tree = ast.parse("def f():\n    from goodpeople.models import Station\n")
        self.assertEqual(imported(tree, "news.views", False)[0], ("goodpeople.models", 2, True))
