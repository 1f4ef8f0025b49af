"""The interface's words, Thai first and English as a choice (`?lang=en`): one table, so a
label is said the same way on every page."""

from __future__ import annotations

LANG = "lang"  # the URL parameter; anything but "en" is Thai
