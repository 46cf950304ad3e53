"""The layers of docs/architecture.md hold: an app imports only itself and the layers below."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Bottom first. An app may import apps of lower layers, never one of its own layer or above.
LAYERS = [
    ["portal"],
    ["accounts", "languages"],
    ["centre"],
    ["fields", "news"],
    ["organisations"],
    ["networks", "counselling"],
    ["ki_portal"],
]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}


def imported_apps(path: Path) -> set[str]:
    """The portal's own top-level packages a module imports, also inside functions."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & RANK.keys()


def upward_imports() -> list[str]:
    found = []
    for app, rank in RANK.items():
        for path in sorted((ROOT / app).rglob("*.py")):
            for other in imported_apps(path) - {app}:
                if RANK[other] >= rank:
                    found.append(f"{path.relative_to(ROOT)} imports {other}")
    return found


def test_every_app_of_the_project_has_a_layer():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")}
    assert packages - {"tests", "bench"} == RANK.keys()


def test_no_app_imports_its_own_layer_or_one_above():
    assert upward_imports() == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from networks.models import Network\n", {"networks"}),
        ("import fields.models\n", {"fields"}),
        ("def f():\n    from ki_portal import views\n", {"ki_portal"}),
        ("from django.db import models\nfrom . import forms\n", set()),
    ],
)
def test_imports_are_found_where_python_would_run_them(tmp_path, source, expected):
    module = tmp_path / "module.py"
    module.write_text(source)

    assert imported_apps(module) == expected
