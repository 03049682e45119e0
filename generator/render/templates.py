"""The Jinja2 environment for page skeletons; values arrive already escaped as Markdown."""

from __future__ import annotations

from functools import cache

import jinja2


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=False,  # output is Markdown; escaping is done by generator.render.text
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(name: str, context: dict, verbatim: dict[str, str] | None = None) -> str:
    """Render, then normalise blank lines; each `verbatim` value replaces its placeholder
    `placeholder(key)` afterwards, untouched (the original keeps its exact blank lines).
    Placeholders contain NUL, which no source text can (the reader rejects it)."""
    text = environment().get_template(name).render(**context)
    # One blank line between blocks, one newline at the end: stable, diff-friendly output.
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if line.strip() == "" and out and out[-1] == "":
            continue
        out.append(line.rstrip())
    result = "\n".join(out).strip("\n") + "\n"
    for key, value in (verbatim or {}).items():
        result = result.replace(placeholder(key), value)
    return result


def placeholder(key: str) -> str:
    return f"\x00{key}\x00"
