"""The Word file as LibreOffice lays it out (converted to PDF): the signature rule holds
there too. One LibreOffice run converts every document (it is slow to start)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import replace

import pytest

from tests import report_fixtures as fx
from tracker.reporting.layout import LAYOUT
from tracker.reporting.render import write_report
from tracker.rows import CategoryCounts

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    not (SOFFICE and shutil.which("pdftotext")),
    reason="needs LibreOffice (Debian: libreoffice-writer-nogui) and poppler-utils",
)
# Summary tables of these lengths put the báo cáo's end at different places on its pages;
# with LibreOffice 7 and Liberation Serif, 3 and 22–28 organizations leave the signature
# alone on the next page unless the last lines are kept with it (checked once by switching
# keep-with-next off).
ORGANIZATIONS = (3, 7, 22, 25, 29)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[int, list[str]]:
    """Each DOCX converted by LibreOffice; organizations → the text of each page."""
    folder = tmp_path_factory.mktemp("docx")
    files = []
    for count in ORGANIZATIONS:
        counts = tuple(
            (f"Cơ quan thứ {i}", CategoryCounts(total=2, done_on_time=1, open_overdue=1))
            for i in range(1, count + 1)
        )
        report = replace(fx.scaled_report(12), per_org_counts=counts)
        path = folder / f"bao-cao-{count}.docx"
        write_report(report, fx.DEPUTY_SETTINGS, fmt="docx", path=path, issued_on=fx.ISSUED_ON)
        files.append(str(path))
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), *files],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    pages = {}
    for count in ORGANIZATIONS:
        pdf = folder / f"bao-cao-{count}.pdf"
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
        pages[count] = [_norm(p) for p in text.split("\f") if p.strip()]
    return pages


@pytest.mark.parametrize("organizations", ORGANIZATIONS)
def test_word_signature_whole_and_with_the_last_lines(
    rendered: dict[int, list[str]], organizations: int
) -> None:
    """In LibreOffice's layout the deputy's capacity lines and name share a page with
    "Nơi nhận" and the report's last lines; the phụ lục starts after them."""
    pages = rendered[organizations]
    holding = [i for i, page in enumerate(pages) if fx.SETTINGS.signer_name in page]
    assert len(holding) == 1
    page = pages[holding[0]]
    assert " ".join(LAYOUT.deputy_capacity) in page
    assert "Nơi nhận:" in page and "- Lưu Văn phòng Ban." in page
    assert "Trên đây là báo cáo" in page
    appendix = [i for i, p in enumerate(pages) if p.startswith("PHỤ LỤC") or " PHỤ LỤC " in p]
    assert appendix and appendix[0] == holding[0] + 1
