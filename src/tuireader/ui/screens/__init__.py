"""The screens: the library screen (``main.MainScreen``, made of controllers and widgets)
and the modal ones it pushes: library search, bookmarks, note editor, open URL, help,
stats, notice, problems, article info."""
