"""Figures of each gate, collected by the tests and printed at the end of the run."""

from __future__ import annotations

SUMMARY: dict[str, str] = {}  # gate -> one line
