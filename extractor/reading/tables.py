"""Tables and lists written as text: pipe tables, fixed-width columns (as PDF text
extraction gives them), comma-separated rows (a CSV pasted into a paper) and bulleted
lists under a segment heading.

Two kinds of table matter. A *placement table* has one organisation per row and a
segment column ("Organisation | Segment", "Organisation  Sector  Q2 segment  Q1 segment"):
each row is a membership, and a second segment column gives ``from_segment``. A *count
table* crosses segments with populations ("Segment | ICBs | Trusts" or "Acute trusts  17
12 68 ..." under "Segment 1  Segment 2 ..."): each cell is a claim and a Total gives the
population size. Lines consumed here are skipped by sentence-level claim building.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from dataclasses import dataclass

import regex
from spacy.tokens import Doc, Span

from ..numbers import parse_ordinal
from ..pipeline.extensions import doc_cache, doc_text, doc_value, spans_in
from ..pipeline.quantities import quantity_of
from ..pipeline.segments import segments_of
from ..pipeline.sentences import is_csv_line
from ..records import Claim, DocResult, Membership, Ranking
from .rank_words import league_context
from .subjects import publisher

_CELL_GAP = regex.compile(r"\s*\|\s*|\t+| {2,}")
_CSV_MIN_ROWS = 3
_SEGMENT_WORD = regex.compile(r"\bsegments?\b|\bseg\b|\bnof\b|\bsof\b", regex.I)
_PREVIOUS = regex.compile(r"previous|prior|last|before|old|was\b|q1|quarter 1|earlier|from", regex.I)
_NOT_OVERALL = regex.compile(r"domain|finance|quality|access|people|safety|metric|score", regex.I)
_SEG_VALUE = regex.compile(r"^(?:segment\s*)?([1-5])\b", regex.I)
_INT = regex.compile(r"^\d{1,4}$")
_BULLET = regex.compile(r"^\s*(?:[-•*–·▪]|\d{1,2}[.)])\s+(.*\S)\s*$")
_ORG_WORDS = regex.compile(r"\b(trust|ft|foundation|hospitals?|icb|integrated care|health|healthcare|"
                           r"ambulance|partnership|care|services?|nhs)\b", regex.I)
_TOTAL = regex.compile(r"^(?:total|all|overall|england|all trusts|all organisations)\b", regex.I)


@dataclass
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Row:
    cells: list[Cell]
    line_start: int
    line_end: int
    pipe: bool


_SPACED_CELL = regex.compile(r"\S+(?: \S+)*")  # words kept together by single spaces
_WORD = regex.compile(r"\S+")
_HEADER_SEGMENT = regex.compile(r"\b(?:segment|seg\.?)\s*([1-5])\b", regex.I)
_BRACKETED = regex.compile(r"\([^)]*\)")
_MONEY_OR_DECIMAL = regex.compile(r"[%£$€.]")


def _split_line(line: str, offset: int) -> Row:
    """Cells of a table line; ``pipe`` marks delimited rows (pipes or tabs), read by position in the
    row rather than by column offsets."""
    sep = "|" if "|" in line else "\t" if "\t" in line else None
    pipe = sep is not None
    cells = []
    if pipe:
        parts = line.split(sep)
        # '| a | b |' borders are not cells; an empty cell between delimiters is one (a blank
        # corner heading keeps the columns of the rows below in place)
        first, last = 0, len(parts)
        if sep == "|" and line.strip().startswith("|"):
            first = 1
        if sep == "|" and line.strip().endswith("|"):
            last -= 1
        pos = sum(len(p) + 1 for p in parts[:first])
        for part in parts[first:last]:
            stripped = part.strip()
            at = line.find(stripped, pos) if stripped else pos
            cells.append(Cell(stripped, offset + at, offset + at + len(stripped)))
            pos += len(part) + 1
        while cells and not cells[-1].text:
            cells.pop()
    else:
        for m in _SPACED_CELL.finditer(line):
            cells.append(Cell(m.group(0), offset + m.start(), offset + m.end()))
    return Row(cells, offset, offset + len(line), pipe)


def _csv_row(line: str, offset: int) -> Row | None:
    """The fields of a comma-separated line as delimited cells (quoted fields may hold commas)."""
    try:
        [fields] = list(csv.reader([line]))
    except (csv.Error, ValueError):
        return None
    cells, pos = [], 0
    for field in fields:
        stripped = field.strip()
        at = line.find(stripped, pos) if stripped else pos
        cells.append(Cell(stripped, offset + at, offset + at + len(stripped)))
        pos = at + len(stripped)
    return Row(cells, offset, offset + len(line), True)


def _may_be_csv(line: str) -> bool:
    """``is_csv_line``, answered without its patterns for a line of prose: with no quote, a comma
    followed by a space inside the stripped line (a comma is not white space, so the pair lies
    inside it when it lies before the trailing spaces) is the prose comma it rejects."""
    if line.count(",") < 2 or ('"' not in line and ", " in line.rstrip()):
        return False
    return is_csv_line(line)


def _csv_rows(lines: list[str]) -> dict[int, Row]:
    """Rows of the runs of at least ``_CSV_MIN_ROWS`` comma-separated lines with one field count."""
    if sum(1 for line in lines if _may_be_csv(line)) < _CSV_MIN_ROWS:
        return {}  # every row is such a line: too few of them make no run (most texts have none)
    rows: dict[int, Row] = {}
    offset, run = 0, []
    for i, line in enumerate([*lines, ""]):
        row = _csv_row(line, offset) if _may_be_csv(line) else None
        if row is not None and (not run or len(run[-1][1].cells) == len(row.cells)):
            run.append((i, row))
        else:
            if len(run) >= _CSV_MIN_ROWS:
                rows.update(run)
            run = [(i, row)] if row is not None else []
        offset += len(line) + 1
    return rows


def _may_hold_rows(text: str) -> bool:
    """Whether a line of ``text`` can be a row other than a CSV one: each needs a pipe, a tab or
    two spaces in its line. Most texts have none, and need not be read line by line."""
    return "|" in text or "\t" in text or "  " in text


def _blocks(text: str) -> list[list[Row]]:
    """Runs of consecutive table-like lines (two or more cells)."""
    blocks: list[list[Row]] = []
    current: list[Row] = []
    offset = 0
    lines = text.split("\n")
    csv_rows = _csv_rows(lines)
    if not csv_rows and not _may_hold_rows(text):
        return []
    for i, line in enumerate(lines):
        row = csv_rows.get(i)
        # a line with no pipe, tab or run of spaces is prose: no need to cut it into cells
        if row is None and line.strip() and ("|" in line or "\t" in line or "  " in line.strip()):
            row = _split_line(line, offset)
        is_table = row is not None and len(row.cells) >= 2 and (row.pipe or "  " in line.strip() or "\t" in line)
        if is_table:
            current.append(row)
        else:
            if len(current) >= 2:
                blocks.append(current)
            current = []
        offset += len(line) + 1
    if len(current) >= 2:
        blocks.append(current)
    return blocks


def _column_of(row: Row, header: Row, cell: Cell) -> int:
    """Which header column a cell sits under: by position for fixed-width, by index for pipes."""
    if row.pipe:
        return row.cells.index(cell)
    starts = [h.start - header.line_start for h in header.cells]
    pos = cell.start - row.line_start
    best = 0
    for i, s in enumerate(starts):
        if pos + 1 >= s:
            best = i
    # a right-aligned number may start before its header: take the nearest header by centre, unless
    # it starts under a header's own words (a short number left-aligned under a long heading)
    under = [i for i, h in enumerate(header.cells) if h.start - header.line_start <= pos < h.end - header.line_start]
    if _INT.match(cell.text) and not under:
        centre = (cell.start + cell.end) / 2 - row.line_start
        best = min(range(len(header.cells)),
                   key=lambda i: abs(centre - ((header.cells[i].start + header.cells[i].end) / 2 - header.line_start)))
    return best


def _cells_by_column(row: Row, header: Row) -> dict[int, str]:
    """Cell text per header column. Fixed-width rows are read word by word, because a long
    name or a two-word sector ('Mental health 2') can leave a single space before the next
    column."""
    out: dict[int, list[str]] = {}
    cells = row.cells
    if not row.pipe:
        cells = [Cell(c.text[m.start():m.end()], c.start + m.start(), c.start + m.end())
                 for c in row.cells for m in _WORD.finditer(c.text)]
        cells = _rejoin_words(cells, row, header)
    for cell in cells:
        out.setdefault(_column_of(row, header, cell), []).append(cell.text)
    return {k: " ".join(v) for k, v in out.items()}


def _rejoin_words(words: list[Cell], row: Row, header: Row) -> list[Cell]:
    """Words of one column stay together (a name is one cell), numbers stand alone except in a
    league position ('121 of 134', '63= of 134')."""
    out: list[Cell] = []
    for word in words:
        if len(out) >= 2 and out[-1].text.lower() in {"of", "/"} and _RANK_CELL.match(out[-2].text) \
                and _INT.match(word.text):
            first = out[-2]
            out[-2:] = [Cell(f"{first.text} {out[-1].text} {word.text}", first.start, word.end)]
            continue
        if out and not _INT.match(word.text) and not _INT.match(out[-1].text) \
                and _column_of(row, header, out[-1]) == _column_of(row, header, word):
            last = out[-1]
            out[-1] = Cell(f"{last.text} {word.text}", last.start, word.end)
        else:
            out.append(word)
    return out


_LABEL_TYPES = (("non-acute", "non_acute"), ("non acute", "non_acute"), ("acute", "acute"),
                ("mental health", "mental_health"), ("community", "community"), ("ambulance", "ambulance"),
                ("specialist", "specialist"), ("icb", "icb"), ("ics", "icb"), ("integrated care", "icb"))


def _population_of(doc: Doc, start: int, end: int) -> str:
    found = spans_in(doc, "populations", start, end, chars=True)
    return found[0].label_ if found else ""


def _row_label_type(label: str) -> str:
    """A table row labelled just 'Acute' or 'Mental health' counts that sector's trusts."""
    low = label.strip().lower()
    if "community" in low and "mental" in low:
        return "community_or_mental_health"
    for words, org_type in _LABEL_TYPES:
        if low.startswith(words):
            return org_type
    return ""


