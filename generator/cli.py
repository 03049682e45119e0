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
import time
from pathlib import Path

from generator.model.errors import ArkivError
from generator.model import Diagnostics

EXIT_OK, EXIT_WARNINGS, EXIT_ERRORS = 0, 1, 2
SKIP_GENERATE = "ARKIV_SKIP_GENERATE"  # set by `arkiv build`, read by the MkDocs hook


def _print_diagnostics(diagnostics: Diagnostics, verbose: bool = True) -> None:
    """Every problem as `file:line: level: message`. Without `verbose`, infos are only
    counted: in a large archive they are thousands of lines that would bury the one error."""
    shown = [d for d in diagnostics.items if verbose or d.level != "info"]
    for diagnostic in sorted(shown, key=lambda d: (d.file, d.line or 0, d.level, d.message)):
        print(diagnostic, file=sys.stderr)
    hidden = len(diagnostics.items) - len(shown)
    if hidden:  # on stdout with the summary: stderr carries only `file:line: level: message`
        print(f"{hidden} upplysningar (info) visas inte; se dem med `arkiv check` eller --verbose")


def _summary(read: int, built: int, skipped: int, diagnostics: Diagnostics) -> str:
    return (f"{read} dokument lästa, {built} byggda, {skipped} hoppades över, "
            f"{diagnostics.count('warning')} varningar, {diagnostics.count('error')} fel")


def _exit_code(diagnostics: Diagnostics, strict: bool) -> int:
    if diagnostics.count("error"):
        return EXIT_ERRORS
    if strict and diagnostics.count("warning"):
        return EXIT_WARNINGS
    return EXIT_OK


def cmd_generate(root: Path, strict: bool, verbose: bool = False) -> int:
    from generator.build import generate

    with _progress_bar() as progress:
        result = generate(root, progress)
    _print_diagnostics(result.diagnostics, verbose)
    print(_summary(result.read, result.documents, result.skipped, result.diagnostics))
    print(f"docs/: {len(result.report.written)} filer skrivna, {len(result.report.unchanged)} oförändrade, "
          f"{len(result.report.removed)} borttagna")
    return _exit_code(result.diagnostics, strict)


def cmd_check(root: Path, strict: bool) -> int:
    from generator.build import check

    with _progress_bar() as progress:
        diagnostics, read, built, skipped = check(root, progress)
    _print_diagnostics(diagnostics)
    print(_summary(read, built, skipped, diagnostics))
    return _exit_code(diagnostics, strict)


def cmd_build(root: Path, strict: bool, verbose: bool = False) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    code = cmd_generate(root, strict, verbose)
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


def _progress_bar():
    """A progress bar on stderr when it is a terminal (quiet in CI, pipes and files)."""
    import contextlib

    if not sys.stderr.isatty() or os.environ.get("CI"):
        return contextlib.nullcontext(lambda stage, done, total: None)
    return _RichProgress()


class _RichProgress:
    """Draws the generator's (stage, done, total) reports; only runs worth watching show."""

    def __enter__(self):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        # Drawn from the build's own thread (no refresh thread), so that the build may fork
        # worker processes (generator.workers).
        self._bar = Progress(TextColumn("{task.description:<14}"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), console=Console(stderr=True), transient=True,
                             auto_refresh=False)
        self._bar.__enter__()
        self._tasks: dict[str, int] = {}
        self._drawn = 0.0
        return self.report

    def report(self, stage: str, done: int, total: int) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(stage, total=total)
        self._bar.update(self._tasks[stage], completed=done, total=total)
        now = time.monotonic()
        if now - self._drawn >= 0.1 or done == total:
            self._bar.refresh()
            self._drawn = now

    def __exit__(self, *exc) -> None:
        self._bar.__exit__(*exc)


def _parser() -> argparse.ArgumentParser:
    # The global options are accepted before and after the command (`arkiv --strict check`
    # and `arkiv check --strict`); SUPPRESS keeps a subcommand from resetting what was
    # given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=argparse.SUPPRESS,
                        help="projektmappen (med mkdocs.yml och source/)")
    common.add_argument("--strict", action="store_true", default=argparse.SUPPRESS,
                        help="varningar ger slutkod 1")
    common.add_argument("--verbose", "-v", action="store_true", default=argparse.SUPPRESS,
                        help="visa alla upplysningar (info), inte bara deras antal")
    parser = argparse.ArgumentParser(prog="arkiv", parents=[common],
                                     description="Nätverksarkivet: bygg arkivets webbplats ur source/.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", parents=[common], help="generera docs/ och bygg webbplatsen i site/")
    sub.add_parser("generate", parents=[common], help="generera bara docs/")
    serve = sub.add_parser("serve", parents=[common], help="förhandsgranska med automatisk omladdning")
    serve.add_argument("--address", default="127.0.0.1:8000")
    sub.add_parser("check", parents=[common],
                   help="granska källorna och skriv ut alla problem (fil:rad: nivå: meddelande)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    root = getattr(args, "root", Path.cwd()).resolve()
    strict, verbose = getattr(args, "strict", False), getattr(args, "verbose", False)
    try:
        if args.command == "build":
            return cmd_build(root, strict, verbose)
        if args.command == "generate":
            return cmd_generate(root, strict, verbose)
        if args.command == "serve":
            return cmd_serve(root, strict, args.address)
        return cmd_check(root, strict)
    except ArkivError as error:  # settings, a data file, a path the writer refused: no traceback
        for line in error.lines():
            print(line, file=sys.stderr)
        return EXIT_ERRORS


if __name__ == "__main__":
    raise SystemExit(main())
