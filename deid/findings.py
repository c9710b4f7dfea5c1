"""From Presidio results to findings: one per identifier, positioned.

Results fall in three groups by label: identifier categories (findings),
referral essentials (keep spans) and the poster's own details (zones in
which nothing is the client's). Identifier results are trimmed to the
identifier itself, dropped when they fall in a poster zone (or, for weak
rules, inside a referral essential; or, for rules that only count beside
another category, when the draft has none of it), and overlapping ones are merged into
one finding with the most specific category (a specific rule's category
before a statistical model's guess).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

import regex

from deid.generalise import parse_age
from deid.rules import POSTER, Rule, RuleSet, SEVERITIES

#: What is trimmed from the edges of an identifier span.
_LEAD = regex.compile(r"^(?:[\s\p{P}--[@+(#]]+|(?:the(?!\s+(?:\d|(?:day|night|week|weekend|morning|evening)\b))|a|an|my|her|his|their|our)\s+)+", regex.I | regex.V1)
#: A first word followed by more words ("Mrs Margaret Lindsay"), for titles (lexicon ``titles``).
_TITLE = regex.compile(r"(\p{L}+)\.?[ \t]+(?=\p{L})")
#: "the" right before a span, as a date's own first word.
_THE_BEFORE = regex.compile(r"(?<!\w)the[ \t]+$", regex.I)
#: A word character (as ``\w``), to tell whole-word occurrences.
_WORD = regex.compile(r"\w")
_WORDS = regex.compile(r"\w+")
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
#: Categories whose text names one thing wherever it appears again in a draft.
_REPEATED = frozenset({"NAME", "LOCATION", "EMPLOYER"})
#: Identifier categories whose name may be part of an essential's, and of which essentials.
_PART_OF_ESSENTIAL = {
    "LOCATION": frozenset({"AGE_RANGE", "CONCERN", "MODALITY", "INSURANCE", "REGION", "LOGISTICS"}),
    "EMPLOYER": frozenset({"REGION", "CONCERN", "LOGISTICS"}),  # "a student with ADHD", "works in English"
}
_TRAIL = regex.compile(r"(?:[\s\p{P}--[)%_]]+|['’]s)+$", regex.I | regex.V1)  # a handle may end "__"
#: A saint's name, whose "'s" is part of it ("St Bede's", "St. Mary's"), and the trailing
#: punctuation trimmed from it.
_SAINT = regex.compile(r"(?:St|Ste|Saint)\.?\s+\p{Lu}[^'’\s]*['’]s\b")
_TRAIL_PUNCT = regex.compile(r"[\s\p{P}--[)%]]+$", regex.V1)
#: What follows a place or workplace whose own name ends in "'s" ("works at Casey's on Hwy 30",
#: "the deli at Mariano's."), not a possessive ("Walmart's parking lot").
_NAME_END = regex.compile(
    r"[ \t]*(?:[.,;:!?)\]]|\p{So}|$)|[ \t]+(?:in|on|at|off|near|by|and|or|for|where|since|until|out|up|down|over)\b",
    regex.M)
#: Categories whose names may end in "'s" (shops, restaurants, saints' churches and schools).
_OWN_S = frozenset({"EMPLOYER", "LOCATION"})
#: A word a finding can grow over ("2.4km", "$400M", "Ehlers-Danlos"), and
#: what may stand between two words of one clause.
_CLAUSE_WORD = regex.compile(r"[\w$][\w'’$.-]*\w|\w")
_CLAUSE_GAP = regex.compile(r"[ \t'’/&-]*")


@dataclass(frozen=True, order=True)
class Span:
    """A labelled stretch of text (a keep span or a poster zone)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Finding:
    """One identifier in a draft."""

    start: int
    end: int
    line: int
    column: int
    text: str
    code: str
    category: str
    severity: str
    title: str
    message: str
    fix: str
    safe_harbor: str
    score: float

    def overlaps(self, start: int, end: int) -> bool:
        """Whether this finding shares a character with ``[start, end)``."""
        return self.start < end and start < self.end


