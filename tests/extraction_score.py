"""Score the conclusion-text extractor against hand annotations.

    python -m tests.extraction_score tests/data/extraction/dev [-v]

A draft matches an annotated directive when most of their words agree: the
words (folded, punctuation dropped) they share are more than half of the
longer one's. Matching is one-to-one, best pairs first. On matched pairs,
owners are right when the organizations from the standard list (with their
roles) are the same sets; names outside the list (``org`` null) are not
compared. Quarters are compared as "2021-Q2" or null.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.extraction import extract
from tracker.text import fold

_WORD = re.compile(r"[0-9a-z]+")


def words(text: str) -> set[str]:
    return set(_WORD.findall(fold(text)))


def agreement(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), len(wb))


def owner_key(owners: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(o["org"], o["role"]) for o in owners if o.get("org")}


@dataclass
class Scores:
    gold: int = 0
    drafts: int = 0
    matched: int = 0
    owners_right: int = 0
    quarter_right: int = 0
    no_directive_texts: int = 0
    drafts_on_no_directive: int = 0
    meeting_fields: int = 0
    meeting_right: int = 0
    texts: int = 0
    slowest_ms: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.drafts if self.drafts else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def owner_accuracy(self) -> float:
        return self.owners_right / self.matched if self.matched else 1.0

    @property
    def quarter_accuracy(self) -> float:
        return self.quarter_right / self.matched if self.matched else 1.0

    def summary(self) -> str:
        return (
            f"{self.texts} texts ({self.no_directive_texts} without directive): "
            f"{self.gold} annotated, {self.drafts} drafts, {self.matched} matched; "
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}; "
            f"owners {self.owner_accuracy:.1%}, quarter {self.quarter_accuracy:.1%} of matched; "
            f"drafts on no-directive texts {self.drafts_on_no_directive}; "
            f"meeting fields {self.meeting_right}/{self.meeting_fields}; "
            f"slowest {self.slowest_ms:.1f} ms"
        )


def _match(gold: list[dict[str, Any]], drafts: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs = sorted(
        (
            (agreement(g["content"], d["content"]), i, j)
            for i, g in enumerate(gold)
            for j, d in enumerate(drafts)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_d: set[int] = set()
    out: list[tuple[int, int]] = []
    for score, i, j in pairs:
        if score <= 0.5:
            break
        if i in used_g or j in used_d:
            continue
        used_g.add(i)
        used_d.add(j)
        out.append((i, j))
    return out


def score(folder: Path) -> Scores:
    s = Scores()
    for path in sorted(folder.glob("*.txt")):
        ann = json.loads(path.with_suffix(".json").read_text("utf-8"))
        text = path.read_text("utf-8")
        t0 = time.perf_counter()
        got = extract(text).to_json()
        s.slowest_ms = max(s.slowest_ms, (time.perf_counter() - t0) * 1000)
        gold, drafts = ann["directives"], got["directives"]
        s.texts += 1
        s.gold += len(gold)
        s.drafts += len(drafts)
        if not gold:
            s.no_directive_texts += 1
            s.drafts_on_no_directive += len(drafts)
        for key in ("held_on", "chair", "reviewed"):
            if ann["meeting"].get(key):
                s.meeting_fields += 1
                if got["meeting"][key] == ann["meeting"][key]:
                    s.meeting_right += 1
                else:
                    s.notes.append(
                        f"{path.stem}: meeting {key} {got['meeting'][key]!r} "
                        f"≠ {ann['meeting'][key]!r}"
                    )
        pairs = _match(gold, drafts)
        s.matched += len(pairs)
        for i, j in pairs:
            g, d = gold[i], drafts[j]
            if owner_key(g["owners"]) == owner_key(d["owners"]):
                s.owners_right += 1
            else:
                s.notes.append(
                    f"{path.stem}: owners {sorted(owner_key(d['owners']))} ≠ "
                    f"{sorted(owner_key(g['owners']))} for «{g['content'][:50]}»"
                )
            if g["due_quarter"] == d["due_quarter"]:
                s.quarter_right += 1
            else:
                s.notes.append(
                    f"{path.stem}: quarter {d['due_quarter']} ≠ {g['due_quarter']} "
                    f"for «{g['content'][:50]}»"
                )
        for i in sorted(set(range(len(gold))) - {i for i, _ in pairs}):
            s.notes.append(f"{path.stem}: missed «{gold[i]['content'][:70]}»")
        for j in sorted(set(range(len(drafts))) - {j for _, j in pairs}):
            s.notes.append(f"{path.stem}: extra «{drafts[j]['content'][:70]}»")
    return s


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folders", nargs="+", type=Path)
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = p.parse_args(argv)
    for folder in args.folders:
        s = score(folder)
        print(f"{folder}: {s.summary()}")
        if args.verbose:
            for note in s.notes:
                print("  " + note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
