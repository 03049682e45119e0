"""Read: the source folder -> decoded `SourceFile`s and the editor's `Settings`.

Takes: `source/` (documents, `arkiv.yml`). Gives: one `SourceFile` per readable document
(text decoded, newlines normalised, front matter split off, hidden people's names
replaced), and diagnostics for what could not be read.
"""