def _segment_in_header(text: str) -> int | None:
    m = _HEADER_SEGMENT.search(text)
    return int(m.group(1)) if m else None


def read_tables(doc: Doc, result: DocResult) -> list[tuple[int, int]]:
    """Add table memberships and claims to ``result``; return the character ranges consumed."""
    consumed: list[tuple[int, int]] = []
    text = doc_text(doc)
    framework, period = doc_value(doc, "framework"), doc_value(doc, "period")
    for block in _blocks(text):
        header = _with_label_column(block)
        block[0] = header
        header_text = [c.text for c in header.cells]
        seg_cols = [i for i, t in enumerate(header_text) if _SEGMENT_WORD.search(t) and not _NOT_OVERALL.search(t)]
        numbered = {i: _segment_in_header(t) for i, t in enumerate(header_text)}
        numbered = {i: s for i, s in numbered.items() if s}
        used = False
        if len(numbered) >= 2:
            used = _segment_columns_table(doc, block, numbered, result, framework, period)
        elif seg_cols and seg_cols[0] == 0:
            used = _segment_rows_table(doc, block, result, framework, period)
        elif seg_cols:
            used = _placement_table(doc, block, seg_cols, result, framework, period)
        if used:
            consumed.append((block[0].line_start, block[-1].line_end))
    subsets = _subset_lists(doc, result, framework, period)
    consumed.extend(subsets)
    consumed.extend(_bullet_lists(doc, result, framework, period, subsets))
    consumed.extend(_label_lines(doc, result, framework, period))
    consumed.extend(_rank_lists(doc, result, framework, period, consumed))
    return consumed


