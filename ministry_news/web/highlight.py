"""Text split at character offsets into plain segments, some of them marked.

Crawled text is untrusted, so it is never turned into markup here: templates print every
segment escaped and wrap the marked ones in <mark> themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    mark: int | None = None  # the index of the span that marks it, None for plain text
    kind: str | None = None


def segments(
    text: str, spans: Iterable[tuple[int, int, str | None]]
) -> tuple[list[Segment], set[int]]:
    """The text cut at the spans (start, end, kind), and the indexes of the spans marked.

    A span outside the text is not marked; where spans overlap, the earlier (then the longer)
    one is marked and the other left to the list beside the text.
    """
    ordered = sorted(
        (
            (start, end, i, kind)
            for i, (start, end, kind) in enumerate(spans)
            if 0 <= start < end <= len(text)
        ),
        key=lambda s: (s[0], -s[1], s[2]),
    )
    out: list[Segment] = []
    marked: set[int] = set()
    pos = 0
    for start, end, i, kind in ordered:
        if start < pos:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], i, kind))
        marked.add(i)
        pos = end
    if pos < len(text) or not out:
        out.append(Segment(text[pos:]))
    return out, marked
