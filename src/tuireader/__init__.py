"""tuireader: a terminal reader for libraries of local article files."""

__version__ = "0.1.0"
