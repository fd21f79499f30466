"""Directives being entered that resemble an open one: the grid's duplicate warning.

A draft (typed, imported or extracted from a pasted text) is compared with the open
directives on the folded text (tracker.text.fold): candidates come from the FTS5
trigram table ``directive_fts`` (bm25 over the draft's trigrams, so rare ones weigh
most), then each is scored by the share of trigrams the two texts have in common
(Dice coefficient). A match only warns: nothing here ever refuses a save.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tracker.statuses import UNFINISHED_VALUES as UNFINISHED
from tracker.store.pg import is_postgres
from tracker.store.proxy import database
from tracker.text import fold

THRESHOLD = 0.6  # Dice similarity of the trigram sets from which a draft is said to repeat
CANDIDATES = 20  # best FTS candidates scored per draft
RARE_TRIGRAMS = 12  # the draft's rarest trigrams whose directives become candidates
_VOCAB = "giaoban_fts_vocab"  # a connection's own view of directive_fts's terms
MIN_CHARS = 12  # shorter folded texts are not compared ("Báo cáo" resembles too much)


@dataclass(frozen=True)
class DuplicateMatch:
    """An open directive that a draft resembles."""

    directive_id: int
    content: str
    meeting_id: int
    meeting_title: str
    meeting_held_on: date
    similarity: float  # 0..1


def trigrams(folded: str) -> set[str]:
    """The set of 3-character substrings of a folded text (padded with a space)."""
    padded = f" {folded} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the trigram sets of two texts, compared folded."""
    ta, tb = trigrams(fold(a)), trigrams(fold(b))
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def _rare(grams: Iterable[str], count: int) -> list[str]:
    """The ``count`` trigrams of ``grams`` found in the fewest directives (absent ones
    dropped: they match nothing), from FTS5's own vocabulary."""
    words = sorted(g for g in grams if len(g.strip()) == 3)
    if not words:
        return []
    found: list[tuple[int, str]] = []
    for start in range(0, len(words), 500):
        chunk = words[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        found += [
            (int(n), str(t))
            for t, n in database.execute_sql(
                f"SELECT term, doc FROM temp.{_VOCAB} WHERE term IN ({marks})", chunk
            )
        ]
    found.sort()
    return [t for _, t in found[:count]]


def _ensure_vocab() -> None:
    database.execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_VOCAB} "
        "USING fts5vocab(main, directive_fts, row)"
    )


def similar_open(
    texts: Sequence[str],
    *,
    threshold: float = THRESHOLD,
    exclude_ids: Iterable[int] = (),
) -> list[list[DuplicateMatch]]:
    """For each draft text, the open directives it resembles, most similar first.

    ``exclude_ids`` are directives never reported (the one being edited itself).
    """
    excluded = set(exclude_ids)
    out: list[list[DuplicateMatch]] = []
    if not texts:
        return out
    server = is_postgres(database)
    if not server:
        _ensure_vocab()
    placeholders = ",".join("?" for _ in UNFINISHED)  # PgDatabase translates the marks
    for text in texts:
        folded = fold(text)
        grams = trigrams(folded)
        if len(folded) < MIN_CHARS:
            out.append([])
            continue
        # Candidates: the directives holding most of the draft's rarest trigrams
        # (on a server, pg_trgm's index over the folded text finds them).
        hits: Counter[int] = Counter()
        if server:
            rare = []
            hits.update(
                r[0]
                for r in database.execute_sql(
                    "SELECT id FROM directive WHERE content_folded % ? "
                    "ORDER BY similarity(content_folded, ?) DESC LIMIT ?",
                    (folded, folded, CANDIDATES),
                )
            )
        else:
            rare = _rare(grams, RARE_TRIGRAMS)
        for g in rare:
            phrase = '"' + g.replace('"', '""') + '"'
            hits.update(
                r[0]
                for r in database.execute_sql(
                    "SELECT rowid FROM directive_fts WHERE directive_fts MATCH ?", (phrase,)
                )
            )
        ids = [i for i, _ in hits.most_common(CANDIDATES) if i not in excluded]
        found: list[DuplicateMatch] = []
        if ids:
            marks = ",".join("?" for _ in ids)
            for did, content, cf, mid, title, held in database.execute_sql(
                "SELECT d.id, d.content, d.content_folded, m.id, m.title, m.held_on "
                "FROM directive d JOIN meeting m ON m.id = d.meeting_id "
                f"WHERE d.id IN ({marks}) AND d.status IN ({placeholders})",
                (*ids, *UNFINISHED),
            ):
                other = trigrams(cf)
                score = 2 * len(grams & other) / (len(grams) + len(other))
                if score >= threshold:
                    held_on = held if isinstance(held, date) else date.fromisoformat(str(held)[:10])
                    found.append(DuplicateMatch(did, content, mid, title, held_on, round(score, 3)))
        found.sort(key=lambda m: (-m.similarity, m.directive_id))
        out.append(found)
    return out
