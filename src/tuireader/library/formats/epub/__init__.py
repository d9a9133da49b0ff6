"""EPUB books: a bounded reader of the zip container, the OPF package, the TOC, chapters.

One ``.epub`` file is a book of several articles (one per spine document). Read with the
standard library's ``zipfile`` and lxml, never extracted to disk, every member read with a
byte limit (see :mod:`.container`).
"""