def _with_label_column(block: list[Row]) -> Row:
    """A fixed-width header often leaves the row-label column unnamed: add an empty cell for it."""
    header = block[0]
    if header.pipe and header.cells:
        wider = sum(len(r.cells) == len(header.cells) + 1 for r in block[1:])
        if wider > (len(block) - 1) / 2:  # a corner cell left out of a delimited header
            return Row([Cell("", header.line_start, header.line_start), *header.cells], header.line_start,
                       header.line_end, header.pipe)
        return header
    if not header.cells:
        return header
    indent = header.cells[0].start - header.line_start
    row_starts = [r.cells[0].start - r.line_start for r in block[1:] if r.cells]
    if indent > 5 and row_starts and sum(s < indent - 3 for s in row_starts) > len(row_starts) / 2:
        return Row([Cell("", header.line_start, header.line_start), *header.cells], header.line_start,
                   header.line_end, header.pipe)
    return header


def _row_text(doc: Doc, row: Row) -> tuple[str, int, int]:
    line = doc_text(doc)[row.line_start:row.line_end]
    stripped = line.strip()
    start = row.line_start + line.find(stripped)
    return stripped, start, start + len(stripped)


def _placement_table(doc, block, seg_cols, result, framework, period) -> bool:
    header = block[0]
    current = seg_cols[0]
    previous = next((c for c in seg_cols[1:] if _PREVIOUS.search(header.cells[c].text)), None)
    if previous is None and len(seg_cols) > 1:
        previous = seg_cols[1]
    if _PREVIOUS.search(header.cells[current].text) and previous is not None and \
            not _PREVIOUS.search(header.cells[previous].text):
        current, previous = previous, current
    ranks = RankColumns.find(doc, header)
    name_col = _name_column(header, seg_cols, ranks)
    owner = _table_owner(doc, header) if name_col is None else None
    if name_col is None and owner is None:
        return False  # 'Quarter | Segment' rows on a page that names no one body: whose they are is not said
    period_col = next((i for i, c in enumerate(header.cells) if _PERIOD_HEADER.match(c.text.strip())), 0)
    added = False
    for row in block[1:]:
        cols = _cells_by_column(row, header)
        m = _SEG_VALUE.match(cols.get(current, "").strip())
        if owner is not None:
            name = owner.text if m and _PERIOD_CELL.match(cols.get(period_col, "").strip()) else ""
        else:
            name = cols.get(name_col, "").strip(" -•*")
        if not name or not m or _TOTAL.match(name) or not (name[:1].isupper() or name[:1].isdigit()) \
                or _POSITION_CELL.match(name):
            continue
        seg = int(m.group(1))
        prev_m = _SEG_VALUE.match(cols.get(previous, "").strip()) if previous is not None else None
        from_seg = int(prev_m.group(1)) if prev_m and int(prev_m.group(1)) != seg else None
        if prev_m is None:
            from_seg = _noted_source(cols.get(current, "").strip()[m.end():], seg)
        text, start, end = _row_text(doc, row)
        if owner is not None:
            org_type = owner.label_
        else:
            name_start = doc_text(doc).find(name, row.line_start)
            org_type = _population_of(doc, name_start, name_start + len(name))
        result.memberships.append(Membership(
            name=name, ods_code=owner.id_ if owner is not None else "", segment=seg, from_segment=from_seg,
            org_type=org_type, framework=framework, period=period, text=text, start=start, end=end))
        if ranks is not None:
            ranking = ranks.read(cols, name, seg)
            if ranking is not None:
                ranking.framework, ranking.period, ranking.text, ranking.start, ranking.end = (
                    framework, period, text, start, end)
                result.rankings.append(ranking)
        added = True
    return added


# a header over the rows' periods ('Quarter | Segment | Rank'), and such a row's period cell
_PERIOD_HEADER = regex.compile(r"^(?:quarter|period|year|financial year|date|month|as at|reporting period|"
                               r"review|publication)$", regex.I)
_PERIOD_CELL = regex.compile(r"^(?:q[1-4]|quarter\s+(?:[1-4]|one|two|three|four)|(?:19|20)\d\d(?:/\d\d)?|"
                             r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d)\b",
                             regex.I)
_POSITION_CELL = regex.compile(r"^(?:joint\s+|=)?\d{1,3}(?:st|nd|rd|th)?=?$", regex.I)  # '1', '130', '=5', '12th'


def _name_column(header: Row, seg_cols: list[int], ranks: RankColumns | None) -> int | None:
    """The column naming each row's body: the first that holds no segment, position or row
    league ('Rank | Trust | Segment' names its trusts second). None when that column is a
    period's ('Quarter | Segment | Rank': the rows are one body's quarters)."""
    taken = set(seg_cols)
    if ranks is not None:
        taken |= {ranks.current, ranks.previous, ranks.row_league}
    for i, cell in enumerate(header.cells):
        if i not in taken:
            return None if _PERIOD_HEADER.match(cell.text.strip()) else i
    return 0


def _table_owner(doc: Doc, header: Row) -> Span | None:
    """The one body a table of periods is about: the only one its caption (the 300 characters
    above it) names, else the page's own organisation."""
    named = spans_in(doc, "orgs", max(0, header.line_start - 300), header.line_start, chars=True)
    codes = {o.id_ for o in named}
    if len(codes) == 1 and "" not in codes:
        return named[-1]
    if named:
        return None
    own = publisher(doc)
    return own if own is not None and own.id_ else None


_CELL_NOTE = regex.compile(r"^\s*[(\[]\s*(?P<arrow>[↑↓▲▼⬆⬇]|up|down|improved|worsened|deteriorated)?\s*"
                           r"(?:from|was|previously|prev\.?)\s+(?:segment\s*|seg\.?\s*)?(?P<seg>[1-5])\s*[)\]]\s*$",
                           regex.I)
_NOTE_UP = {"↑", "▲", "⬆", "up", "improved"}


def _noted_source(note: str, segment: int) -> int | None:
    """The segment left, from a note after a segment cell's value: '(from 4)', '(↑ from 3)',
    '(was 2)'. None for '(unchanged)', '(new)', any other note, the same segment, or an arrow
    pointing the other way (up is toward segment 1)."""
    m = _CELL_NOTE.match(note)
    if m is None:
        return None
    source = int(m.group("seg"))
    arrow = (m.group("arrow") or "").lower()
    if source == segment or (arrow and (arrow in _NOTE_UP) != (source > segment)):
        return None
    return source


