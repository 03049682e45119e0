"""Write: rendered files -> docs/, safely; the built site's search worker patched.

Takes: a mapping of docs/-relative paths to bytes. Gives: docs/ updated atomically, only
where bytes changed, never over a hand-written page, with a manifest of what it owns.
"""
