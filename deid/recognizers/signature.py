"""The poster's own signature block: never a finding, often a localiser.

A sign-off line ("Thanks,", "Warmly,", "--") followed by at most
``max_lines`` short lines, or a line carrying the poster's credentials
("Dana Ruiz, LCSW") or, near the end, the poster's name and title ("Dr.
Ofelia Rentería", "Rochelle Tate, Child Welfare Specialist"), and the
contact lines right after it, make a zone in which nothing is reported as
the client's. So does a name alone on a line after a blank line with a few
short lines after it to the end ("Tasha / Intake Coordinator, Rosewood
Counseling Group / 503-555-0106"), and a last line that is only a name,
after a sign-off or not ("Linda", "Cheers, Mick"), and the speakers' names
in a pasted chat ("Fatima: ...", "Grace: ...") and what anyone but the chat's
first speaker says: colleagues answering. Options: ``signoffs``
and ``credentials`` (words and ``@lexicons``), ``max_lines``.
"""

from __future__ import annotations

from typing import Any

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Doc

from deid.gazetteer import place_names
from deid.recognizers.base import RuleRecognizer
from deid.recognizers.names import first_names

_LINE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
#: The conventional signature separator ("--", "-- Dana"), not a divider line.
_DASHES = regex.compile(r"^--(?!-)")
#: A one-line signature after the dashes: its parts set off by bars or carrying a phone or
#: an address ("-- playfulmind_rpt | Westerville OH | 614-555-0188").
_DASHED_CARD = regex.compile(r"^--(?!-)(?![^\r\n]*\b(?:she|he|they|her|his|their|client|pt|mom|dad|lives|is)\b)"
                          r"[^\r\n]{0,100}(?:\|[^\r\n]*\||@|\d{3}[-. )]{1,2}\d{3}[-. ]\d{4})", regex.I)
#: What makes a degree a course of study, not the poster's credential ("a 3rd-year PhD student").
_STUDYING = regex.compile(r"[ \t]+(?:student|candidate|program|programme|applicant|course|level|track)\b", regex.I)
#: A postscript line ("P.S.", "PS:", "PPS -").
_POSTSCRIPT = regex.compile(r"[ \t]*P{1,2}\.?[ \t]?S\b\.?", regex.I)
#: A last line that is only a name ("Linda", "- Mark T.")
_SIGNED = regex.compile(r"^[-–—~]?\s*\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’.-]*){0,2}$")
#: A signature line that opens with a name and credentials is at most this long, and
#: the poster does not go on speaking in it ("Psych NP, rural-ish Idaho. I have a pt ...").
_SIGNATURE_CHARS = 120
#: The poster speaking after the credentials: a paragraph, not a signature.
_FIRST_PERSON = regex.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|we|we're|we’re)\b")
#: At most this many words make a short signature line ("Dr. Lauren Fisk, PsyD, Pediatric Psychology").
_SHORT_WORDS = 7
#: A pasted chat's time stamp before the speaker ("[16:55] ", "[10:14, 4/8] ").
_STAMP = r"\[[^\]\r\n]{1,24}\][ \t]*"
#: The head of a quoted e-mail ("-----Original Message-----", "On Tue, Monica Hale wrote:").
_MAIL_HEAD = r"-{2,}[ \t]*(?:Original|Forwarded)|On[ \t][^\r\n]{0,120}wrote:"
#: A line opened by a speaker's name in a pasted chat ("Grace: try the clinic at...",
#: "[16:55] Paula Mendes: ...", Slack's bold "*Ms. Reyes (school psych)*: ...",
#: "[18:02] Anne-Marie (CAS): ...", "[6:41 pm] Miss Hyacinth (Guidance, Manchester): ...",
#: "[10:14, 4/8] Cheryl Banks LCSW: ...", "[9:14 a.m.] Émilie Cormier, psych.: ...",
#: "**Maya R.** looking for ...").
_SPEAKER = regex.compile(
    rf"^[ \t]*(?P<stamp>{_STAMP})?\*{{0,2}}(?P<label>(?P<title>(?:Miss|Mr|Mrs|Ms|Mx|Dr|Dra|Sr|Sra|Prof|Sir|Ma'?am|Madam|Pastor|Fr|Rev|Sister|Sis|Brother|Auntie|Tita|Tito|Mtro|Mtra|Lic|Coach|Nurse)\.?[ \t]+)?"
    r"(?P<first>\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*)(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,2}(?:,[ \t]*(?:\p{Lu}[\p{Lu}.]{1,8}|\p{Ll}{2,8}\.))?(?:[ \t]*\([^)\r\n]{1,40}\))?)"
    r"(?:(?:[ \t]*[^\w\s:]{1,3})?:|\*\*(?=[ \t]))[ \t]+\S", regex.M)
