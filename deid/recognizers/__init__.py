"""The few recognizers that need code.

Each is a Presidio ``EntityRecognizer`` built from one rule in ``rules/``;
its words and thresholds come from the rule's ``options`` and lexicons.
"""

from __future__ import annotations

from deid.recognizers.base import AnchoredUrlRecognizer, OfflineEmailRecognizer, RuleRecognizer
from deid.recognizers.names import ContextNameRecognizer
from deid.recognizers.ner import NerRecognizer
from deid.recognizers.places import GazetteerRecognizer
from deid.recognizers.signature import SignatureRecognizer

#: Presidio recognizer classes (``kind: predefined``) replaced by safer subclasses
PREDEFINED_REPLACEMENTS: dict[str, type] = {
    "EmailRecognizer": OfflineEmailRecognizer,  # no network
    "UrlRecognizer": AnchoredUrlRecognizer,  # no slow backtracking
}

#: rule ``kind`` -> recognizer class
CODE_RECOGNIZERS: dict[str, type[RuleRecognizer]] = {
    "ner": NerRecognizer,
    "context_name": ContextNameRecognizer,
    "gazetteer": GazetteerRecognizer,
    "signature": SignatureRecognizer,
}

__all__ = ["CODE_RECOGNIZERS", "OfflineEmailRecognizer", "PREDEFINED_REPLACEMENTS", "RuleRecognizer"]
