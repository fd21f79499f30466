"""Draft directives from a pasted conclusion text (thông báo kết luận or a news report).

Rule-based and deterministic: no model, no dependency beyond the standard library.
``extract(text, meeting_date=...)`` returns the proposed meeting header and one
draft per directive; nothing is saved (the clerk corrects and saves the drafts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tracker.errors import ValidationError
from tracker.extraction.orgs import GROUP_ALL, GROUP_UNIONS
from tracker.extraction.periods import chair, meeting_date, quarter_mentions
from tracker.extraction.rules import LEAD, SUPPORT, Directive, Extractor, Owner
from tracker.extraction.spans import aligned_fold, normalize, sentences
from tracker.quarters import Quarter

__all__ = [
    "GROUP_ALL",
    "GROUP_UNIONS",
    "LEAD",
    "MAX_CHARS",
    "SUPPORT",
    "Directive",
    "Extraction",
    "MeetingGuess",
    "Owner",
    "extract",
]

MAX_CHARS = 200_000  # a long notice is 20 kB; anything far larger is not one
_REVIEW_WORDS = re.compile(r"\b(?:da|ket qua|danh gia|so ket|tong ket|bieu duong|giao ban)\b")
_DAY_MONTH = re.compile(r"\d{1,2}\s*(?:/|-|\.)\s*\d{1,2}|(?:ngay\s+\d{1,2}\s+)?thang\s+\d{1,2}\b")
_AHEAD_WORDS = re.compile(
    r"(?:nhiem vu|trong tam|trien khai|phuong huong|ke hoach|toi|cuoi nam)[^,.]{0,30}$"
)


@dataclass(frozen=True)
class MeetingGuess:
    held_on: date | None
    chair: str | None
    chair_position: str | None
    reviewed: Quarter | None


@dataclass(frozen=True)
class Extraction:
    meeting: MeetingGuess
    directives: tuple[Directive, ...]

    def to_json(self) -> dict[str, Any]:
        """The shape ``giaoban extract --json`` prints."""
        m = self.meeting
        return {
            "meeting": {
                "held_on": m.held_on.isoformat() if m.held_on else None,
                "chair": m.chair,
                "reviewed": m.reviewed.iso if m.reviewed else None,
            },
            "directives": [
                {
                    "content": d.content,
                    "owners": [
                        {"org": o.org, "role": o.role, "as_written": o.as_written} for o in d.owners
                    ],
                    "due_quarter": d.due.iso if d.due else None,
                }
                for d in self.directives
            ],
        }


def check_text(text: str) -> str:
    """The text to read, or a ValidationError in Vietnamese for an unusable paste."""
    if len(text) > MAX_CHARS:
        raise ValidationError(
            f"Văn bản quá dài ({len(text):,} ký tự; tối đa {MAX_CHARS:,}). "
            "Hãy dán riêng phần kết luận.".replace(",", "."),
            field="text",
        )
    if "\x00" in text or sum(1 for c in text[:4000] if ord(c) < 32 and c not in "\n\r\t") > 8:
        raise ValidationError("Nội dung dán vào không phải văn bản.", field="text")
    if not text.strip():
        raise ValidationError(
            "Chưa có văn bản: hãy dán thông báo kết luận hoặc tin bài.", field="text"
        )
    return text


def _reviewed(folded: list[str], held_on: date | None) -> Quarter | None:
    for f in folded:
        if not _REVIEW_WORDS.search(f):
            continue
        for q in quarter_mentions(f):
            if _AHEAD_WORDS.search(f, 0, q.start) or _DAY_MONTH.match(f, q.start):
                continue  # a period ahead, or the meeting's own date: not what was reviewed
            if found := q.resolve(held_on):
                return found
    return None if held_on is None else Quarter.of(held_on).previous()


def extract(text: str, *, meeting_date_hint: date | None = None) -> Extraction:
    """Read ``text``; ``meeting_date_hint`` (the clerk's date) wins over the text's."""
    check_text(text)
    found = sentences(text)
    folded = [s.folded for s in found]
    held_on = meeting_date_hint or meeting_date(folded, aligned_fold(normalize(text)))
    who = chair(normalize(text))
    extractor = Extractor(held_on)
    for s in found:
        if not extractor.feed(s):
            break
    meeting = MeetingGuess(
        held_on,
        who[0] if who else None,
        (who[1] or None) if who else None,
        _reviewed(folded, held_on),
    )
    return Extraction(meeting, tuple(extractor.directives))