class Positions:
    """Line and column (1-based, in characters) of offsets into one text."""

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        """Return ``(line, column)`` of ``offset``."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def trim(text: str, start: int, end: int, own_s: bool = False) -> tuple[int, int]:
    """Shrink ``[start, end)`` to the identifier, without edge words or punctuation, nor a
    possessive "'s" unless it is part of a saint's name or, with ``own_s``, of a shop's
    (which is then taken in when the span stops before it)."""
    piece = text[start:end]
    head = _LEAD.match(piece)
    lead = head.end() if head else 0
    body = piece[lead:].rstrip(" \t.,;:!?")
    named = _SAINT.fullmatch(body) or (own_s and body.endswith(("'s", "’s"))
                                        and _NAME_END.match(text, start + lead + len(body)))
    tail = (_TRAIL_PUNCT if named else _TRAIL).search(piece, lead)
    end = (start + tail.start()) if tail else end
    if own_s and text[end : end + 2] in ("'s", "’s") and _NAME_END.match(text, end + 2):
        end += 2  # a model's entity stops before the "'s" of "the deli at Mariano's."
    return start + lead, end


def _inside(start: int, end: int, zones: Sequence[Span]) -> bool:
    return any(z.start <= start and end <= z.end for z in zones)


def _covered(text: str, start: int, end: int, zones: Sequence[Span]) -> bool:
    """Whether every word of ``[start, end)`` lies in some zone ("@Meg Lawson @Dan Ruiz")."""
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text, start, end)]
    return bool(zones) and all(_inside(s, e, zones) for s, e in words)


def _essential(start: int, end: int, rule: Rule, keep: Sequence[Span]) -> bool:
    """Whether a result is part of a referral essential rather than an identifier.

    A model's guess inside any keep span is, and so is a place name inside a
    broad region ("Atlanta metro", "Greater Boston") or inside the name of a
    plan or programme ("Western Health Advantage", "SMART Recovery"), a
    name read as a workplace inside a region ("Fort Worth area"), a concern or
    a language ("a student with ADHD", "works in English"), or inside a plan's
    longer name ("Banner University Family Care"), or a model's guess around a
    plan's name ("Blue Cross NS").
    """
    if rule.weak:
        return _inside(start, end, keep) or rule.category == "EMPLOYER" and any(
            k.label == "INSURANCE" and start <= k.start and k.end <= end for k in keep)  # "Blue Cross NS"
    if rule.category == "EMPLOYER" and any(  # a workplace in a plan's longer name ("Banner University Family Care")
            k.label == "INSURANCE" and k.start <= start and end <= k.end and k.end - k.start > end - start for k in keep):
        return True
    labels = _PART_OF_ESSENTIAL.get(rule.category)
    return bool(labels) and _inside(start, end, [k for k in keep if k.label in labels])


def build_findings(text: str, results: Iterable, rules: RuleSet,
                   allow: frozenset[str] = frozenset()) -> tuple[list[Finding], list[Span], list[Span]]:
    """Turn raw results into ``(findings, keep spans, poster zones)``."""
    raw = []
    keep: list[Span] = []
    poster: list[Span] = []
    titles = rules.lexicon_sets.get("titles", frozenset())
    for r in results:
        code = r.recognition_metadata.get("recognizer_name")
        rule = rules.rules.get(code)
        if rule is None:
            continue
        if rule.category == POSTER:
            poster.append(Span(r.start, r.end, POSTER))
        elif rule.category in rules.keep_labels:
            keep.append(Span(r.start, r.end, rule.category))
        else:
            start, end = trim(text, r.start, r.end, rule.category in _OWN_S)
            if (rule.category == "DATE" and " " in text[start:end]
                    and (the := _THE_BEFORE.search(text, max(0, start - 8), start))):
                start = the.start()  # a date told by an event keeps its article: "the Sunday before Easter"
            elif rule.category == "NAME" and (title := _TITLE.match(text, start, end)) and (
                    title.group(1).lower() in titles):
                start = title.end()  # "Mrs [[Okafor]]": a title is not the name
            if end > start:
                raw.append((start, end, _over_age(text[start:end], rule, rules), r.score))
    kept = [
        (s, e, rule, score) for s, e, rule, score in raw
        if not _covered(text, s, e, poster)
        and not _essential(s, e, rule, keep)
        and text[s:e].lower() not in allow
    ]
    present = {rule.category for _, _, rule, _ in kept if not rule.only_with}
    kept = [k for k in kept if not k[2].only_with or present.intersection(k[2].only_with)]
    findings = _merge(text, _carve(text, kept, rules), rules)
    findings = _grow(text, findings, [*keep, *poster], rules)
    keep = [k for k in _merge_spans(keep) if not any(f.overlaps(k.start, k.end) for f in findings)]
    return findings, keep, _merge_spans(poster)


def _carve(text: str, raw: list, rules: RuleSet) -> list:
    """Learned guesses (``kind: learned``) give way to the findings of other categories
    they overlap, and lose the function words at their edges: around a DATE
    "homecoming", "drove the float into the crowd at the homecoming parade"
    leaves "drove the float into the crowd" and "parade", each a result of its own."""
    function_words = rules.lexicon_sets.get("function_words", frozenset())
    out = []
    for start, end, rule, score in raw:
        if rule.kind != "learned":
            out.append((start, end, rule, score))
            continue
        cuts = sorted((s, e) for s, e, other, _ in raw
                      if other.kind != "learned" and other.category != rule.category and s < end and start < e)
        for piece_start, piece_end in _between(start, end, cuts):
            words = [w for w in _CLAUSE_WORD.finditer(text, piece_start, piece_end)
                     if w.group().lower() not in function_words]
            if words:
                out.append((words[0].start(), words[-1].end(), rule, score))
    return out


def _between(start: int, end: int, cuts: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The stretches of ``[start, end)`` outside the sorted ``cuts``."""
    for cut_start, cut_end in cuts:
        if cut_start > start:
            yield start, min(cut_start, end)
        start = max(start, cut_end)
    if start < end:
        yield start, end