#: A speaker's line in a pasted chat ends with the time ("**Lauren K, LCSW** 11:52 AM"): what follows is
#: the message, not more signature.
_CHAT_TIME = regex.compile(r"\b\d{1,2}:\d{2}[ \t]*(?:[AaPp]\.?[Mm]\.?)?$")
#: A line of a quoted message, or its header ("> ...", "On Tue, Monica Hale wrote:", "-----Original Message-----").
_QUOTED = regex.compile(rf"[ \t]*(?:>|{_MAIL_HEAD})")
#: The head of an earlier e-mail quoted below the poster's ("-----Original Message-----", "> From: ..."),
#: where the poster's closing block ends: what follows may be the client's details again.
_EARLIER_MAIL = regex.compile(rf"[ \t]*(?:{_MAIL_HEAD}|>[ \t]*(?:From|Sent|Subject)[ \t]*:)")
#: A speaker's header line in a pasted chat, the message on the lines below ("**Lauren K, LCSW** 11:52 AM").
_HEADER = regex.compile(r"^[ \t]*\*\*(?P<label>[^*\r\n]{1,60})\*\*[ \t]+\d{1,2}:\d{2}[^\r\n]*$", regex.M)
#: A speaker's header line in a pasted Teams chat, with no bold: the name, perhaps a role in
#: brackets, and the time after it or stamped before it ("Sophie Tran (Discharge Planner) 09:10",
#: "Dr Lim Kok Hwa 4:10 PM", "[3:41 AM] Carlos Medina (ED SW)"), the message below.
#: Read as a speaker only where two or more lines of the draft look like this.
_PLAIN_HEADER = regex.compile(
    rf"^[ \t]*(?P<stamp>{_STAMP})?(?P<label>(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?[ \t]+)?\p{{Lu}}[\p{{L}}'’-]+"
    r"(?:[ \t]+(?:(?:de|du|da|di|van|von|der|den|bin|binti|al|el|la|le|dos|das)[ \t]+)?\p{Lu}[\p{L}'’.-]*){0,3}"
    r"(?:[ \t]*\([^()\r\n]{1,40}\))?)(?(stamp)|[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?)[ \t]*$", regex.M)
#: At most this many lines follow the name that opens a closing block.
_CLOSING_LINES = 3
#: A line that starts with a name and then a credential: "Wei Zhang, PhD | ...", "— R. Sandoval, MD"
_NAME_FIRST = regex.compile(r"^(?:[-–—~][ \t]*)?(?:\p{Lu}[\w.'-]*,?\s+){1,3}")
#: A name line that opens a signature without a listed credential: "Dr. Ofelia Rentería",
#: or a first name and surname, then a title ("Rochelle Tate, Child Welfare Specialist").
_TITLED = regex.compile(
    r"^(?:Dr|Dra|Mr|Mrs|Ms|Mx|Prof|Rev|Fr|Pastor|Rabbi|Imam|Mtra|Mtro|Lic|Sr|Sra)\.?\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$")
_NAMED_TITLE = regex.compile(
    r"^(\p{Lu}[\p{Ll}'’-]+)\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?,\s+(\p{Lu}[\p{L}.]*)[^\d\r\n]{0,70}$")
