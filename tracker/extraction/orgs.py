"""Addressees: the organizations and groups a conclusion text names.

Every pattern runs on the aligned folded text (see ``spans``): lower case, no
diacritics, one character per character of the original, so a match's offsets
cut the original text. Canonical names are the standard short names of
seeds/organizations.json; a name outside the list keeps ``org=None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GROUP_ALL = "MTTQ và các đoàn thể"
GROUP_UNIONS = "Các đoàn thể"

_CTXH = r"(?: chinh tri ?- ?xa hoi| ct ?- ?xh| chinh tri xa hoi)?"
_LEVEL = r"(?: (?:viet nam )?(?:tinh|thanh pho|tp)(?! uy)| cac cap)?"  # "tỉnh", "các cấp"
_MTTQ = r"(?:ban thuong truc )?(?:uy ban |ub ?)?(?:mttq|mat tran to quoc|mat tran)(?: viet nam)?"
_UNIONS = (
    rf"(?:cac |khoi )?(?:to chuc chinh tri ?- ?xa hoi|doan the{_CTXH}|to chuc ct ?- ?xh|"
    r"to chuc thanh vien)(?: truc thuoc)?"
)

# Longest forms first; the first pattern that matches at a position wins.
_PATTERNS: tuple[tuple[str | None, str], ...] = (
    (GROUP_ALL, rf"(?:khoi )?{_MTTQ}{_LEVEL} ?(?:,|va|cung|voi) {_UNIONS}{_LEVEL}"),
    (GROUP_UNIONS, rf"{_UNIONS}{_LEVEL}"),
    ("BDV", r"ban (?:tuyen giao (?:va|-) )?dan van (?:tinh uy|thanh uy)"),
    (
        None,
        r"ban (?:tuyen giao (?:va|-) )?dan van (?:cac )?(?:huyen|thi|thanh) uy[^,.;:]{0,40}?"
        r"(?=[,.;:]| (?:can|phai|tiep tuc|tang cuong|chu dong|theo doi|quan tam))",
    ),
    ("BDV", r"ban (?:tuyen giao (?:va|-) )?dan van|bdv(?: tinh uy)?"),
    ("MTTQ", rf"{_MTTQ}{_LEVEL}|ubmttq{_LEVEL}"),
    (
        "LĐLĐ tỉnh",
        rf"lien doan lao dong{_LEVEL}|ldld{_LEVEL}|to chuc cong doan|cong doan(?= tinh)(?: tinh)?",
    ),
    ("Hội ND", rf"hoi nong dan{_LEVEL}|hoi nd{_LEVEL}|hnd{_LEVEL}"),
    (
        "Tỉnh đoàn",
        r"ban thuong vu (?:tinh|thanh) doan|(?:tinh|thanh) doan|"
        r"doan (?:thanh nien|tn)(?: cong san| cs)?(?: ho chi minh)?"
        + _LEVEL
        + r"|doan tncs ho chi minh"
        + _LEVEL,
    ),
    ("Hội LHPN", rf"hoi (?:lien hiep phu nu|lhpn|phu nu){_LEVEL}"),
    ("Hội CCB", rf"hoi (?:cuu chien binh|ccb){_LEVEL}"),
)
_RE = re.compile("|".join(f"(?P<o{i}>\\b(?:{p})\\b)" for i, (_, p) in enumerate(_PATTERNS)))
# A position before the name: the speaker's title, not an addressee.
_TITLE_BEFORE = re.compile(
    r"(?:truong|pho truong|chu tich|pho chu tich|bi thu|pho bi thu|uy vien|lanh dao|can bo) $"
)


@dataclass(frozen=True)
class OrgMention:
    org: str | None
    start: int
    end: int


def find_orgs(folded: str, start: int = 0, end: int | None = None) -> list[OrgMention]:
    """Organizations named in ``folded[start:end]``, speakers' titles left out."""
    stop = len(folded) if end is None else end
    out: list[OrgMention] = []
    for m in _RE.finditer(folded, start, stop):
        name = m.lastgroup
        assert name is not None
        org = _PATTERNS[int(name[1:])][0]
        if _TITLE_BEFORE.search(folded, max(0, m.start() - 20), m.start()):
            continue
        out.append(OrgMention(org, m.start(), m.end()))
    return out
