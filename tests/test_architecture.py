"""The stages import each other only in the direction the data flows.

    read -> parse -> resolve -> render -> write

`model/` (value types) and `knowledge/` (data files) lie beneath the stages; the small
shared modules at the top of the package (slugs, collation, names, display, workers, ...) beneath
those. The rules, checked on every import statement of the package (also imports inside
functions):
- no stage imports a later stage;
- parse never imports resolve or render;
- render never imports knowledge, parse or resolve: it formats what resolve decided;
- nothing imports render but the build (the pipeline's one place that calls every stage);
- model imports no stage and no knowledge; knowledge imports no stage.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

from tests.helpers import ROOT

STAGES = ("read", "parse", "resolve", "render", "write")
FOUNDATIONS = ("model", "knowledge")
SHARED = ("slugs", "collation", "names", "display", "yamlio", "workers", "collector")
ENTRY_POINTS = ("build", "cli", "mkdocs_hook", "__main__", "__init__")


def _part(module: str) -> str:
    """`generator.parse.minutes` -> `parse`; `generator.slugs` -> `slugs`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports(package: Path) -> dict[str, set[str]]:
    """Module name -> every `generator.*` module it imports."""
    found: dict[str, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent).with_suffix("")
        module = ".".join(relative.parts).removesuffix(".__init__")
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "generator":
                    names.update(f"generator.{alias.name}" for alias in node.names)
                elif node.module.startswith("generator."):
                    names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names if alias.name.startswith("generator."))
        found[module] = names
    return found


def violations(package: Path) -> list[str]:
    problems = []
    for module, imported in imports(package).items():
        source = _part(module)
        for target_module in sorted(imported):
            target = _part(target_module)
            if target == source:
                continue
            why = None
            if source in STAGES and target in STAGES and STAGES.index(target) > STAGES.index(source):
                why = "a stage imports a later stage"
            elif target == "render" and source != "build":
                why = "only the build imports render"
            elif source == "render" and target in ("knowledge", "parse", "resolve"):
                why = "render formats what resolve decided; it imports no knowledge, parsing or identity code"
            elif source == "model" and (target in STAGES or target == "knowledge" or target in ENTRY_POINTS):
                why = "model imports no stage and no knowledge"
            elif source == "knowledge" and (target in STAGES or target in ENTRY_POINTS):
                why = "knowledge imports no stage"
            elif source in SHARED and target not in ("model", *SHARED):
                why = "a shared module imports only the model and other shared modules"
            elif source in STAGES and target in ENTRY_POINTS:
                why = "a stage does not import the pipeline or the command line"
            if why:
                problems.append(f"{module} imports {target_module}: {why}")
    return problems


def test_every_stage_imports_only_earlier_stages_and_the_foundations():
    assert violations(ROOT / "generator") == []


def test_every_part_of_the_package_is_known():
    parts = {_part(module) for module in imports(ROOT / "generator")} - {""}
    assert parts <= {*STAGES, *FOUNDATIONS, *SHARED, *ENTRY_POINTS, "data", "templates"}


def test_a_planted_import_breaks_a_rule(tmp_path):
    package = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    parser = package / "parse" / "classify.py"
    parser.write_text(parser.read_text(encoding="utf-8") + "\n\ndef _late():\n"
                      "    from generator.resolve import resolve  # planted\n    return resolve\n",
                      encoding="utf-8")
    renderer = package / "render" / "text.py"
    renderer.write_text(renderer.read_text(encoding="utf-8") + "\nfrom generator.knowledge import Knowledge\n",
                        encoding="utf-8")
    found = violations(package)
    assert "generator.parse.classify imports generator.resolve: a stage imports a later stage" in found
    assert any(p.startswith("generator.render.text imports generator.knowledge: render formats") for p in found)
    assert len(found) == 2
