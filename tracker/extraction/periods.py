"""Quarters, dates and the chair as a conclusion text writes them (on folded text)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.quarters import Quarter

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_Y = r"(?P<y>(?:19|20)[0-9]{2})"
_YSEP = rf"(?:(?: ?[-/.] ?| nam | )(?:nam )?{_Y})?"
_QUARTER = re.compile(rf"\bquy (?P<q>iv|iii|ii|i)\b{_YSEP}")
_PERIOD = re.compile(rf"\b(?P<n>3|6|9|ba|sau|chin) thang(?: (?P<pos>dau|cuoi))? nam{_YSEP}")
_YEAR = re.compile(
    r"\b(?:trong|ca|het|cuoi|den het|truoc het) nam(?: (?P<y>(?:19|20)[0-9]{2}))?\b"
    r"|\bnam (?P<y2>(?:19|20)[0-9]{2})\b|\bnam nay\b"
)
_MONTH = re.compile(rf"\bthang (?P<m>1[0-2]|0?[1-9])(?:(?: ?[-/.] ?| nam ){_Y})?\b")
_DAY = re.compile(
    r"\b(?:truoc|den|cham nhat|han|xong truoc|hoan thanh truoc) (?:ngay )?"
    rf"(?P<d>[0-3]?[0-9]) ?[-/.] ?(?P<m>1[0-2]|0?[1-9])(?: ?[-/.] ?{_Y})?\b"
)
_VAGUE = re.compile(r"\b(?:thuong xuyen|thoi gian toi|lau dai|hang nam|hang quy|ca nhiem ky)\b")
_PERIOD_END = {("3", "dau"): 1, ("6", "dau"): 2, ("9", "dau"): 3}
_WORD_NUMBERS = {"ba": "3", "sau": "6", "chin": "9"}


@dataclass(frozen=True)
class QuarterMention:
    """A quarter named in the text: ``year`` None when the text left it out."""

    number: int
    year: int | None
    start: int
    weak: bool = False  # a bare "năm 2022", often part of a name ("Tháng Thanh niên năm 2023")

    def resolve(self, meeting: date | None) -> Quarter | None:
        if self.year is not None:
            return _safe(self.year, self.number)
        if meeting is None:
            return None
        q = _safe(meeting.year, self.number)
        # "quý I" said at a December giao ban is next year's first quarter.
        if q is not None and q < Quarter.of(meeting) - 1:
            q = _safe(meeting.year + 1, self.number)
        return q


def _safe(year: int, number: int) -> Quarter | None:
    try:
        return Quarter(year, number)
    except ValueError:
        return None


def _year(m: re.Match[str]) -> int | None:
    y = m.groupdict().get("y")
    return int(y) if y else None


def quarter_mentions(folded: str) -> list[QuarterMention]:
    """Every quarter, period, year or dated event in ``folded``, in text order."""
    found: list[QuarterMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], number: int, year: int | None, weak: bool = False) -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(QuarterMention(number, year, m.start(), weak))

    for m in _QUARTER.finditer(folded):
        add(m, _ROMAN[m["q"]], _year(m))
    for m in _PERIOD.finditer(folded):
        n = _WORD_NUMBERS.get(m["n"], m["n"])
        add(m, _PERIOD_END.get((n, m["pos"] or "dau"), 4), _year(m))
    for m in _DAY.finditer(folded):
        add(m, (int(m["m"]) - 1) // 3 + 1, _year(m))
    for m in _MONTH.finditer(folded):
        add(m, (int(m["m"]) - 1) // 3 + 1, _year(m))
    for m in _YEAR.finditer(folded):
        y = m["y"] or m["y2"]
        add(m, 4, int(y) if y else None, weak=m["y2"] is not None)
    found.sort(key=lambda q: q.start)
    return found


def is_vague(folded: str) -> bool:
    """Whether the text says the task has no term ("thường xuyên", "thời gian tới")."""
    return _VAGUE.search(folded) is not None


# --- the meeting -----------------------------------------------------------------------------

_HELD = re.compile(
    r"(?:^|\b(?:sang|chieu|toi|trua|hom nay|vao|ngay)(?: nay)?\b[ ,(]*)(?:ngay )?"
    rf"(?P<d>[0-3]?[0-9]) ?(?:[-/.]|thang) ?(?P<m>1[0-2]|0?[1-9])(?:(?: ?[-/.] ?| nam ){_Y})?\b"
)
_MEETING_WORDS = re.compile(r"\b(?:giao ban|hoi nghi|lam viec|cuoc hop|hop|ket luan)\b")
_DOC_DATE = re.compile(rf"\bngay (?P<d>[0-3]?[0-9]) thang (?P<m>1[0-2]|0?[1-9]) nam {_Y}")
_ANY_YEAR = re.compile(r"(?<![0-9] -)(?<![0-9]-)\b(?:19|20)[0-9]{2}\b(?! ?-[0-9])")


def _date(d: int, m: int, y: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def text_year(folded: str) -> int | None:
    """The year the text talks about most (for a date written without one)."""
    counts: dict[int, int] = {}
    for m in _ANY_YEAR.finditer(folded):
        y = int(m[0])
        if 1990 <= y <= 2100:
            counts[y] = counts.get(y, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def meeting_date(sentences: list[str], folded_all: str) -> date | None:
    """The day of the meeting: a date in a sentence about the meeting, else the
    document's own date line ("…, ngày 05 tháng 4 năm 2021")."""
    year = text_year(folded_all)
    for folded in sentences:
        if not _MEETING_WORDS.search(folded):
            continue
        m = _HELD.search(folded)
        if m is None or m.start() > 40:
            continue
        y = _year(m) or year
        if _year(m) is None and y is not None and m["m"].lstrip("0") == "1":
            if re.search(rf"\b{y + 1}\b", folded_all):  # January: last year reviewed
                y += 1
        if y is not None and (found := _date(int(m["d"]), int(m["m"]), y)):
            return found
    for folded in sentences:
        if m := _DOC_DATE.search(folded):
            return _date(int(m["d"]), int(m["m"]), int(m["y"]))
    return None


_NAME = r"(?P<name>(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*)(?: [A-ZĐÀ-Ỹ][a-zà-ỹđ]*){1,4})"
_CHAIRS = (
    re.compile(
        rf"(?:[Đđ]ồng chí|đ/c|Đ/c) {_NAME}(?P<pos>(?:,| -| –)[^.;]{{0,160}}?)?,? (?:đã )?chủ trì"
    ),
    re.compile(rf"chủ trì của (?:đồng chí|đ/c) {_NAME}(?P<pos>,[^.;]{{0,160}})?"),
    re.compile(
        rf"[Cc]hủ trì(?: hội nghị| giao ban| buổi giao ban)? (?:là|có) (?:đồng chí|đ/c) {_NAME}"
        r"(?P<pos>,[^.;]{0,160})?"
    ),
    re.compile(rf"(?:[Đđ]ồng chí|đ/c|Đ/c) {_NAME}(?P<pos>(?:,| -| –)[^.;:]{{0,160}}?)?,? kết luận"),
)


def chair(text: str) -> tuple[str, str] | None:
    """The chair's name and position, when the text says who chaired."""
    for pattern in _CHAIRS:
        if m := pattern.search(text):
            pos = (m["pos"] or "").strip(" ,-–")
            pos = re.split(r" chủ trì| đã chủ trì| kết luận", pos)[0].strip(" ,-–")
            return m["name"], pos
    return None
