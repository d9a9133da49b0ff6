"""The files of a library: walking, keys, decoding, one parser per format, the loader and the article model."""
