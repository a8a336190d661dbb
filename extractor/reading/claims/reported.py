"""Counts the text reports only to take back: corrections, denials and hearsay.

"An earlier version of this article wrongly said 19 trusts were in segment 4", "It is not
true that 19 trusts are in segment 5", "Rumours that 12 trusts will be placed in segment 5
are untrue", "Some reports claimed that 19 ...": the number is someone's statement the text
corrects, denies or passes on as hearsay, not a count it makes. Read as a count it sits
beside the true one and raises a false alarm. A plain report ("NHS England said 18 trusts
are in segment 4") and a confirmation ("As previously reported, 18 trusts ...") stay counts;
so does the corrected figure itself ("18 trusts are in segment 4, not 19 as previously
reported", "An earlier post said 19; 18 are").

Most sentences hold none of the trigger words, so those are looked for first.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .sentence import Group, SentenceReader, text_between, token_lists

# verbs (and nouns) of saying that carry a statement someone made
_SAYING = frozenset({
    "said", "say", "says", "stated", "states", "state", "reported", "reports", "report", "claimed", "claims",
    "claim", "suggested", "suggests", "wrote", "writes", "gave", "give", "gives", "showed", "shows", "listed",
    "lists", "had", "described", "indicated", "included", "told", "tweeted", "posted", "implied",
    "announced", "counted", "referred", "mentioned", "quoted", "cited", "named", "read"})
# a statement the writer takes back: 'an earlier version said', 'we previously reported'
_EARLIER_ADVERBS = frozenset({"previously", "originally", "initially", "earlier", "formerly"})
# not 'first' or 'initial': "The first report showed 12 trusts ..." is a report, not a correction
_EARLIER = frozenset({"earlier", "previous", "original", "prior"})
_OUTLETS = frozenset({"version", "versions", "post", "posts", "update", "updates", "article", "story", "report",
                      "edition", "draft", "entry", "tweet", "blog", "headline", "statement", "copy", "bulletin",
                      "briefing", "release", "item", "piece"})
_IN_ERROR = frozenset({"wrongly", "incorrectly", "mistakenly", "erroneously", "falsely", "inaccurately", "wrong",
                       "mistake", "error"})
# words that deny what follows ('It is not true that ...', 'X denied reports that ...')
_DENYING = frozenset({"untrue", "false", "incorrect", "inaccurate", "unfounded", "baseless", "denied", "denies",
                      "deny", "denying", "rejected", "rejects", "dismissed", "dismisses", "refuted", "refutes",
                      "disputed", "disputes", "wrong", "misleading", "nonsense"})
_TRUTH = frozenset({"true", "correct", "accurate", "right", "case", "truth", "so"})  # after 'not' / 'no'
_DENYING_VERBS = frozenset({"denied", "denies", "deny", "denying"})  # 'It denies ...' opens a new statement
_NOT = frozenset({"not", "no", "n't", "never"})
# hearsay: 'Rumours that 12 trusts ...', 'Some reports claimed that ...'
_HEARSAY = frozenset({"rumour", "rumours", "rumor", "rumors", "rumoured", "rumored", "speculation", "speculated",
                      "allegation", "allegations", "alleged", "alleges", "gossip", "hearsay"})
_HEARSAY_SOURCES = frozenset({"reports", "report", "claims", "stories", "posts", "suggestions", "tweets", "some",
                              "others", "media", "rumours", "rumors"})
# where a taken-back statement ends and the writer speaks again
_BREAKS = frozenset({";", "but", "however", "whereas", "while", "whilst", "although", "though", "—", "–", "fact",
                     "actually", "reality", "instead", "rather", "corrected"})
_RIGHT_FIGURE = frozenset({"correct", "true", "right", "actual", "real", "accurate"})  # 'the correct figure is 18'
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been"})
_STATEMENTS = _SAYING | _HEARSAY_SOURCES
_TRIGGERS = _EARLIER_ADVERBS | _EARLIER | _IN_ERROR | _DENYING | _NOT | _HEARSAY | {"claimed"}


def _clause_start(doc: Doc, words: list[str], lo: int, at: int) -> int:
    """The first token of the stretch before ``at`` that no break word cuts from it (a spaced
    hyphen is a dash: '... in segment 5 - only 12 are')."""
    k = at
    while k > lo and words[k - 1] not in _BREAKS \
            and not (words[k - 1] in _RIGHT_FIGURE and k - 2 >= lo and words[k - 2] == "the") \
            and not (words[k - 1] == "-" and text_between(doc, k - 2, k).endswith(" -")):
        k -= 1
    return k


def _taken_back_report(words: list[str], lo: int, at: int) -> bool:
    """'An earlier version of this article (wrongly) said', 'We incorrectly reported that',
    'we reported earlier that' before ``at``; 'As previously reported, ...' confirms."""
    for v in range(lo, at):
        if words[v] not in _SAYING:
            continue
        before = words[max(lo, v - 6):v]
        if "as" in words[max(lo, v - 3):v]:
            continue  # 'as previously reported', 'as an earlier post said': the writer agrees
        if not _IN_ERROR.isdisjoint(before) or (v + 1 < at and words[v + 1] in _IN_ERROR):
            return True
        if (v > lo and words[v - 1] in _EARLIER_ADVERBS) or (v + 1 < at and words[v + 1] in _EARLIER_ADVERBS):
            return True
        if any(w in _EARLIER and any(o in _OUTLETS for o in words[k + 1:k + 3])
               for k, w in enumerate(before, start=max(lo, v - 6))):
            return True
    return False


def _denied_before(words: list[str], lo: int, at: int) -> bool:
    """'It is not true that', 'It is false that', 'There is no truth in claims that', 'X denied
    (reports) that', 'It is wrong to say that' before ``at``: a denial leading to a 'that'."""
    for t in range(lo, at):
        if words[t] != "that":
            continue
        for d in range(max(lo, t - 6), t):
            w = words[d]
            if w in _DENYING and (w != "wrong" or words[d + 1] == "to"):  # 'It is wrong that ...' is a complaint
                return True
            if w in _TRUTH and not _NOT.isdisjoint(words[max(lo, d - 2):d]):
                return True
    return False