# league sizes of the 2025/26 tables (NHS England): a 'N of 61' cell is the non-acute league
_LEAGUE_BY_SIZE = {134: "acute", 135: "acute", 61: "non_acute", 10: "ambulance"}
_RANK_HEADER = regex.compile(r"\b(rank|ranking|position|place|league)\b", regex.I)
_RANK_CELL = regex.compile(r"^(?:joint\s+|=)?(\d{1,3})(?:st|nd|rd|th)?\s*(=|\(joint\)|\s+joint)?"
                           r"(?:\s*(?:of|out of|/)\s*(\d{1,3}))?$", regex.I)
_OF_TOTAL = regex.compile(r"\b(?:of|out of)\s+(\d{1,3})\b", regex.I)


_LEAGUE_COLUMN = regex.compile(r"^(?:league|sector|type|trust type|organisation type)$", regex.I)
_LEAGUE_WORDS = (("non-acute", "non_acute"), ("non acute", "non_acute"), ("ambulance", "ambulance"),
                 ("acute", "acute"))


class RankColumns:
    """League-rank columns of a placement table ("League rank (of 134)", "Q1 rank").

    A column headed only "League" (or "Sector") names each row's league ("Acute",
    "Non-acute"), not its position: a rank column is one headed rank, position or place
    when there is one.
    """

    def __init__(self, header: Row, caption: str) -> None:
        cols = [i for i, c in enumerate(header.cells)
                if _RANK_HEADER.search(c.text) and not _SEGMENT_WORD.search(c.text)]
        self.row_league = next((i for i, c in enumerate(header.cells) if _LEAGUE_COLUMN.match(c.text.strip())), None)
        cols = [i for i in cols if i != self.row_league] or cols
        self.current = next((i for i in cols if not _PREVIOUS.search(header.cells[i].text)), None)
        self.previous = next((i for i in cols if _PREVIOUS.search(header.cells[i].text)), None)
        heading = " ".join(c.text for c in header.cells) + " " + caption
        m = _OF_TOTAL.search(" ".join(header.cells[i].text for i in cols)) if cols else None
        self.total = int(m.group(1)) if m else None
        low = heading.lower()
        sectors = [w for w in ("non-acute", "ambulance", "acute") if w in low.replace("non acute", "non-acute")]
        if "non-acute" in sectors and "acute" in sectors and low.count("acute") == low.count("non-acute"):
            sectors.remove("acute")
        self.league = {"non-acute": "non_acute", "ambulance": "ambulance", "acute": "acute"}[sectors[0]] \
            if len(sectors) == 1 else ""

    @classmethod
    def find(cls, doc: Doc, header: Row) -> RankColumns | None:
        caption = doc_text(doc)[max(0, header.line_start - 300):header.line_start]
        found = cls(header, caption)
        return found if found.current is not None else None

    def _row_league(self, cols: dict[int, str]) -> str:
        if self.row_league is None:
            return ""
        cell = cols.get(self.row_league, "").strip().lower()
        return next((league for word, league in _LEAGUE_WORDS if cell.startswith(word)), "")

    def read(self, cols: dict[int, str], name: str, segment: int) -> Ranking | None:
        m = _RANK_CELL.match(cols.get(self.current, "").strip())
        if not m:
            return None
        prev = _RANK_CELL.match(cols.get(self.previous, "").strip()) if self.previous is not None else None
        total = int(m.group(3)) if m.group(3) else None
        league = self._row_league(cols) or (self.league if total is None else "") or \
            _LEAGUE_BY_SIZE.get(total or self.total or 0, "") or self.league
        if total is None and (self.league == league or not self.league):
            total = self.total
        return Ranking(name=name, league=league, rank=int(m.group(1)), joint=bool(m.group(2)) or
                       cols.get(self.current, "").strip().lower().startswith(("joint", "=")),
                       total=total, previous_rank=int(prev.group(1)) if prev else None, segment=segment)


def _segment_columns_table(doc, block, numbered, result, framework, period) -> bool:
    """Rows are populations, columns are segments (plus an optional Total)."""
    header = block[0]
    total_col = next((i for i, c in enumerate(header.cells) if _TOTAL.match(c.text)), None)
    added = False
    for row in block[1:]:
        cols = _cells_by_column(row, header)
        label = cols.get(0, "")
        label_start = doc_text(doc).find(label, row.line_start) if label else -1
        org_type = _population_of(doc, label_start, label_start + len(label)) if label else ""
        org_type = org_type or _row_label_type(label)
        if not org_type and _TOTAL.match(label):
            org_type = "trust" if "trust" in label.lower() or "trust" in doc_text(doc)[:2000].lower() else ""
        if not org_type:
            continue
        text, start, end = _row_text(doc, row)
        for col, seg in numbered.items():
            value = cols.get(col, "").strip()
            if _INT.match(value):
                result.claims.append(Claim(org_type=org_type, segments=(seg,), count=int(value), framework=framework,
                                           period=period, text=text, start=start, end=end, org_words=label))
                added = True
        if total_col is not None and _INT.match(cols.get(total_col, "").strip()):
            result.claims.append(Claim(org_type=org_type, count=int(cols[total_col].strip()), framework=framework,
                                       period=period, text=text, start=start, end=end, org_words=label))
    return added


def _segment_rows_table(doc, block, result, framework, period) -> bool:
    """'Segment | ICBs | Trusts' then one row per segment (and a Total row)."""
    header = block[0]
    types = {}
    shares: dict[str, int] = {}  # 'Share of trusts': the percentage column of a population's counts
    for i, cell in enumerate(header.cells[1:], 1):
        org_type = _population_of(doc, cell.start, cell.end)
        if org_type and _SHARE_HEADER.search(cell.text):
            shares[org_type] = i
        elif org_type:
            types[i] = (org_type, cell.text)
    # a bare 'Share' or '%' column beside a single population's counts holds that population's percentages
    bare_shares = [i for i, cell in enumerate(header.cells[1:], 1)
                   if i not in types and i not in shares.values() and _SHARE_HEADER.search(cell.text)]
    percent_col = bare_shares[0] if len(types) == 1 and len(bare_shares) == 1 else None
    if not types:
        types, percent_col = _period_columns(doc, header)
    if not types:
        return False
    added = False
    for row in block[1:]:
        cols = _cells_by_column(row, header)
        label = cols.get(0, "").strip()
        m = _SEG_VALUE.match(label)
        is_total = bool(_TOTAL.match(label))
        if not m and not is_total:
            continue
        text, start, end = _row_text(doc, row)
        for col, (org_type, words) in types.items():
            value = cols.get(col, "").strip()
            share_col = shares.get(org_type, percent_col)
            pct = _PERCENT_CELL.match(cols.get(share_col, "").strip()) if share_col is not None else None
            if _INT.match(value):
                segs = () if is_total else (int(m.group(1)),)
                percent = float(pct.group(1)) if pct and segs else None
                result.claims.append(Claim(org_type=org_type, segments=segs, count=int(value), percent=percent,
                                           framework=framework, period=period, text=text, start=start, end=end,
                                           org_words=words))
                added = True
    return added