def _over_age(found: str, rule: Rule, rules: RuleSet) -> Rule:
    """The over-89 rule for an age another rule found ("she's 93"), else ``rule``."""
    over, bound = rules.over_age.get(rule.category, (rule, 0))
    if over is rule:
        return rule
    age = parse_age(found)
    return over if age and age.years > bound else rule


def _grow(text: str, findings: list[Finding], zones: Sequence[Span], rules: RuleSet) -> list[Finding]:
    """Findings of a category that ``grow`` run on to the end of their clause.

    "survived the bus crash" grows over "on the Hwy 2 bridge" up to the
    category's word limit, and stops before punctuation, a clause break word
    (lexicon ``clause_breaks``), another finding or a zone; it does not end
    on a function word (lexicon ``function_words``); a category's
    ``grow_after`` words, when it has them, are the only ones it runs on
    over first. Two findings of one category that meet become one. A finding
    stopped by one of its category's ``grow_into`` findings runs on up to it,
    over the function words between ("the explosion at" | "Port Allen").
    """
    breaks = rules.lexicon_sets.get("clause_breaks", frozenset())
    function_words = rules.lexicon_sets.get("function_words", frozenset())
    grown: list[Finding] = []
    for i, f in enumerate(findings):
        limit = rules.categories[f.category].grow
        if not limit:
            grown.append(f)
            continue
        blocks = [(g.start, g.end) for g in findings[i + 1:] if g.category != f.category]
        blocks += [(z.start, z.end) for z in zones if z.end > f.end]
        into = {g.start for g in findings[i + 1:] if g.category in rules.categories[f.category].grow_into}
        end = taken = f.end
        after = rules.categories[f.category].grow_after
        for n, word in enumerate(_CLAUSE_WORD.finditer(text, f.end)):
            if n == limit or _CLAUSE_GAP.fullmatch(text, taken, word.start()) is None:
                break
            lower = word.group().lower()
            if n == 0 and after and lower not in after:
                break
            if word.start() in into:
                end = taken  # up to a place or a workplace it is told with: "the explosion at| Port Allen"
                break
            if lower in breaks and not (n == 0 and after) or any(s < word.end() and word.start() < e for s, e in blocks):
                break
            taken = word.end()
            if lower not in function_words:
                end = taken
        if grown and grown[-1].category == f.category and f.start < grown[-1].end:
            f = grown.pop()  # the one before grew into this one
            end = max(end, f.end)
        if end > f.end:
            f = replace(f, end=end, text=text[f.start:end])
        grown.append(f)
    return grown


