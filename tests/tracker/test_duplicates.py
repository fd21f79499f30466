"""The duplicate warning's search on both backends: SQLite's FTS5 trigram table and the
server's pg_trgm index find the same open directive for a draft."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tracker import services
from tracker.duplicates import similar_open
from tracker.store.models import Directive

BOTH_BACKENDS = True  # conftest: each test on SQLite and on PostgreSQL


def test_a_draft_like_an_open_directive_names_it(sample_db: Path) -> None:
    """Other case, no diacritics, a word added: found, with its giao ban; an unrelated
    text finds nothing; once done, the directive is no longer named."""
    d = Directive.select().order_by(Directive.id).first()
    assert d is not None
    typed = d.content.upper().replace("TỐT", "TỐT HƠN")
    found = similar_open([typed, "Một việc hoàn toàn khác về giao thông nông thôn năm nay"])
    assert found[0] and found[0][0].directive_id == d.id
    assert found[0][0].meeting_held_on == date(2021, 4, 1)
    assert found[1] == []
    services.mark_done(directive_ids=[d.id], on=date(2021, 5, 1))
    assert all(m.directive_id != d.id for m in similar_open([typed])[0])
