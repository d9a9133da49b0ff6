"""Text handling shared by every part: decoding, sanitizing, folding and wrapping."""