def _hearsay_before(words: list[str], lo: int, at: int) -> bool:
    """'Rumours that', 'speculation that', 'it is rumoured that', 'Some reports claimed that'."""
    for k in range(lo, at):
        if words[k] in _HEARSAY:
            return True
        if words[k] == "claimed" and not _HEARSAY_SOURCES.isdisjoint(words[max(lo, k - 4):k]):
            return True
    return False


def _denied_after(words: list[str], start: int, end: int) -> bool:
    """'Reports that 19 trusts ... are untrue / have been denied / are not correct'."""
    for k in range(start, end):
        w = words[k]
        if w in _DENYING and (w != "wrong" or words[k - 1] in _COPULAS):  # 'are wrong', not 'the wrong segment'
            return True
        if w in _TRUTH and not _NOT.isdisjoint(words[k - 2:k]):  # 'are not true', 'is not the case'
            return True
    return False


def is_reported(reader: SentenceReader, g: Group) -> bool:
    """Whether the count ``g`` is a statement the text corrects, denies or passes on as hearsay."""
    words = token_lists(reader.doc).lower
    before = words[reader.sent.start:g.start]  # a frame's leading words stand before the count
    triggered = not _TRIGGERS.isdisjoint(before)
    if not triggered and _STATEMENTS.isdisjoint(before):
        return False
    lo = _clause_start(reader.doc, words, reader.sent.start, g.start)
    if lo == g.start:
        return False
    if triggered and (_taken_back_report(words, lo, g.start) or _denied_before(words, lo, g.start)
                      or _hearsay_before(words, lo, g.start)):
        return True
    if _STATEMENTS.isdisjoint(words[lo:g.start]):
        return False
    return (_reports_that(words, lo, g.start) and _denied_after(words, g.end, reader.sent.end)) \
        or _denied_next(words, reader.sent.end)


def _reports_that(words: list[str], lo: int, at: int) -> bool:
    """'Reports that', 'claims that', 'suggestions that', 'posts saying': a statement named by a noun."""
    return any(words[k] in _STATEMENTS and words[k + 1] in {"that", "saying", "suggesting"}
               for k in range(lo, at - 1))


_POINTING = frozenset({"that", "this", "it", "which", "neither", "none", "both", "all"})


def _denied_next(words: list[str], end: int) -> bool:
    """'Some posts said 19 trusts were in segment 4. That is not true.': the next sentence
    opens by denying it."""
    k = end
    while k < len(words) and words[k].isspace():
        k += 1
    if k >= len(words) or words[k] not in _POINTING:
        return False
    head = words[k + 1:min(len(words), k + 6)]
    if "." in head:
        head = head[:head.index(".")]
    return any(w in _DENYING and w not in _DENYING_VERBS for w in head) \
        or any(w in _TRUTH and not _NOT.isdisjoint(head[max(0, i - 2):i]) for i, w in enumerate(head))