_PERCENT_CELL = regex.compile(r"^(\d{1,3}(?:\.\d+)?)\s*%$")
_SHARE_HEADER = regex.compile(r"share|%|per ?cent|proportion", regex.I)


def _period_columns(doc: Doc, header: Row) -> tuple[dict[int, tuple[str, str]], int | None]:
    """'Table 1. ICBs by oversight segment' over 'Segment  Q2 2023/24  Q4 2024/25  Share': the
    caption names the population and the latest period column holds its counts."""
    text = doc_text(doc)
    end = len(text[:header.line_start].rstrip())
    start = text.rfind("\n", 0, end) + 1
    last_line = text[start:end].strip()
    org_type = _population_of(doc, start, end) or _row_label_type(last_line)
    if not org_type:
        return {}, None
    counts = [i for i, c in enumerate(header.cells[1:], 1) if not _SHARE_HEADER.search(c.text)]
    shares = [i for i, c in enumerate(header.cells[1:], 1) if _SHARE_HEADER.search(c.text)]
    if not counts:
        return {}, None
    return {counts[-1]: (org_type, last_line.strip())}, (shares[-1] if shares else None)


def _lines(doc: Doc) -> tuple[list[str], list[int]]:
    """The lines of the Doc's text and where each starts, made once per Doc for the line readers."""
    cache = doc_cache(doc, "tables")
    if "lines" not in cache:
        lines, offsets, pos = doc_text(doc).split("\n"), [], 0
        for line in lines:
            offsets.append(pos)
            pos += len(line) + 1
        cache["lines"] = (lines, offsets)
    return cache["lines"]


def _segment_lines(doc: Doc) -> list[int]:
    """Indexes of the lines holding a whole segment span, in order: a list heading names its
    segment, so only these lines can open a list of counts or of members."""
    cache = doc_cache(doc, "tables")
    if "segment_lines" not in cache:
        lines, offsets = _lines(doc)
        found = set()
        for span in spans_in(doc, "segments", 0, len(doc_text(doc)), chars=True):
            i = bisect_right(offsets, span.start_char) - 1
            if span.end_char <= offsets[i] + len(lines[i]):
                found.add(i)
        cache["segment_lines"] = sorted(found)
    return cache["segment_lines"]


def _count_item(doc: Doc, start: int, end: int) -> tuple[str, int] | None:
    """'15 are acute trusts', '- one is a community trust', '4 mental health trusts', 'Acute: 15': a
    list item that counts one kind of organisation (one number, one population, nothing more)."""
    counts = [q for q in spans_in(doc, "quantities", start, end, chars=True) if q.label_ in {"CARD", "PERCENT"}]
    pops = spans_in(doc, "populations", start, end, chars=True)
    if len(counts) != 1 or len(pops) != 1 or counts[0].label_ != "CARD" or quantity_of(counts[0]) is None:
        return None
    count, pop = quantity_of(counts[0]).count, pops[0]
    if pop.start < counts[0].start:
        linked = doc[pop.end:counts[0].start].text.strip() in _ITEM_SEPARATORS
    else:
        linked = {t.lower_ for t in doc[counts[0].end:pop.start]} <= _ITEM_LINKS
    if count is None or not linked:
        return None
    return pop.label_, count


_ITEM_LINKS = {"is", "are", "were", "was", "of", "them", "these", "those", "a", "an", "-", "–", "("}
_ITEM_SEPARATORS = {":", "-", "–", "—", ""}


def _subset_lists(doc: Doc, result: DocResult, framework: str, period: str) -> list[tuple[int, int]]:
    """'Of the 21 trusts in segment 4:' over items '- 15 are acute trusts', '- 4 are mental health
    trusts' ...: each item counts one kind of trust in the heading's segment, out of its count.

    Items must name kinds other than the heading's and add up to no more than its count."""
    consumed: list[tuple[int, int]] = []
    lines, offsets = _lines(doc)
    for i in _segment_lines(doc):  # a heading with no segment span counts nothing
        line = lines[i]
        seg, counted = _counted_heading(doc, offsets[i], offsets[i] + len(line), line.strip())
        if seg is None:
            continue
        heading_types = {p.label_ for p in spans_in(doc, "populations", offsets[i], offsets[i] + len(line), chars=True)}
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        items = []
        while j < len(lines) and _BULLET.match(lines[j]):
            item = _count_item(doc, offsets[j] + _BULLET.match(lines[j]).start(1), offsets[j] + len(lines[j]))
            if item is None or item[0] in heading_types:
                break
            items.append((j, *item))
            j += 1
        if len(items) < 2 or sum(count for _, _, count in items) > counted:
            continue
        for k, org_type, count in items:
            text = _BULLET.match(lines[k]).group(1)
            at = offsets[k] + lines[k].find(text)
            result.claims.append(Claim(org_type=org_type, segments=(seg,), count=count, total=counted,
                                       framework=framework, period=period, text=text, start=at,
                                       end=at + len(text), org_words=text))
        consumed.append((offsets[items[0][0]], offsets[items[-1][0]] + len(lines[items[-1][0]])))
    return consumed