#: Pronouns after a name ("Sam Okafor (he/him)"): not part of the name.
_PRONOUNS = regex.compile(r"[ \t]*[(\[]?\b(?:he|she|they|ze|xe)/(?:him|her|them|hers|theirs|zir|xem)(?:/\w+)?[)\]]?$", regex.I)
#: What may follow the name on a last line: a place in brackets, credentials or a town after commas,
#: then a phone number ("Thanks, Marike (Centurion) 082 555 0111").
_SIGNED_TAIL = regex.compile(
    r"(?:,[ \t]*\p{Lu}[\w.-]{1,10})*(?:[ \t]*\([^()\n]{2,40}\))?(?:[ \t,]*\+?\d[\d \t().-]{6,}\d)?[ \t]*$")
#: The end of a sentence, before a signature on the same line ("... if easier. Liv, LMHC").
_SENTENCE_END = regex.compile(r"[.!?]+[ \t]+")
#: A title before the name in a sign-off ("Blessings, Fr. Tom").
_TITLE_END = regex.compile(r"[ \t]*\b(?:Dr|Fr|Rev|Pastor|Rabbi|Imam|Sr|Br|Mr|Mrs|Ms|Mx)\.?$")
#: At most this many words make a sign-off that opens with thanks ("Thanks a million,").
_SIGNOFF_WORDS = 5
#: Words a thanks opens with, in the languages the sign-off lexicon has.
_THANKS = frozenset({"thanks", "thank", "thx", "many", "mil", "muchas", "gracias", "obrigado", "obrigada", "cheers"})
#: Degrees that are also state codes: after a name they are the degree ("Harold Feinberg, MD").
_DEGREES = frozenset({"MD", "M.D.", "DO", "D.O."})


def _to_postscript(text: str, lines: list[tuple[int, int]], idx: int, stop: int) -> int:
    """Where a closing block that starts on line ``idx`` ends: before line ``stop``
    (the end of the text or a quoted message), or before a postscript, in which
    the poster speaks again ("P.S. Mom asked that you call her directly: ...")."""
    for start, end in lines[idx + 1 : stop]:
        if _POSTSCRIPT.match(text, start, end):
            return start
    return lines[stop - 1][1]


def _last_lines(text: str, lines: list[tuple[int, int]]) -> list[int]:
    """The poster's last lines (after the first): the draft's, and the one before
    a quoted message ("Kim" above "> -----Original Message-----")."""
    said = [i for i, (start, end) in enumerate(lines) if text[start:end].strip()]
    quoted = [i for i in said if _QUOTED.match(text, *lines[i])]
    ends = {i for i, after in zip(said, said[1:]) if after in quoted and i not in quoted}
    if said and said[-1] not in quoted:
        ends.add(said[-1])
    return sorted(i for i in ends if i > 0)


def _replies(turns: list[tuple[int, int, str]], end: int, score: float) -> list[tuple[int, int, float]]:
    """What anyone but the first speaker says in a pasted chat: colleagues
    answering ("**Oscar M** 3:44 PM / Dana Whitfield, she's out in Lenexa").
    ``turns`` are (where the turn starts, where its message starts, speaker),
    in order; a message runs to the next turn."""
    if not turns:
        return []
    first = _speaker(turns[0][2])
    stops = [start for start, _, _ in turns[1:]] + [end]
    return [(body, stop, score) for (_, body, label), stop in zip(turns, stops) if _speaker(label) != first]


def _speaker(label: str) -> str:
    """A chat speaker's first name, to tell speakers apart ("Cheryl Banks LCSW" is "cheryl")."""
    words = _plain(label).split()
    return words[0] if words else ""


def _plain(line: str) -> str:
    """A line's words, lower-cased, without punctuation: how sign-offs are looked up ("thanks so much")."""
    return " ".join(regex.sub(r"[^\w\s']", " ", line).lower().split())


