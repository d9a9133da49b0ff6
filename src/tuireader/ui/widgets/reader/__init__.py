"""The reading pane: :class:`~.article_reader.ArticleReader` (the article drawn line by line,
scrolled, selected, searched) and its parts (layout, wrap, draw, style, geometry, keys,
select, aids), and :class:`~.pane.ReaderPane`, which holds the reader with its find bar and
note strip."""
