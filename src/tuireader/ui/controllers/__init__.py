"""The library screen's parts: plain objects the screen holds and calls down to.

Each controller owns one concern of :class:`~tuireader.ui.screens.main.MainScreen` and
its state: reading and positions (:mod:`reading`), read marks (:mod:`read_marks`), find
in the article (:mod:`find`), the library search and its index (:mod:`searching`),
saved searches listed like sections (:mod:`saved_searches`), bookmarks and notes
(:mod:`bookmarks`, :mod:`notes`), scanning and watching the folder (:mod:`scanning`,
:mod:`watching`), source URLs (:mod:`url`) and the reading aids (:mod:`aids`). They
reach the screen only through the typed :class:`~tuireader.ui.controllers.host.MainHost`
protocol, never import a screen, and never push one: the screen shows the dialogs.
Workers they start post :mod:`tuireader.ui.messages` back to the screen.
"""
