"""Rules shared by every part: sanitizing, CJK-aware wrapping (kinsoku), search folding, dates, the one JSON writer, file kinds in words."""
