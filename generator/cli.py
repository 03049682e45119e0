"""`arkiv`: build, generate, serve and check the archive.

Exit codes (also in the README):
    0  no problems (or only warnings without --strict)
    1  warnings, with --strict
    2  errors: a document could not be read or built, or the settings are invalid
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.config import ConfigError, load_settings
from generator.model import Diagnostics

EXIT_OK, EXIT_WARNINGS, EXIT_ERRORS = 0, 1, 2
SKIP_GENERATE = "ARKIV_SKIP_GENERATE"  # set by `arkiv build`, read by the MkDocs hook


def _print_diagnostics(diagnostics: Diagnostics) -> None:
    for diagnostic in sorted(diagnostics.items, key=lambda d: (d.file, d.line or 0, d.level, d.message)):
        print(diagnostic, file=sys.stderr)


def _summary(read: int, built: int, skipped: int, diagnostics: Diagnostics) -> str:
    return (f"{read} dokument lästa, {built} byggda, {skipped} hoppades över, "
            f"{diagnostics.count('warning')} varningar, {diagnostics.count('error')} fel")


def _exit_code(diagnostics: Diagnostics, strict: bool) -> int:
    if diagnostics.count("error"):
        return EXIT_ERRORS
    if strict and diagnostics.count("warning"):
        return EXIT_WARNINGS
    return EXIT_OK


def cmd_generate(root: Path, strict: bool) -> int:
    from generator.build import generate

    result = generate(root)
    _print_diagnostics(result.diagnostics)
    print(_summary(result.read, len(result.corpus.pages), result.skipped, result.diagnostics))
    print(f"docs/: {len(result.report.written)} filer skrivna, {len(result.report.unchanged)} oförändrade, "
          f"{len(result.report.removed)} borttagna")
    return _exit_code(result.diagnostics, strict)


def cmd_check(root: Path, strict: bool) -> int:
    from generator.build import parse_all
    from generator.registers import load_registers
    from generator.resolve import resolve

    settings = load_settings(root)
    diagnostics = Diagnostics()
    documents, read, skipped = parse_all(settings, diagnostics)
    resolve(documents, settings.source_dir, diagnostics, load_registers(), settings.people)
    _print_diagnostics(diagnostics)
    print(_summary(read, len(documents), skipped, diagnostics))
    return _exit_code(diagnostics, strict)


def cmd_build(root: Path, strict: bool) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    code = cmd_generate(root, strict)
    if code == EXIT_ERRORS and strict:
        return code
    os.environ[SKIP_GENERATE] = "1"
    try:
        config = load_config(str(root / "mkdocs.yml"), strict=True)
        build(config)
    except MkDocsException as error:
        print(f"mkdocs.yml: error: {error}", file=sys.stderr)
        return EXIT_ERRORS
    finally:
        os.environ.pop(SKIP_GENERATE, None)
    print(f"Webbplatsen är byggd: {root / 'site' / 'index.html'}")
    return code


def cmd_serve(root: Path, strict: bool, address: str) -> int:
    from mkdocs.commands.serve import serve

    serve(config_file=str(root / "mkdocs.yml"), dev_addr=address)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="arkiv", description="Nätverksarkivet: bygg arkivets webbplats ur source/.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="projektmappen (med mkdocs.yml och source/)")
    parser.add_argument("--strict", action="store_true", help="varningar ger slutkod 1")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="generera docs/ och bygg webbplatsen i site/")
    sub.add_parser("generate", help="generera bara docs/")
    serve = sub.add_parser("serve", help="förhandsgranska med automatisk omladdning")
    serve.add_argument("--address", default="127.0.0.1:8000")
    sub.add_parser("check", help="granska källorna och skriv ut problem (fil:rad: nivå: meddelande)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        if args.command == "build":
            return cmd_build(root, args.strict)
        if args.command == "generate":
            return cmd_generate(root, args.strict)
        if args.command == "serve":
            return cmd_serve(root, args.strict, args.address)
        return cmd_check(root, args.strict)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return EXIT_ERRORS


if __name__ == "__main__":
    raise SystemExit(main())
