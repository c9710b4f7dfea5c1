"""The few recognizers that need code.

Each is a Presidio ``EntityRecognizer`` built from one rule in ``rules/``;
its words and thresholds come from the rule's ``options`` and lexicons.
"""

from __future__ import annotations

from deid.recognizers.base import (
    DigitGatedPhoneRecognizer, OfflineEmailRecognizer, PublicSuffixRecognizer, RulePatternRecognizer, RuleRecognizer,
)
from deid.recognizers.learned import LearnedRecognizer
from deid.recognizers.names import ContextNameRecognizer, FirstNamePatternRecognizer
from deid.recognizers.ner import NerRecognizer
from deid.recognizers.places import GazetteerRecognizer, MetroPatternRecognizer
from deid.recognizers.signature import SignatureRecognizer

#: Presidio recognizer classes (``kind: predefined``) replaced by safer subclasses
PREDEFINED_REPLACEMENTS: dict[str, type] = {
    "EmailRecognizer": OfflineEmailRecognizer,  # no network
    "PhoneRecognizer": DigitGatedPhoneRecognizer,  # not run on text with too few digits
}

#: pattern rule ``options: {check: NAME}`` -> the recognizer class that checks its matches
CHECKED_PATTERNS: dict[str, type] = {
    "public_suffix": PublicSuffixRecognizer,
    "first_name": FirstNamePatternRecognizer,
    "metro": MetroPatternRecognizer,
}

#: rule ``kind`` -> recognizer class
CODE_RECOGNIZERS: dict[str, type[RuleRecognizer]] = {
    "ner": NerRecognizer,
    "learned": LearnedRecognizer,
    "context_name": ContextNameRecognizer,
    "gazetteer": GazetteerRecognizer,
    "signature": SignatureRecognizer,
}

__all__ = [
    "CHECKED_PATTERNS", "CODE_RECOGNIZERS", "OfflineEmailRecognizer", "PREDEFINED_REPLACEMENTS", "RulePatternRecognizer",
    "RuleRecognizer",
]
