"""Thai visit extraction: pure functions from a post's text to facts with character offsets.

Nothing here does I/O beyond reading the data files shipped beside the code; `nlp` imports none
of the project's other packages, so the pipeline can be re-run over stored posts at any time.
"""

import os

# Every corpus the pipeline reads ships with PyThaiNLP; offline mode makes a missing one fail
# loudly instead of downloading it at run time.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

from nlp.facts import Extraction, Fact, Visit  # noqa: E402

__all__ = ["Extraction", "Fact", "Visit", "extract", "PIPELINE_VERSION"]


def __getattr__(name: str):  # lazy: importing nlp must not load PyThaiNLP's corpora
    if name in ("extract", "PIPELINE_VERSION"):
        from nlp import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
