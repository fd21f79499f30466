"""The chase list's rule (Cần đôn đốc) as SQL text, for ``queries.chase`` (through
peewee) and ``remind --json`` (sqlite3 or psycopg alone): a lead organization's own
part still open or in progress, of a directive whose deadline quarter has come.

A lead that is open or in progress means its directive is too (services derive the
directive's status from its leads), so the directive-side status term is redundant;
it lets a statement walk the (due_quarter, status) index in deadline order, reading
only index entries until a page is full.
"""

from __future__ import annotations

DUE_STATUS_INDEX = "directive_due_status"  # migrations.EXTRA_INDEXES

# ``{indexed}`` takes an INDEXED BY clause or nothing.
CHASE_TABLES = "directive d {indexed} CROSS JOIN assignment a"
# The directive's side (its one parameter: the latest deadline quarter that counts,
# stored form) and the lead organization's side; the rule is both.
CHASE_DIRECTIVE = "d.status IN ('open', 'in_progress') AND d.due_quarter <= ?"
CHASE_LEAD = "a.directive_id = d.id AND a.role = 'lead' AND a.status IN ('open', 'in_progress')"
CHASE_WHERE = f"{CHASE_DIRECTIVE} AND {CHASE_LEAD}"