def _bullet_lists(doc: Doc, result: DocResult, framework: str, period: str,
                  taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Segment 4 – trusts:' followed by '- Name' lines: one membership per item (not the items of
    a list already read as counts)."""
    consumed = []
    lines, offsets = _lines(doc)
    after = 0  # the first line not yet read as a list's item
    for i in _segment_lines(doc):  # a heading with no segment span names none (both heading tests need one)
        if i < after:
            continue
        line = lines[i].strip()
        seg = _heading_segment(doc, offsets[i], offsets[i] + len(lines[i]), line)
        counted = None
        if seg is None:
            seg, counted = _counted_heading(doc, offsets[i], offsets[i] + len(lines[i]), line)
        if seg is None:
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        items = []
        while j < len(lines) and _BULLET.match(lines[j]):
            items.append(j)
            j += 1
        if not items or (counted is not None and counted != len(items)) \
                or any(a <= offsets[items[0]] < b for a, b in taken):
            continue
        heading_type = _population_of(doc, offsets[i], offsets[i] + len(lines[i]))
        for k in items:
            m = _BULLET.match(lines[k])
            name = m.group(1).rstrip(" ;,.")
            if (not _ORG_WORDS.search(name) and not name[:1].isupper()) or _MEASURE_ITEM.search(name):
                continue
            start = offsets[k] + lines[k].find(name)
            result.memberships.append(Membership(
                name=name, segment=seg, org_type=heading_type, framework=framework, period=period,
                text=name, start=start, end=start + len(name)))
        # a counting sentence stays for the claim builders; only its list is taken here
        first = offsets[items[0]] if counted is not None else offsets[i]
        consumed.append((first, offsets[items[-1]] + len(lines[items[-1]])))
        after = j
    return consumed


def _counted_heading(doc: Doc, start: int, end: int, line: str) -> tuple[int | None, int | None]:
    """'five trusts were in segment 4 on that date:' before a list: its segment and count.

    The list is taken as the organisations counted only when it has exactly that many items.
    """
    if not line.endswith(":") or len(line) > 200:
        return None, None
    segs = spans_in(doc, "segments", start, end, chars=True)
    found = {n for s in segs for n in segments_of(s)}
    counts = [q for q in spans_in(doc, "quantities", start, end, chars=True)
              if q.label_ == "CARD" and not any(s.start_char <= q.start_char < s.end_char for s in segs)]
    if len(found) != 1 or len(counts) != 1 or quantity_of(counts[0]) is None or quantity_of(counts[0]).count is None:
        return None, None
    return found.pop(), quantity_of(counts[0]).count


def _heading_segment(doc: Doc, start: int, end: int, line: str) -> int | None:
    """A short line naming exactly one segment and ending in ':' (or just a heading); not a
    measure and its value ('- NOF segment: 2 (no change)'), whose next lines are more measures."""
    if not line or len(line) > 90 or (not line.endswith((":", "–", "-")) and len(line.split()) > 6):
        return None
    if _VALUE_LINE.match(line):
        return None
    segs = spans_in(doc, "segments", start, end, chars=True)
    found = {n for s in segs for n in segments_of(s)}
    if len(found) != 1:
        return None
    if any(q.label_ in {"CARD", "PERCENT"} and not any(s.start_char <= q.start_char < s.end_char for s in segs)
           for q in spans_in(doc, "quantities", start, end, chars=True)):
        return None
    return found.pop()


# 'NOF segment: 2 (no change)', '- Oversight segment: 3': a measure named, then its value
_VALUE_LINE = regex.compile(r"^\s*(?:[-•*–·▪]\s*)?[^:]{0,40}\b(?:segment|segmentation|category|rating)\s*:\s*"
                            r"(?:segment\s*)?[1-5]\b(?!\s*:)", regex.I)
# an item that is a measure and its value ('Elective waiting list: 41,200', 'Sickness absence: 5.1%')
_MEASURE_ITEM = regex.compile(r":\s*[\d£$€]|\d\s*%|\bper\s+cent\b", regex.I)


# 'Segment 2 – 84 trusts (40%)', or in fixed-width columns 'Segment 2     84 trusts     (40%)'; not 'segment 4 – 5% of
# all trusts', whose figure after the dash is a share
_LABEL_LINE = regex.compile(r"^\s*(?:[-•*]\s*)?(?:(?P<label>[^:|]{3,60}?)\s+in\s+)?segment\s*(?P<seg>[1-5])"
                            r"(?:\s*[:–—-]|\s{2,}|\t)\s*(?P<count>\d{1,4})\b(?!\s*(?:%|per\s*cent|percent))"
                            r"(?P<rest>.*)$", regex.I)
_LABEL_CORE = regex.compile(r"segment\s*[1-5](?:\s*[:–—-]|\s{2,}|\t)\s*\d", regex.I)  # within every label line
_TOTAL_LINE = regex.compile(r"^\s*(?:[-•*]\s*)?(?:total|all segments|all)(?:\s*[:–—-]|\s{2,}|\t)\s*"
                            r"(?P<count>\d{1,4})\b(?P<rest>.*)$", regex.I)
_MORE_COUNTS = regex.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|no|none)\b", regex.I)
_REST_PERCENT = regex.compile(r"\((\d{1,3}(?:\.\d)?)\s*%\)")
_HEADING_SIZE = regex.compile(r"\((\d{1,4})\)")
_NAMES_IN_BRACKETS = regex.compile(r"\([^)]*\p{Lu}\p{Ll}[^)]*\)")


def _names_in_brackets(doc: Doc, rest: str, at: int) -> bool:
    """'2 ICBs (Frimley, Dorset)' names members; '4 ICBs (Recovery Support Programme)' names
    the segment itself (a segment span lies inside the bracket), so the line stays a count line."""
    for b in _NAMES_IN_BRACKETS.finditer(rest):
        a, z = at + b.start(), at + b.end()
        if not spans_in(doc, "segments", a, z, chars=True):
            return True
    return False


def _may_label(line: str) -> bool:
    """Whether ``line`` holds what _LABEL_LINE needs: the word 'segment' (each letter the
    pattern's case-blind 'segment' accepts casefolds to that letter, so the word is then in the
    casefolded line), then a segment, a separator and a count (a piece of the pattern, which
    finds them without trying every label before them). A failed match costs far more."""
    return "segment" in line.casefold() and _LABEL_CORE.search(line) is not None


def _may_hold_label_lines(text: str) -> bool:
    """Whether ``text`` may hold what _label_lines reads: a label line (each holds a match of
    _LABEL_CORE) or a heading with its size in brackets (_HEADING_SIZE). A match in one line is
    a match in the text, and without either the lines add no claim and take no line. Most
    texts have neither."""
    return _LABEL_CORE.search(text) is not None or _HEADING_SIZE.search(text) is not None


def _label_lines(doc: Doc, result: DocResult, framework: str, period: str) -> list[tuple[int, int]]:
    """'Acute trusts (134):' followed by 'segment 1 – 14' lines: one claim per line, and the
    heading's bracketed figure as the population size."""
    if not _may_hold_label_lines(doc_text(doc)):
        return []
    consumed = []
    heading_type, heading_end = "", -1
    run: list[Claim] = []  # the claims of the segment lines just read, which a Total line sizes
    above = (0, 0)  # the line before the run, which may state what its counts add up to
    pos = 0
    for line in [*_lines(doc)[0], ""]:
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        m = _LABEL_LINE.match(line) if _may_label(line) else None
        total = _TOTAL_LINE.match(line) if m is None and run else None
        if total is not None and _total_line(doc, result, run, total, start, end):
            consumed.append((start, end))
            run = []
            continue
        if run and m is None and (stripped or pos > len(doc_text(doc))):
            _total_above(doc, result, run, above)
            run = []
        if not stripped:
            continue
        if m is None:
            above = (start, end)
            if stripped.endswith(":") or (":" in stripped and _HEADING_SIZE.search(stripped.split(":")[0])):
                heading_type = _population_of(doc, start, end)
                heading_end = end
                size = _HEADING_SIZE.search(stripped)
                if heading_type and size:
                    at = start + line.find(stripped)
                    result.claims.append(Claim(org_type=heading_type, count=int(size.group(1)),
                                               framework=framework, period=period, text=stripped,
                                               start=at, end=at + len(stripped), org_words=stripped))
            elif not stripped.startswith(("-", "•", "*")):
                heading_type = ""
            continue
        rest = m.group("rest")
        bare = _BRACKETED.sub("", rest)
        if _MORE_COUNTS.search(bare) or _names_in_brackets(doc, rest, start + m.start("rest")):
            continue  # 'Segment 1: 34 trusts (17%) – 14 acute, 20 non-acute ...', 'Segment 1: 2 ICBs (Frimley and
            # Dorset)' are prose for the claim builder, which reads the counts and the names they count
        org_type = _population_of(doc, start + m.start("rest"), end) or heading_type
        if m.group("label"):
            org_type = _population_of(doc, start + m.start("label"), start + m.end("label")) or org_type
        if not org_type:
            continue
        at = start + line.find(stripped)
        pct = _REST_PERCENT.search(m.group("rest"))
        claim = Claim(org_type=org_type, segments=(int(m.group("seg")),), count=int(m.group("count")),
                      percent=float(pct.group(1)) if pct else None, framework=framework, period=period,
                      text=stripped, start=at, end=at + len(stripped))
        result.claims.append(claim)
        run.append(claim)
        consumed.append((start, end))
        if heading_end > 0:
            consumed.append((heading_end - 1, heading_end))
    return consumed


