"""Hostile and malformed JSON imports, and property-based tests of the importer and the
quarter and date parsers: a clear ImportFileError (TrackerError) and an unchanged database."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker import exchange
from tracker.dates import parse_date
from tracker.errors import ImportFileError, TrackerError
from tracker.quarters import Quarter
from tracker.store.db import database

ROOT = Path(__file__).resolve().parents[2]
FUZZ_SETTINGS = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,  # the same examples every run: the figures in the report repeat
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


def _fast() -> None:
    """The fuzz tests check all-or-nothing, not durability: skip fsync to stay fast."""
    database.obj.execute_sql("PRAGMA synchronous = OFF")


@pytest.fixture
def valid(sample_db: Path) -> dict[str, Any]:
    """A valid export of the sample database (with a group, extensions and history)."""
    from tracker import services

    directive_id = exchange.export_data()["meetings"][0]["directives"][0]["id"]
    services.add_note(directive_id=directive_id, text="Đã triển khai")
    _fast()
    return exchange.export_data()


# --- hostile files, one by one -------------------------------------------------------------


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], Any]:
    def apply(data: dict[str, Any]) -> Any:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return data

    return apply


def _delete(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], Any]:
    def apply(data: dict[str, Any]) -> Any:
        node = data
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
        return data

    return apply


def _duplicate(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], Any]:
    def apply(data: dict[str, Any]) -> Any:
        node = data
        for key in path:
            node = node[key]
        node.append(copy.deepcopy(node[0]))
        return data

    return apply


D0 = ("meetings", 0, "directives", 0)
OWNER0 = (*D0, "owners", 0)
DATA_CASES: dict[str, Callable[[dict[str, Any]], Any]] = {
    "meetings not a list": _set(("meetings",), {"0": {}}),
    "id as text": _set(("organizations", 0, "id"), "1"),
    "id as true": _set(("organizations", 0, "id"), True),
    "title a number": _set(("meetings", 0, "title"), 5),
    "active as text": _set(("organizations", 0, "active"), "yes"),
    "role a list": _set((*OWNER0, "role"), ["lead"]),
    "status an object": _set((*OWNER0, "status"), {"done": True}),
    "history kind a list": _set((*D0, "history", 0, "kind"), []),
    "missing meetings": _delete(("meetings",)),
    "missing owners": _delete((*D0, "owners")),
    "missing held_on": _delete(("meetings", 0, "held_on")),
    "duplicate meeting": _duplicate(("meetings",)),
    "duplicate directive": _duplicate(("meetings", 0, "directives")),
    "duplicate organization": _duplicate(("organizations",)),
    "duplicate owner": _duplicate((*D0, "owners")),
    "duplicate topic": _set((*D0, "topics"), ["Bầu cử", "Bầu cử"]),
    "owner of a missing organization": _set((*OWNER0, "organization_id"), 99999),
    "attendee missing": _set(("meetings", 0, "attendees"), [99999]),
    "group member missing": _set(("groups", 0, "members"), [99999]),
    "history organization missing": _set((*D0, "history", 0, "organization_id"), 99999),
    "content too long": _set((*D0, "content"), "x" * 10_001),
    "notes of a million letters": _set(("meetings", 0, "notes"), "ả" * 1_000_000),
    "nested value": _set(("meetings", 0, "title"), json.loads("[" * 500 + "]" * 500)),
    "huge id": _set(("meetings", 0, "id"), 10**30),
    "negative version": _set(("meetings", 0, "version"), -1),
    "float position": _set((*D0, "position"), 1.5),
    "NaN version": _set(("meetings", 0, "version"), float("nan")),
    "lone surrogate": _set((*D0, "content"), "Nội dung \ud800"),
    "NUL in text": _set(("meetings", 0, "title"), "Giao ban\x00"),
    "unknown key in owner": _set((*OWNER0, "id"), 1),
    "date not ISO": _set(("meetings", 0, "held_on"), "20210401"),
    "week date": _set(("meetings", 0, "held_on"), "2021-W13-4"),
    "date that does not exist": _set(("meetings", 0, "held_on"), "2021-02-30"),
    "year 3000": _set(("meetings", 0, "held_on"), "3000-01-01"),
    "quarter Q5": _set((*D0, "due_quarter"), "2021-Q5"),
    "done without date": _set((*OWNER0, "status"), "done"),
    "array root": lambda data: [data],
    "wrong format": _set(("format",), "anki"),
    "version true": _set(("version",), True),
}

TEXT_CASES: dict[str, bytes] = {
    "empty file": b"",
    "not JSON": "Biên bản giao ban quý II".encode(),
    "invalid UTF-8": b'{"format": "giaoban", "title": "\xff\xfe\xc3"}',
    "array root": b"[]",
    "string root": b'"giaoban"',
    "NaN": b'{"format": "giaoban", "version": NaN}',
    "Infinity": b'{"format": "giaoban", "version": -Infinity}',
    "5000-digit integer": b'{"format": "giaoban", "version": ' + b"9" * 5000 + b"}",
    "20-digit integer": b'{"format": "giaoban", "version": 12345678901234567890}',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "duplicate keys": b'{"format": "giaoban", "format": "giaoban"}',
    "truncated": b'{"format": "giaoban", "version": 1, "organizations": [',
}


def _import_file(path: Path) -> None:
    exchange.import_data(exchange.read_file(path), replace=True)


@pytest.mark.parametrize("case", sorted(DATA_CASES))
def test_hostile_content_is_refused_and_changes_nothing(
    case: str, valid: dict[str, Any], tmp_path: Path
) -> None:
    """Each malformed or hostile file gives ImportFileError and leaves the data as it was."""
    data = DATA_CASES[case](copy.deepcopy(valid))
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ImportFileError) as raised:
        _import_file(path)
    assert "\n" not in str(raised.value) and str(raised.value)
    assert exchange.export_data() == valid


@pytest.mark.parametrize("case", sorted(DATA_CASES))
def test_hostile_data_is_refused_by_import_data(case: str, valid: dict[str, Any]) -> None:
    """The same values handed over as Python data (no JSON parser in between) are refused too."""
    data = DATA_CASES[case](copy.deepcopy(valid))
    with pytest.raises(ImportFileError):
        exchange.import_data(data, replace=True)
    assert exchange.export_data() == valid


@pytest.mark.parametrize("case", sorted(TEXT_CASES))
def test_hostile_bytes_are_refused(case: str, valid: dict[str, Any], tmp_path: Path) -> None:
    """Files that are not even well-formed JSON give ImportFileError, never another error."""
    path = tmp_path / "bad.json"
    path.write_bytes(TEXT_CASES[case])
    with pytest.raises(ImportFileError):
        _import_file(path)
    assert exchange.export_data() == valid


def test_valid_file_round_trips(valid: dict[str, Any], tmp_path: Path) -> None:
    """The unmutated export imports (replacing everything) to the same export: the
    hostile cases above fail because of what was changed, not because import is broken."""
    path = tmp_path / "good.json"
    path.write_text(exchange.dumps(valid), encoding="utf-8")
    _import_file(path)
    assert exchange.export_data() == valid


def test_a_write_failing_midway_leaves_nothing(
    valid: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A conflict that only the database notices, after rows were written, is undone whole
    and reported as ImportFileError."""
    monkeypatch.setattr(exchange, "validate", lambda data: data)  # let the conflict through
    data = copy.deepcopy(valid)
    data["meetings"].append(copy.deepcopy(data["meetings"][0]))  # same ids again
    with pytest.raises(ImportFileError):
        exchange.import_data(data, replace=True)
    assert exchange.export_data() == valid


