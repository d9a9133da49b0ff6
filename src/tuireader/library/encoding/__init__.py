"""Bytes to text: BOMs, UTF-8 (also damaged), GB18030/GBK vs Big5, a detector, and replacement."""