def _total_above(doc: Doc, result: DocResult, run: list[Claim], above: tuple[int, int]) -> None:
    """'206 trusts were segmented at quarter 4.' over segment lines counting 27, 78, 80 and 21
    trusts: the count the lines add up to, stated just above them, is their population's size."""
    kinds = {c.org_type for c in run}
    if len(kinds) != 1 or any(c.total is not None for c in run) or above[0] >= above[1]:
        return
    org_type, size = kinds.pop(), sum(c.count or 0 for c in run)
    pops = [p for p in spans_in(doc, "populations", *above, chars=True) if p.label_ == org_type]
    for q in spans_in(doc, "quantities", *above, chars=True):
        if q.label_ == "CARD" and quantity_of(q) is not None and quantity_of(q).count == size \
                and any(p.start in {q.end, q.end + 1} for p in pops):
            break
    else:
        return
    for claim in run:
        claim.total = size
    sent = doc.char_span(q.start_char, q.end_char).sent
    text = sent.text.strip()
    at = sent.start_char + sent.text.find(text)
    result.claims.append(Claim(org_type=org_type, count=size, framework=run[0].framework, period=run[0].period,
                               text=text, start=at, end=at + len(text), org_words=org_type))


def _total_line(doc: Doc, result: DocResult, run: list[Claim], m: regex.Match, start: int, end: int) -> bool:
    """'Total   42 ICBs' under segment lines: the size of the population they count, when the
    line names that population or none (a total of something else, 'Total  £2.1bn', is left)."""
    if _MONEY_OR_DECIMAL.search(m.group("rest")) or _MORE_COUNTS.search(m.group("rest")):
        return False
    kinds = {c.org_type for c in run}
    org_type = _population_of(doc, start + m.start("rest"), end) or (kinds.pop() if len(kinds) == 1 else "")
    if not org_type or org_type not in {c.org_type for c in run}:
        return False
    line = doc_text(doc)[start:end]
    stripped = line.strip()
    at = start + line.find(stripped)
    count = int(m.group("count"))
    if sum(c.count or 0 for c in run if c.org_type == org_type) > count:
        return False
    for claim in run:
        if claim.org_type == org_type and claim.total is None:
            claim.total = count
    result.claims.append(Claim(org_type=org_type, count=count, framework=run[0].framework, period=run[0].period,
                               text=stripped, start=at, end=at + len(stripped), org_words=m.group("rest").strip()))
    return True


_RANK_LINE = regex.compile(r"^\s*(?:#|no\.?\s*)?(?P<joint>=)?(?P<rank>\d{1,3})(?P<joint2>=)?[.)]?\s+"
                           r"(?P<name>[A-Z][^()|\t]{2,90}?(?:\s*\([\w\s=-]{3,30}\))??)"
                           r"\s*(?:\((?:segment\s*)?(?P<seg>[1-5])\)|[-–—,]\s*segment\s*(?P<seg2>[1-5]))?"
                           r"(?:\s*[-–—,:(]\s*(?:(?:average\s+)?score(?:\s+of)?:?\s*)?\d\.\d{1,3}\)?)?\s*$", regex.I)
