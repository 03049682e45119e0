"""The one base error: a problem the editor must fix before the archive can be built.

Raised only for input that makes a whole build meaningless (the settings, a data file,
a path the writer must refuse); a bad document is a diagnostic, never an exception. The
CLI and the MkDocs hook catch `ArkivError` and print each problem as
`file:line: error: message`.
"""

from __future__ import annotations

from typing import Iterable


class ArkivError(Exception):
    """One or more problems, each `where: message` with `where` = `file` or `file:line`."""

    def __init__(self, problems: str | Iterable[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))

    def lines(self) -> list[str]:
        """`file:line: error: message` for each problem."""
        result = []
        for problem in self.problems:
            where, separator, message = problem.partition(": ")
            result.append(f"{where}: error: {message}" if separator else f"error: {problem}")
        return result
