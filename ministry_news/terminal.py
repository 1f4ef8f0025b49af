"""Crawled text as a terminal shows it: a title, a percent-decoded URL or a site's error text
may hold control characters and escape sequences (ESC[2J, OSC titles, bidi overrides) that
would clear, recolour, retitle or reorder the screen; they are shown escaped instead."""

from __future__ import annotations

import re

# C0 and C1 controls and DEL, line/paragraph separators, and the bidi embeddings, overrides
# and isolates that reorder what follows them on screen.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def shown(text: object) -> str:
    """`text` safe to print: every control character as its Python escape (ESC as \\x1b)."""
    return _UNSAFE.sub(_escaped, str(text))