# 'X – 3rd', 'X: joint 45th', 'X, ranked 12th=', 'X (sixty-fifth place)': the item states its own position
_STATED = regex.compile(r"^(?P<name>.+?)\s*(?:[-–—:,]|\()\s*(?:(?:ranked|placed|came|position)\s+)?"
                        r"(?P<joint>(?:joint|equal)\s+|=)?(?P<pos>\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:[- ][a-z]+){0,3}?)"
                        r"(?P<joint2>=)?(?:\s+(?:place|position|overall|nationally))?\)?$", regex.I)
_RANK_CAPTION = regex.compile(r"\b(rank|ranked|rankings?|league|position|bottom|top)\b", regex.I)
_LIST_CAPTION = regex.compile(r"\b(list|table|follows|following)\b", regex.I)


def _names_organisation(name: str) -> bool:
    from ..gazetteer import load_gazetteer

    return bool(_ORG_WORDS.search(name)) or bool(load_gazetteer().resolve(name.strip()).code)


def _stated_position(name: str) -> tuple[str, int, bool] | None:
    """'The Christie NHS Foundation Trust – 3rd' → the name, 3 and not joint: a list item that states
    its own position, so the list's numbering is only the order the writer chose."""
    m = _STATED.match(name.strip())
    value = parse_ordinal(m.group("pos")) if m else None
    if not value:
        return None
    return m.group("name").strip(), value, bool(m.group("joint") or m.group("joint2"))


def _list_line(line: str) -> regex.Match | None:
    """A numbered line naming one organisation; a bracket after the name must be its position."""
    m = _RANK_LINE.match(line)
    return m if m and ("(" not in m.group("name") or _stated_position(m.group("name"))) else None


def _counts_from_one(matches: list[regex.Match]) -> bool:
    """'1.', '2.', '3.' ...: the numbering of a list that is itself the table's order."""
    return [int(m.group("rank")) for m in matches] == list(range(1, len(matches) + 1))


def _may_rank(line: str) -> bool:
    """False for a blank line, or one that opens (after spaces) with an ASCII letter other than
    'n': _RANK_LINE needs '#', 'no', '=' or a digit there. Most lines are prose or blank, and this
    spares the pattern."""
    first = line.lstrip()[:1]
    return bool(first) and (not (first.isascii() and first.isalpha()) or first in "nN")


def _listed_lines(doc: Doc) -> dict[int, regex.Match]:
    """The ``_RANK_LINE`` match of each line ``_list_line`` accepts, by line index, in order:
    made once per Doc, as a ranked list reads its lines' matches again and again."""
    cache = doc_cache(doc, "tables")
    if "listed" not in cache:
        cache["listed"] = {i: m for i, line in enumerate(_lines(doc)[0]) if _may_rank(line) and (m := _list_line(line))}
    return cache["listed"]


def _list_runs(doc: Doc) -> list[tuple[int, int]]:
    """(first, last + 1) line indexes of each run of three or more consecutive numbered lines
    naming an organisation (``_list_line``), in order."""
    runs: list[tuple[int, int]] = []
    for i in _listed_lines(doc):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return [(a, b) for a, b in runs if b - a >= 3]


def _rank_lists(doc: Doc, result: DocResult, framework: str, period: str,
                taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A ranked list written as lines: '134  Hull University Teaching Hospitals (4)' under a caption
    such as 'Rank out of 134 acute trusts, with oversight segment in brackets'. Lines a table
    has read already (``taken``: 'Position  Trust  Segment' rows are numbered lines too) are
    not read again."""
    consumed: list[tuple[int, int]] = []
    texts, offsets = _lines(doc)
    lines = list(zip(offsets, texts, strict=True))
    listed = _listed_lines(doc)
    for start_line, end_line in _list_runs(doc):
        run = lines[start_line:end_line]
        if any(a <= run[0][0] < b for a, b in taken):
            continue
        matches = [listed[i] for i in range(start_line, end_line)]
        # the line just above the list says what it is (not the whole page's opening)
        caption = next((line for _, line in reversed(lines[:start_line]) if line.strip()), "")
        stated = [_stated_position(m.group("name")) for m in matches]
        if any(stated):  # the items' own positions rank them; an item without one is left to the prose
            pairs = [(line, m, own) for line, m, own in zip(run, matches, stated, strict=True) if own]
            if not (_RANK_CAPTION.search(caption) or (len(pairs) == len(run) and league_context(doc))):
                continue
        else:
            pairs = [(line, m, None) for line, m in zip(run, matches, strict=True)]
            if not _RANK_CAPTION.search(caption) and not (_LIST_CAPTION.search(caption) and _counts_from_one(matches)
                                                          and league_context(doc)):
                continue
        names = [own[0] if own else m.group("name") for _, m, own in pairs]
        if sum(1 for name in names if _names_organisation(name)) * 2 < len(run):
            continue  # '1. Reduce waiting times': a numbered list of something other than organisations
        total_m = _OF_TOTAL.search(caption)
        low = caption.lower()
        league = ("non_acute" if "non-acute" in low else "ambulance" if "ambulance" in low else
                  "acute" if "acute" in low else "")
        for (start, line), m, own in pairs:
            seg = m.group("seg") or m.group("seg2")
            name, rank, joint = own or (m.group("name").strip(), int(m.group("rank")),
                                        bool(m.group("joint") or m.group("joint2")))
            stripped = line.strip()
            at = start + line.find(stripped)
            result.rankings.append(Ranking(
                name=name, league=league, rank=rank, joint=joint,
                total=int(total_m.group(1)) if total_m else None, segment=int(seg) if seg else None,
                framework=framework, period=period, text=stripped, start=at, end=at + len(stripped)))
            if seg:
                result.memberships.append(Membership(name=name, segment=int(seg), framework=framework, period=period,
                                                     text=stripped, start=at, end=at + len(stripped)))
        consumed.append((run[0][0], run[-1][0] + len(run[-1][1])))
    return consumed
