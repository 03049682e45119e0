"""Render: the resolved `Corpus` -> Markdown pages, feeds and the export, as bytes.

Takes: the frozen, indexed corpus. Gives: a mapping of docs/-relative paths to file
contents. Render only formats what resolve decided: it looks nothing up in the knowledge
files and decides no identity. All source text is escaped in `render/text.py`.
"""