def test_cli_import_of_hostile_file_exits_2_with_one_line(
    valid: dict[str, Any], sample_db: Path, tmp_path: Path
) -> None:
    """`giaoban import` of a hostile file exits 2 with one line and leaves the file's bytes."""
    from tracker.store.db import close_db

    close_db()
    before = sample_db.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"format": "giaoban", "version": NaN}')
    proc = subprocess.run(
        [sys.executable, "-m", "tracker", "import", str(bad), "--replace", "--db", str(sample_db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "NaN" in proc.stderr
    assert sample_db.read_bytes() == before


# --- property-based ----------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(data: Any, draw: Any) -> Any:
    """Apply one drawn mutation at a drawn place of ``data`` (changed in place)."""
    path = draw(st.sampled_from(_paths(data)))
    kind = draw(st.sampled_from(["drop", "retype", "duplicate", "add_key", "swap", "null"]))
    if not path:
        return draw(JSON_VALUES) if kind == "retype" else data
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    value = parent[last]
    if kind == "drop":
        del parent[last]
    elif kind == "retype":
        parent[last] = draw(JSON_VALUES)
    elif kind == "null":
        parent[last] = None
    elif kind == "duplicate":
        if isinstance(value, list) and value:
            value.append(copy.deepcopy(draw(st.sampled_from(value))))
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(value))
        else:
            parent[last] = [value, copy.deepcopy(value)]
    elif kind == "add_key" and isinstance(value, dict):
        value[draw(st.text(min_size=1, max_size=8))] = draw(JSON_VALUES)
    elif kind == "swap" and isinstance(parent, list) and len(parent) > 1:
        other = draw(st.integers(0, len(parent) - 1))
        parent[last], parent[other] = parent[other], parent[last]
    return data


def test_importer_never_fails_with_anything_but_import_file_error(
    valid: dict[str, Any],
) -> None:
    """Mutations of a valid export (drop keys, change types, duplicate entries, add keys,
    swap entries) either import or raise ImportFileError with the database unchanged."""
    outcome = {"examples": 0, "refused": 0, "imported": 0}

    @FUZZ_SETTINGS
    @given(st.data())
    def run(data: st.DataObject) -> None:
        outcome["examples"] += 1
        mutated = copy.deepcopy(valid)
        for _ in range(data.draw(st.integers(1, 3))):
            mutated = _mutate(mutated, data.draw)
            if not isinstance(mutated, dict | list):
                break
        via_text = data.draw(st.booleans())
        try:
            if via_text:
                text = json.dumps(mutated, ensure_ascii=False, allow_nan=True)
                exchange.import_data(exchange.parse_text(text), replace=True)
            else:
                exchange.import_data(mutated, replace=True)
        except ImportFileError:
            outcome["refused"] += 1
            assert exchange.export_data() == valid
            return
        outcome["imported"] += 1
        exchange.import_data(valid, replace=True)  # back to the baseline for the next one

    run()
    outcome["completed"] = outcome["refused"] + outcome["imported"]
    print(f"\nFIGURES importer fuzz: {outcome}")
    assert outcome["examples"] >= 200 and outcome["refused"] > 0
    assert exchange.export_data() == valid


def test_quarter_parse_never_fails_with_anything_but_tracker_error() -> None:
    """Quarter.parse on arbitrary text returns a Quarter or raises TrackerError."""
    count = {"examples": 0, "parsed": 0}
    clerkish = st.builds(
        "{}{}{}{}".format,
        st.sampled_from(["Quý ", "quý ", "Q", "q", "", "Trong quý ", "6 tháng đầu năm "]),
        st.sampled_from(["I", "II", "III", "IV", "V", "IIII", "1", "2", "4", "5", "0", ""]),
        st.sampled_from(["-", "/", ".", " ", " năm ", ", ", "--", ""]),
        st.integers(1900, 2200).map(str) | st.text("0123456789", max_size=6),
    )

    @settings(max_examples=1500, deadline=None, derandomize=True, database=None)
    @given(st.one_of(st.text(max_size=40), clerkish), st.none() | st.integers(-(10**6), 10**6))
    def run(text: str, default_year: int | None) -> None:
        count["examples"] += 1
        try:
            q = Quarter.parse(text, default_year=default_year)
        except TrackerError:
            return
        count["parsed"] += 1
        assert 1 <= q.number <= 4 and 1945 <= q.year <= 2100

    run()
    print(f"\nFIGURES Quarter.parse fuzz: {count}")
    assert count["examples"] >= 1000 and count["parsed"] > 0


def test_parse_date_never_fails_with_anything_but_tracker_error() -> None:
    """parse_date on arbitrary text returns a date or raises TrackerError."""
    count = {"examples": 0, "parsed": 0}
    clerkish = st.builds(
        "{}{}{}{}{}{}".format,
        st.sampled_from(["", "ngày ", "Ngày "]),
        st.integers(0, 40).map(str),
        st.sampled_from(["-", "/", ".", " tháng ", "/ ", "-/"]),
        st.integers(0, 14).map(str),
        st.sampled_from(["-", "/", ".", " năm ", ""]),
        st.integers(1930, 2120).map(str) | st.integers(0, 99).map(str) | st.just(""),
    )

    @settings(max_examples=1500, deadline=None, derandomize=True, database=None)
    @given(st.one_of(st.text(max_size=40), clerkish), st.none() | st.integers(-(10**6), 10**6))
    def run(text: str, default_year: int | None) -> None:
        count["examples"] += 1
        try:
            d = parse_date(text, default_year=default_year)
        except TrackerError:
            return
        count["parsed"] += 1
        assert 1945 <= d.year <= 2100

    run()
    print(f"\nFIGURES parse_date fuzz: {count}")
    assert count["examples"] >= 1000 and count["parsed"] > 0
