"""The files of a library: walking, keys, decoding, one parser per format, the loader and
the article model.

Entry points (import them from their modules; this ``__init__`` imports nothing, because
the parsers and lxml take a few hundred ms to import (``python -X importtime``) and
most callers need only the walk or the model):

- :func:`tuireader.library.loader.load_article` — one file to an
  :class:`~tuireader.library.model.Article` (blocks + :class:`~tuireader.library.model.ArticleMeta`),
  raising :class:`~tuireader.library.loader.ArticleError`; ``fingerprint`` for bookmarks.
- :mod:`tuireader.library.walk` — ``walk_library`` / ``walk_folders``: the article files of
  a folder tree (links, hidden folders and never-read paths decided once).
- :mod:`tuireader.library.keys` — a file's catalog key and section from its path.
- :mod:`tuireader.library.files` — ``read_limited``: bounded, non-blocking reads.
- :mod:`tuireader.library.encoding` — bytes to text (BOM, UTF-8, GB18030/GBK, Big5, detector).
- :mod:`tuireader.library.formats` — one parser per format (plain, Markdown, HTML, EPUB).
"""
