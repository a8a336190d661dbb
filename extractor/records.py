"""The records claim building produces, one dataclass per output table.

They carry offsets into the document's plain text so every figure can be traced back to
the words it came from. ``to_row`` gives the contract's column values (see ``schema``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


def join_segments(segments: tuple[int, ...]) -> str:
    return ";".join(str(s) for s in sorted(set(segments)))


def _num(v: float | int | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


@dataclass
class Claim:
    """A count (or share) of organisations of one type in one segment (or overall)."""

    org_type: str
    segments: tuple[int, ...] = ()
    count: int | None = None
    total: int | None = None
    percent: float | None = None
    share_text: str = ""
    scope: str = ""
    framework: str = ""
    text: str = ""
    start: int = 0
    end: int = 0
    org_words: str = ""
    period: str = ""
    doubt: str = ""  # why the claim may be misread ("" when read with confidence)
    doc_id: str = ""
    claim_id: str = ""

    def to_row(self) -> dict:
        return {
            "claim_id": self.claim_id, "doc_id": self.doc_id, "org_type": self.org_type,
            "segment": join_segments(self.segments), "count": _num(self.count),
            "total": _num(self.total), "percent": _num(self.percent), "share_text": self.share_text,
            "scope": self.scope, "framework": self.framework, "text": self.text,
            "start": self.start, "end": self.end, "period": self.period, "org_words": self.org_words,
            "doubt": self.doubt,
        }


@dataclass
class Membership:
    """A named organisation placed in a segment (or reported leaving one)."""

    name: str
    segment: int | None
    org_type: str = ""
    from_segment: int | None = None
    canonical_name: str = ""
    ods_code: str = ""
    link_reason: str = ""
    framework: str = ""
    text: str = ""
    start: int = 0
    end: int = 0
    period: str = ""
    doc_id: str = ""
    claim_id: str = ""
    membership_id: str = ""
    claim: Claim | None = field(default=None, repr=False, compare=False)

    def to_row(self) -> dict:
        row = {k: v for k, v in asdict(self).items() if k != "claim"}
        if self.claim is not None:
            row["claim_id"] = self.claim.claim_id
        return row


@dataclass
class Ranking:
    """A league-table position stated for a named organisation."""

    name: str
    league: str = ""
    rank: int | None = None
    position: str = ""
    joint: bool = False
    total: int | None = None
    previous_rank: int | None = None
    segment: int | None = None
    canonical_name: str = ""
    ods_code: str = ""
    framework: str = ""
    text: str = ""
    start: int = 0
    end: int = 0
    period: str = ""
    doc_id: str = ""
    ranking_id: str = ""

    def to_row(self) -> dict:
        row = asdict(self)
        row["joint"] = "true" if self.joint else "false"
        return row


@dataclass
class DocResult:
    """Everything read from one document."""

    framework: str = ""
    period: str = ""
    claims: list[Claim] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    rankings: list[Ranking] = field(default_factory=list)