class SignatureRecognizer(RuleRecognizer):
    """Marks signature blocks as the poster's own (category POSTER)."""

    def __init__(self, signoffs: list[str], credentials: list[str], max_lines: int = 8, **kw: Any):
        super().__init__(**kw)
        self.signoffs = self.terms(signoffs)
        creds = sorted(self.terms(credentials), key=len, reverse=True)
        self.credentials = regex.compile(
            r"(?<![\w-])(?:" + "|".join(regex.escape(c) for c in creds) + r")(?![\w-])", regex.IGNORECASE
        ) if creds else None
        self.max_lines = max_lines

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        """Text-only: signature blocks are found line by line."""
        return [RecognizerResult(self.rule.code, s, e, self.score) for s, e, _ in self.spans_text(text)]

    def spans(self, doc: Doc) -> list[tuple[int, int, float]]:
        """Signature zones in ``doc``'s text."""
        return self.spans_text(doc.text)

    def spans_text(self, text: str) -> list[tuple[int, int, float]]:
        """Signature zones in ``text``."""
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.end() > m.start()]
        out: list[tuple[int, int, float]] = []
        n = len(lines)
        # the poster's part of an e-mail ends where an earlier one is quoted ("-----Original Message-----")
        quoted = [i for i, (start, end) in enumerate(lines) if _EARLIER_MAIL.match(text, start, end)]
        resume = 0
        for idx, (start, end) in enumerate(lines):
            line = text[start:end].strip()
            if not line or idx < resume:
                continue
            last = next((q for q in quoted if q > idx), n)
            words = _plain(line).split()
            signoff = self._signoff(line, words) or _DASHES.match(line) is not None
            if signoff and last - idx - 1 <= self.max_lines and (len(line) <= 40 or _DASHED_CARD.match(line)):
                out.append((start, _to_postscript(text, lines, idx, last), self.score))
                resume = last
                continue
            cred = next((m for m in self.credentials.finditer(line) if not _STUDYING.match(line, m.end())),
                        None) if self.credentials else None
            named = _NAME_FIRST.match(line)
            # a short line near the end ("LCSW", "Dana R., LMFT"), or a name and its credentials
            # anywhere, not a sentence that mentions one ("Anyone know a PMHNP in Bend?")
            short = len(line) <= 60 and len(words) <= _SHORT_WORDS and last - idx <= self.max_lines
            signed = (named and cred and cred.start() <= named.end() and len(line) <= _SIGNATURE_CHARS
                      and not _FIRST_PERSON.search(line, cred.end()))
            if cred and short or signed or self._name_line(line, last - idx):
                stop = idx + 1
                # a chat header is one line: its message follows
                if not (_CHAT_TIME.search(line) or _PLAIN_HEADER.match(line)):
                    while stop < n and text[lines[stop][0]:lines[stop][1]].strip() and stop - idx <= self.max_lines:
                        stop += 1
                out.append((start, lines[stop - 1][1], self.score))
            elif self._closing(text, lines, idx, last):
                out.append((start, _to_postscript(text, lines, idx, last), self.score))
                resume = last
        out += self._speakers(text)
        for last in _last_lines(text, lines):
            start, end = lines[last]
            if self._signed(text[start:end].strip()):
                out.append((start, end, self.score))
            elif (tail := self._signed_after_sentence(text[start:end])) is not None:
                out.append((start + tail, end, self.score))
        return out

    def _signoff(self, line: str, words: list[str]) -> bool:
        """A sign-off line (``words`` as :func:`_plain` gives them): one listed ("Warmly,"),
        or a short thanks that ends in a comma or an exclamation mark ("Thanks a million,")."""
        if " ".join(words) in self.signoffs:
            return True
        return (line.rstrip().endswith((",", "!")) and 0 < len(words) <= _SIGNOFF_WORDS
                and any(" ".join(words[:n]) in self.signoffs for n in (1, 2)) and words[0] in _THANKS)

    def _name_line(self, line: str, from_end: int) -> bool:
        """A line near the end that names the poster: "Dr. Ofelia Rentería", or a
        known first name, a surname and a title ("Rochelle Tate, Child Welfare Specialist")."""
        if from_end > self.max_lines:
            return False
        if _TITLED.match(line):
            return True
        titled = _NAMED_TITLE.match(line)
        if not titled or titled.group(1).lower() not in first_names():
            return False
        title = titled.group(2)  # a place after the comma is the client's town ("Maria Lopez, Bend")
        return title in _DEGREES or title not in place_names(15000) and self.rules.lexicon_sets.get(
            "us_state_codes", frozenset()).isdisjoint({title.lower()})

    def _speakers(self, text: str) -> list[tuple[int, int, float]]:
        """Who speaks in a pasted chat ("Fatima: Looking for...", "[16:55] Miss Hyacinth
        (Guidance): ..."): first or titled names that open two or more lines, each
        before a colon, or two or more Teams header lines ("Sophie Tran (Discharge Planner) 09:10");
        and what anyone but the first speaker says (see :func:`_replies`)."""
        labels = [m for m in _SPEAKER.finditer(text) if m.group("stamp") or m.group("title") or m.group("first").lower() in first_names()]
        if len(labels) < 2:
            labels = []
        plain = list(_PLAIN_HEADER.finditer(text))
        if len(plain) < 2:
            plain = []
        turns = [(m.start(), m.end("label"), m.group("label")) for m in labels]
        turns += [(m.start(), m.end(), m.group("label")) for m in [*_HEADER.finditer(text), *plain]]
        named = [(m.start("stamp") if m.group("stamp") else m.start("label"), m.end("label"), self.score)
                 for m in labels]
        named += [(m.start("label"), m.end("label"), self.score) for m in plain]
        return named + _replies(sorted(turns), len(text), self.score)

    def _closing(self, text: str, lines: list[tuple[int, int]], idx: int, stop: int) -> bool:
        """A name alone on a line after a blank line, a sign-off or a line of
        thanks, and only short lines after it up to line ``stop`` (the end or a quoted
        message) ("Tasha / Intake Coordinator, Rosewood Counseling Group / 503-555-0106")."""
        if idx == 0 or not 0 < stop - idx - 1 <= _CLOSING_LINES or not self._signed(
                text[slice(*lines[idx])].strip()):
            return False
        before = _plain(text[slice(*lines[idx - 1])])
        after = [text[s:e].strip() for s, e in lines[idx + 1 : stop]]
        thanked = before.startswith(("thank", "many thanks", "cheers")) and len(before.split()) <= 12
        return (not before or before in self.signoffs or thanked) and all(
            len(line) <= 60 and len(line.split()) <= _SHORT_WORDS for line in after)

    def _signed_after_sentence(self, line: str) -> int | None:
        """Where a signature starts after the last sentence of a draft's last line,
        when it is a name with credentials or a place in brackets ("... if easier.
        Liv, LMHC, Ballard", "tq!! - Dr Lim (Subang)", "... ideal. Cheers, Mel
        (Newcastle)"); None if there is none."""
        breaks = list(_SENTENCE_END.finditer(line))
        if not breaks:
            return None
        start = breaks[-1].end()
        tail = line[start:].rstrip()
        return start if _SIGNED_TAIL.sub("", tail) != tail and self._signed(tail) else None

    def _signed(self, line: str) -> bool:
        """A last line that is only a name, after a sign-off or not ("Linda", "Cheers, Mick",
        "Obrigada! Inês (Ponta Delgada)", "Liv, LMHC, Ballard")."""
        line = _SIGNED_TAIL.sub("", _PRONOUNS.sub("", line))
        if _SIGNED.match(line):
            return True
        words = line.split(" ")
        for n in range(1, min(3, len(words) - 1) + 1):
            head, name = _TITLE_END.sub("", " ".join(words[:-n])), " ".join(words[-n:])  # "Blessings, Fr. Tom"
            if head and name[:1].isupper() and _SIGNED.match(name) and _plain(head) in self.signoffs:
                return True
        return False
