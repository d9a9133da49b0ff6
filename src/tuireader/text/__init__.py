"""Text rules shared by every part: sanitizing, CJK-aware wrapping (kinsoku), search folding, dates."""
