"""Quasi-identifiers told in a post's own words, from deid's learned tagger.

Rules catch what can be listed. An event or a trait told in a clause ("was
first on scene at the bus rollover"), or a workplace or a job in a post's
own words, cannot all be. deid ships a small spaCy tagger (``deid/learned``,
trained by ``tools/train_tagger.py`` on the annotated dev drafts) that marks
each token of those categories with a tag; it runs in the same pipeline as
the entity recognizer, with its own tok2vec, so it works with any English
pipeline.

Options (in the rule's ``options``):

``tag``
    the tagger's tag for this rule's category (``DIST``); a run of tokens
    with it on one line is one result. The findings step cuts it around
    other categories' findings and trims the function words at its edges
    (:func:`deid.findings.build_findings`).
``min_words``
    the fewest words other than function words (lexicon
    ``function_words``) a run needs (default 1): a lone tagged word
    ("dropped out", "found her") is more often noise than an event.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from deid.recognizers.base import RuleRecognizer

#: The trained tagger (a spaCy pipeline with one component), and the tag of every other token.
MODEL_DIR = Path(__file__).resolve().parent.parent / "learned"
NO_TAG = "O"
#: Its name in deid's pipeline.
COMPONENT = "deid_learned"


def add_learned_tagger(nlp: Language) -> None:
    """Add the trained tagger to ``nlp`` (its tags go to ``Token.tag_``)."""
    nlp.add_pipe("tagger", name=COMPONENT, source=spacy.load(MODEL_DIR))


class LearnedRecognizer(RuleRecognizer):
    """Runs of tokens the learned tagger gave this rule's tag."""

    def __init__(self, tag: str, min_words: int = 1, **kw: Any):
        super().__init__(**kw)
        self.tag = tag
        self.min_words = min_words
        self.function_words = self.terms(["@function_words"])

    def spans(self, doc: Doc) -> list[tuple[int, int, float]]:
        """Each run of tagged tokens on one line (the findings step trims its edge words)."""
        out = []
        for tagged, group in groupby(doc, key=lambda t: t.tag_ == self.tag and not t.is_space):
            run = list(group) if tagged else []
            if run and sum(t.lower_ not in self.function_words and not t.is_punct for t in run) >= self.min_words:
                out.append((run[0].idx, run[-1].idx + len(run[-1]), self.score))
        return out
