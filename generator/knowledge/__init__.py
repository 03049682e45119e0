"""Knowledge: the data files an editor can extend, loaded and validated once.

Takes: `generator/data/` (registers, vocabularies, alias lists). Gives: one `Knowledge`
value passed down to parse and resolve; a bad file raises `KnowledgeError` naming file,
line and key.
"""