def repeated(text: str, findings: list[Finding], zones: Sequence[Span],
             which: Callable[[Finding], bool] = lambda f: True) -> list[Finding]:
    """``findings`` plus every other whole-word occurrence of a flagged name,
    place or workplace (those ``which`` accepts), and of a flagged full name's
    first name or surname: "Mark" after "her husband" and "Mark" alone later
    are the same man. Occurrences inside ``zones`` (the poster's own lines,
    the referral essentials) stay as they are."""
    where = Positions(text)
    found = list(findings)
    pieces = {f.text: f for f in findings
              if f.category in _REPEATED and sum(c.isalpha() for c in f.text) > 1 and which(f)}
    for name in [f for f in pieces.values() if f.category == "NAME"]:
        # a full name's first name or surname alone is the same person ("Subject: referral - Dominguez")
        words = name.text.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            for word in {words[0], words[-1]}:
                if len(word) > 3 and word.isalpha():
                    pieces.setdefault(word, replace(name, text=word))
    for piece in pieces.values():
        start = text.find(piece.text)
        while start != -1:
            end = start + len(piece.text)
            if _WORD.match(text, end) or start and _WORD.match(text, start - 1):  # not a whole word
                start = text.find(piece.text, start + 1)
                continue
            if not any(f.overlaps(start, end) for f in found) and not _inside(start, end, zones):
                line, column = where(start)
                found.append(replace(piece, start=start, end=end, line=line, column=column))
            start = text.find(piece.text, end)
    return sorted(found, key=lambda f: f.start)


def _merge(text: str, raw: list, rules: RuleSet) -> list[Finding]:
    """One finding per cluster of overlapping results."""
    raw.sort(key=lambda x: (x[0], -x[1]))
    clusters: list[list] = []
    for item in raw:
        if clusters and item[0] < max(i[1] for i in clusters[-1]):
            clusters[-1].append(item)
        else:
            clusters.append([item])
    where = Positions(text)
    findings = []
    for cluster in clusters:
        # A deny-list term is exactly what the user named: its span wins.
        span = [i for i in cluster if i[2].kind == "deny"] or cluster
        start = min(i[0] for i in span)
        end = max(i[1] for i in span)
        best = max(cluster, key=lambda i: (not i[2].weak, rules.categories[i[2].category].rank,
                                           SEVERITIES.index(i[2].severity), i[3]))
        rule = best[2]
        category = rules.categories[rule.category]
        severity = max((i[2].severity for i in cluster if i[2].category == rule.category), key=SEVERITIES.index)
        line, column = where(start)
        findings.append(Finding(
            start=start, end=end, line=line, column=column, text=text[start:end], code=rule.code,
            category=rule.category, severity=severity, title=rule.title, message=rule.message,
            fix=rule.fix or category.fix, safe_harbor=category.safe_harbor, score=round(best[3], 2),
        ))
    return findings


def _merge_spans(spans: list[Span]) -> list[Span]:
    """Overlapping spans of one label joined; spans of different labels may
    overlap ("Montana Medicaid" is a plan, and "Montana" a region)."""
    out: list[Span] = []
    for label in sorted({s.label for s in spans}):
        merged: list[Span] = []
        for s in sorted(s for s in spans if s.label == label):
            if merged and s.start < merged[-1].end:
                merged[-1] = Span(merged[-1].start, max(merged[-1].end, s.end), label)
            else:
                merged.append(s)
        out += merged
    return sorted(out)
