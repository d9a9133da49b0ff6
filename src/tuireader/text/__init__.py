"""Rules shared by every part: sanitizing, CJK-aware wrapping (kinsoku), search folding,
dates, the one JSON writer, file kinds in words.

Leaf modules with no imports from the rest of tuireader, imported from their modules
(``text.sanitize.sanitize_text``, ``text.wrap``, ``text.fold.fold_with_patch``,
``text.dates``, ``text.json_out``, ``text.filekind``, ``text.kinsoku``, ``text.script``,
``text.ruby``); this ``__init__`` imports nothing, so a caller pays for what it uses.
"""
