"""The Textual user interface. The only package allowed to import textual."""
