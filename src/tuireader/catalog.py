"""The catalog: a throw-away SQLite index of one library (CONTRACT STUB, to be built).

Planned public API (the UI codes against this; keep it):

    class Catalog:
        Catalog(db_path: Path, root: Path)            # opens / creates catalog.db
        scan(progress: Callable[[int, int], None] | None = None) -> ScanReport
            # walks root, parses new/changed files, removes vanished ones;
            # unchanged files (same size + mtime_ns) are only stat'ed.
        attach_state(state_db: Path) -> None
            # ATTACH the user's state.db AS st, so listings can show read/bookmark marks
            # (tables st.article_state(fingerprint, read, ...) and st.bookmarks(fingerprint, ...)).
        section_tree() -> SectionNode                 # root "All articles", counts rolled up
        count(section: tuple[str, ...] = (), unread_only: bool = False) -> int
        rows(section=(), offset=0, limit=50, sort="date", unread_only=False) -> list[ArticleRow]
        row(article_id: int) -> ArticleRow | None
        neighbour(article_id, section, sort, step: int, unread_only=False) -> ArticleRow | None
        load(article_id: int) -> Article              # the full article (blocks)
        problems() -> list[FileProblem]
        close()

    ArticleRow: id, path, title, sections, date, source, author, format, encoding,
                fingerprint, warnings, read: bool, bookmarked: bool
    SectionNode: name, path (tuple), total, unread, children (list[SectionNode])
"""
