"""Small helpers shared by the tests."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

from generator.read.config import Settings
from generator.model import Diagnostics, Document, SourceFile
from generator.parse import parse_document
from generator.read.sources import read_source
from generator.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
SEEDS = {
    "2023": "000_c7c2070243727e9a.txt",
    "2022": "001_11036b6c82fde00d.txt",
    "2021": "002_c362ad140e95039c.txt",
    "agreement": "003_59e58a48d8f72bd0.txt",
    "article": "004_9c724100ee0c9759.txt",
}
SETTINGS = Settings(root=ROOT, default_network="AME-chefsnätverket")
KNOWLEDGE = load_knowledge()  # the default data files, read once for the whole test session
REGISTERS = KNOWLEDGE.registers


def parse_seed(key: str) -> tuple[Document, Diagnostics]:
    diagnostics = Diagnostics()
    source = read_source(SOURCE / SEEDS[key], SOURCE, diagnostics)
    assert source is not None
    return parse_document(source, SETTINGS, KNOWLEDGE, diagnostics), diagnostics


def source_from_text(text: str, name: str = "test.txt") -> SourceFile:
    text = textwrap.dedent(text).lstrip("\n")
    return SourceFile(path=Path(name), name=name, raw=text, body=text, meta={})


def parse_text(text: str) -> tuple[Document, Diagnostics]:
    diagnostics = Diagnostics()
    return parse_document(source_from_text(text), SETTINGS, KNOWLEDGE, diagnostics), diagnostics


def synthetic_archive():
    """scripts/synthetic_archive.py as a module (scripts/ is no package)."""
    name = "synthetic_archive"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "synthetic_archive.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]

