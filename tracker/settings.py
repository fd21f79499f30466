"""Settings the clerk edits (province, issuing office, signer), kept in the database
so that the window and the command line print the same document."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum

# The names an issuing body goes by (since 2025 many provinces merged the two Ban).
ISSUING_BODIES = ("Ban Dân vận", "Ban Tuyên giáo và Dân vận")


class SignerCapacity(StrEnum):
    HEAD = "head"  # Trưởng ban ký thẳng: "TRƯỞNG BAN"
    DEPUTY = "deputy"  # Phó ban ký thay: "K/T TRƯỞNG BAN" / "PHÓ TRƯỞNG BAN"


@dataclass(frozen=True)
class ReportSettings:
    """What a printed document needs to know about who issues it.

    Empty strings mean "not set": renderers print a placeholder instead.
    """

    province: str = "Nam Định"  # TỈNH ỦY NAM ĐỊNH
    place_name: str = "Nam Định"  # "Nam Định, ngày … tháng … năm …"
    issuing_body: str = "Ban Dân vận"  # BAN DÂN VẬN (since 2025 often Ban Tuyên giáo và Dân vận)
    issuer_code: str = "BDVTU"  # Số 12-BC/BDVTU
    document_number: str = ""  # "12" — empty prints "Số     -BC/BDVTU"
    document_code: str = "BC"
    signer_capacity: SignerCapacity = SignerCapacity.HEAD
    signer_name: str = ""
    recipients: tuple[str, ...] = field(
        default_factory=lambda: ("Thường trực Tỉnh ủy (để b/c)", "MTTQ và các đoàn thể CT-XH tỉnh")
    )
    archive: str = "Lưu Văn phòng Ban"  # last line of "Nơi nhận:"
    default_view: str = "chase"  # the view the window opens on: chase | meetings | directives
    reminders_on: bool = True  # the window's banner at start of what is due soon
    reminder_days: int = 14  # "due soon": the deadline quarter ends within this many days

    def to_strings(self) -> dict[str, str]:
        """Flatten to key → text, as the settings table stores them."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = "\n".join(value) if isinstance(value, tuple) else str(value)
        return out

    @classmethod
    def from_strings(cls, values: dict[str, str]) -> ReportSettings:
        """Build from stored text, ignoring unknown keys and keeping defaults for missing ones."""
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            if f.name not in values:
                continue
            raw = values[f.name]
            if f.name == "recipients":
                kwargs[f.name] = tuple(line.strip() for line in raw.splitlines() if line.strip())
            elif f.name == "reminders_on":
                kwargs[f.name] = raw.strip() != "False"
            elif f.name == "reminder_days":
                try:
                    kwargs[f.name] = min(max(int(raw), 0), 366)
                except ValueError:
                    continue
            elif f.name == "signer_capacity":
                try:
                    kwargs[f.name] = SignerCapacity(raw)
                except ValueError:
                    continue
            else:
                kwargs[f.name] = raw
        return cls(**kwargs)  # type: ignore[arg-type]
