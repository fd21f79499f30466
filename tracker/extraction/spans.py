"""Paragraphs, sentences and clauses of a pasted text, with an aligned folded copy."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tracker.text import fold

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
# A sentence ends at ". ", "! ", "? ", "…" or "./." before a capital, a digit or a
# bullet; never inside "TP. Hồ Chí Minh" or a number like "1.200".
_SENTENCE_END = re.compile(r"(?<!\bTP)(?<!\bTp)(?:[.!?…]+(?:/\.)?)\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9\-–•+*])")
_BULLET = re.compile(
    r"^\s*(?:[-–•+*]|[0-9]{1,2}[.)]|[a-zđ][.)]|[IVX]{1,4}[.)]|"
    r"(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Thứ nhất|Thứ hai|Thứ ba|Thứ tư|Thứ năm|Thứ sáu) là,|"
    r"Thứ (?:nhất|hai|ba|tư|năm|sáu),)\s*"
)


def normalize(text: str) -> str:
    """NFC, one space between words, lines kept (they separate paragraphs)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def aligned_fold(text: str) -> str:
    """``fold`` one character at a time: same length as ``text``, so offsets agree."""
    out = []
    for ch in text:
        f = fold(ch) if not ch.isspace() else " "
        out.append(f if len(f) == 1 else (ch.lower()[:1] if len(ch.lower()) >= 1 else " "))
    return "".join(out)


@dataclass(frozen=True)
class Sentence:
    text: str
    folded: str
    bullet: bool  # written as a list item ("- …", "1. …", "a) …")
    paragraph: int
    first: bool  # the paragraph's first sentence
    title: bool = False  # the headline above the text (no full stop, more text below)


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of the normalized text (a line is a paragraph)."""
    return [line for line in normalize(text).split("\n") if line.strip()]


def sentences(text: str) -> list[Sentence]:
    """The text's sentences in order, each with its paragraph number."""
    out: list[Sentence] = []
    paras = paragraphs(text)
    for number, para in enumerate(paras):
        title = (
            number == 0
            and len(paras) > 1
            and not para.rstrip().endswith((".", ":", ";", "…"))
            and len(para.split()) <= 30
        )
        bullet = bool(_BULLET.match(para))
        para = _BULLET.sub("", para, count=1) if bullet else para
        start = 0
        pieces: list[str] = []
        for m in _SENTENCE_END.finditer(para):
            pieces.append(para[start : m.start()])
            start = m.end()
        pieces.append(para[start:])
        first = True
        for piece in pieces:
            piece = piece.strip().rstrip("./ ").strip()
            if not piece:
                continue
            out.append(Sentence(piece, aligned_fold(piece), bullet and first, number, first, title))
            first = False
    return out


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of the ";"-separated clauses of a sentence (not inside brackets)."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(sentence):
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch == ";" and not depth:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(sentence)))
    return [(a, b) for a, b in spans if sentence[a:b].strip()]
