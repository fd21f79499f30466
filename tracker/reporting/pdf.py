"""The report document as a PDF, laid out by ReportLab's platypus (no Qt).

Just over 600 lines on purpose: the page-break rules below work together on one
document and are tested together (tests/tracker/test_report_pdf.py).

What the window previews and prints is this same file. Layout rules kept here:
the page number from page 2, top centre; the table's header row repeated at
the top of every page and nowhere else; a row kept whole unless it is taller
than a page; a group heading never last on a page; the signature block and
"Nơi nhận" kept on one page with the báo cáo's last lines.

Table cells are wrapped here into lines and drawn as plain text (ReportLab's
paragraphs cost ten times more on a 5,000-row list), and the long table is
cut into one table per page by :class:`_PagedTable`, so the work grows with
the number of rows, not with its square.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tracker.errors import ValidationError
from tracker.reporting.document import ReportDocument
from tracker.reporting.document import Table as DocTable
from tracker.reporting.layout import ReportLayout

# The four faces of each family, by file name (lower case), in order of preference.
_FACES = ("regular", "bold", "italic", "bolditalic")
_FONT_FILES: dict[str, tuple[tuple[str, ...], ...]] = {
    "Times New Roman": (
        ("times.ttf", "times new roman.ttf", "times_new_roman.ttf"),
        ("timesbd.ttf", "times new roman bold.ttf", "times_new_roman_bold.ttf"),
        ("timesi.ttf", "times new roman italic.ttf", "times_new_roman_italic.ttf"),
        ("timesbi.ttf", "times new roman bold italic.ttf", "times_new_roman_bold_italic.ttf"),
    ),
    "Liberation Serif": (
        ("liberationserif-regular.ttf",),
        ("liberationserif-bold.ttf",),
        ("liberationserif-italic.ttf",),
        ("liberationserif-bolditalic.ttf",),
    ),
}
_CELL_LEADING = 1.2  # ReportLab's own line height for text cells (it splits tall rows by it)


def write_pdf(document: ReportDocument, target: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write ``document`` as an A4 PDF (fonts embedded) to a path or a binary file.

    Raises:
        ValidationError: neither Times New Roman nor Liberation Serif is installed.
        OSError: the file cannot be written.
    """
    write_pdfs([document], target)


class _Restart(Flowable):
    """Marks where a document starts in a PDF of several: page numbers count from it."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._giaoban_first_page = self.canv.getPageNumber()


def write_pdfs(
    documents: Sequence[ReportDocument], target: str | os.PathLike[str] | IO[bytes]
) -> None:
    """Write several documents of one layout into one PDF, each from a new page and
    numbered from its own page 2 (letters to several organizations, printed at once)."""
    document = documents[0]
    lay = document.layout
    fonts = _register_fonts(lay.font_families)
    size = landscape(A4) if lay.landscape else portrait(A4)
    out: Any = os.fspath(target) if isinstance(target, (str, os.PathLike)) else target
    doc = BaseDocTemplate(
        out,
        pagesize=size,
        leftMargin=lay.margin_left_mm * mm,
        rightMargin=lay.margin_right_mm * mm,
        topMargin=lay.margin_top_mm * mm,
        bottomMargin=lay.margin_bottom_mm * mm,
        title=f"{document.title} {document.subtitle}",
        author=document.issuing_body_line,
        creator="Giao ban",
        subject=document.subtitle,
        lang="vi-VN",
        invariant=1,  # the same document gives the same bytes (no creation timestamp)
        initialFontName=fonts.regular,  # else an unused, unembedded Helvetica is declared
        initialFontSize=lay.body_size,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, 0, 0, 0, 0, id="text")

    def number_page(canvas: Any, _doc: Any) -> None:
        page = canvas.getPageNumber() - getattr(canvas, "_giaoban_first_page", 1) + 1
        if page >= lay.page_numbers_from:
            canvas.saveState()
            canvas.setFont(fonts.regular, lay.page_number_size)
            y = size[1] - lay.margin_top_mm * mm / 2 - lay.page_number_size / 3
            canvas.drawCentredString(doc.leftMargin + doc.width / 2, y, str(page))
            canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=number_page)])
    story: list[Flowable] = []
    for index, each in enumerate(documents):
        if index:
            story.append(PageBreak())
        if len(documents) > 1:
            story.append(_Restart())
        story += _Story(each, fonts, doc.width, doc.height).build()
    doc.build(story)


# --- fonts ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fonts:
    regular: str
    bold: str
    italic: str
    bold_italic: str


def _font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [
        Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
        Path(os.environ.get("LOCALAPPDATA", home)) / "Microsoft" / "Windows" / "Fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        home / "Library" / "Fonts",
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=1)
def _font_index() -> dict[str, Path]:
    """Font files on this system by lower-case file name (first found wins)."""
    found: dict[str, Path] = {}
    for folder in _font_dirs():
        for root, _, files in os.walk(folder):
            for name in files:
                if name.lower().endswith(".ttf"):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def font_files(families: Sequence[str]) -> tuple[str, tuple[Path, ...]] | None:
    """(family, its four face files) of the first family installed, or None."""
    index = _font_index()
    for family in families:
        names = _FONT_FILES.get(family)
        if names is None:
            continue
        paths = [next((index[n] for n in choices if n in index), None) for choices in names]
        if all(p is not None for p in paths):
            return family, tuple(p for p in paths if p is not None)
    return None


class _LineCachedTTFont(TTFont):
    """A TrueType font that remembers how each line of text maps to its embedded subset.

    ReportLab maps every drawn line character by character in Python; a long list
    draws the same statuses, dates and names thousands of times. The mapping of a
    line never changes within a document once made, so it is kept with the
    document's own font state (and dropped with it).
    """

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:  # noqa: N802
        state = self.state.get(doc)
        lines = getattr(state, "giaoban_lines", None)
        if lines is not None:
            found = lines.get(text)
            if found is not None:
                return found
        result = super().splitString(text, doc, encoding)
        if lines is None:
            lines = self.state[doc].giaoban_lines = {}
        lines[text] = result
        return result


@lru_cache(maxsize=4)
def _register_fonts(families: tuple[str, ...]) -> _Fonts:
    """Register (embedded, subset) the first installed family of ``families``."""
    found = font_files(families)
    if found is None:
        raise ValidationError(
            "Không tìm thấy phông chữ Times New Roman hoặc Liberation Serif để in PDF: "
            "hãy cài một trong hai phông (trên Debian/Ubuntu: gói fonts-liberation2).",
            field="font",
        )
    family, paths = found
    base = "GiaoBan-" + family.replace(" ", "")
    names = [f"{base}-{face}" for face in _FACES]
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, path in zip(names, paths, strict=True):
        if name not in registered:
            pdfmetrics.registerFont(_LineCachedTTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        base, normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
    )
    return _Fonts(*names)


# --- text ------------------------------------------------------------------------


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (words, else characters)."""
    lines: list[str] = []
    for part in text.split("\n"):
        pieces = simpleSplit(part, font, size, width) or [""]
        for piece in pieces:
            # A line of several words fits (simpleSplit made it); only a single word
            # longer than the column can overflow.
            if " " in piece or pdfmetrics.stringWidth(piece, font, size) <= width:
                lines.append(piece)
                continue
            line = ""  # a word longer than the column: cut it where it overflows
            for ch in piece:
                if line and pdfmetrics.stringWidth(line + ch, font, size) > width:
                    lines.append(line)
                    line = ch.lstrip()
                else:
                    line += ch
            lines.append(line)
    return lines


_SPACE_RUN = re.compile(r"  +")


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain ``text``: escaped, line breaks kept, runs of spaces kept
    ("Số     -BC/BDVTU" leaves room to write the number)."""
    markup = _SPACE_RUN.sub(lambda m: "\u00a0" * len(m.group()), escape(text))
    return Paragraph(markup.replace("\n", "<br/>"), style)


class _Rule(Flowable):
    """A centred horizontal rule ``length`` long, with room above and below."""

    def __init__(self, length: float, before: float, after: float, thickness: float = 0.75):
        super().__init__()
        self.length, self.before, self.after, self.thickness = length, before, after, thickness

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.before + self.after

    def draw(self) -> None:
        canvas = self.canv
        canvas.setLineWidth(self.thickness)
        x = (self.width - self.length) / 2
        canvas.line(x, self.after, x + self.length, self.after)


# --- the long table ----------------------------------------------------------------


@dataclass
class _Row:
    cells: list[str]  # wrapped text, "\n" between lines
    height: float
    kind: str  # "row" | "heading" (spans the table, kept with the next row) | "total"


class _PagedTable(Flowable):
    """A bordered table cut into one ReportLab table per page, the header row on each.

    ``split`` takes the rows that fit (never ending a page on a group heading)
    and leaves the rest as a new _PagedTable; on a fresh page a row taller than
    the page is handed to ReportLab to split inside the row.
    """

    def __init__(
        self,
        header: list[str],
        header_height: float,
        rows: list[_Row],
        start: int,
        spec: _TableSpec,
        *,
        continued: bool = False,
    ) -> None:
        super().__init__()
        self.header, self.header_height = header, header_height
        self.rows, self.start, self.spec = rows, start, spec
        # Continued on the page where a split tall row ended: the header row is
        # printed again only if it lands at the top of a page.
        self.continued = continued
        self._whole: Table | None = None

    def _header_height(self, avail_height: float) -> float:
        at_top = avail_height >= self.spec.page_height - 0.5
        return self.header_height if at_top or not self.continued else 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        head = self._header_height(avail_height)
        height = head + self.spec.below[self.start]
        if height <= avail_height + 0.01:
            self._whole = self.spec.table(self.header if head else None, head,
                                          self.rows[self.start :])  # fmt: skip
            self._whole.wrap(avail_width, avail_height)
        return self.spec.width, height

    def draw(self) -> None:
        assert self._whole is not None
        self._whole.drawOn(self.canv, 0, 0)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        rows = self.rows
        head = self._header_height(avail_height)
        used = head
        end = self.start
        while end < len(rows) and used + rows[end].height <= avail_height + 0.01:
            used += rows[end].height
            end += 1
        while end > self.start and rows[end - 1].kind == "heading" and end < len(rows):
            end -= 1  # a group heading goes over with its first row
        rest = _PagedTable(self.header, self.header_height, rows, end, self.spec)
        if end > self.start:
            part = self.spec.table(self.header if head else None, head, rows[self.start : end])
            return [part, rest]
        if avail_height < self.spec.page_height - 0.5:
            return []  # on to the next page, where the row may fit
        # Fresh page and still too tall: the row (with its heading) is split inside.
        take = 2 if rows[self.start].kind == "heading" and self.start + 1 < len(rows) else 1
        tall = self.spec.table(
            self.header, self.header_height, rows[self.start : self.start + take], split=True
        )
        tall.wrap(avail_width, avail_height)
        parts = tall.split(avail_width, avail_height)
        rest.start = self.start + take
        rest.continued = True
        return [*parts, rest] if parts and rest.start < len(rows) else parts


@dataclass
class _TableSpec:
    """Column widths, fonts and styles shared by every page's table."""

    widths: list[float]
    aligns: list[str]
    fonts: _Fonts
    size: float
    header_size: float
    heading_size: float
    padding: float
    page_height: float
    below: list[float] = field(default_factory=list)  # [i]: height of rows i.. to the end

    @property
    def width(self) -> float:
        return sum(self.widths)

    def table(
        self,
        header: list[str] | None,
        header_height: float,
        rows: Sequence[_Row],
        *,
        split: bool = False,
    ) -> Table:
        """One page's table: ``header`` (None: no header row) over ``rows``."""
        if header is None:
            return self._table_without_header(rows)
        data = [header] + [r.cells for r in rows]
        style: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), self.padding),
            ("RIGHTPADDING", (0, 0), (-1, -1), self.padding),
            ("TOPPADDING", (0, 0), (-1, -1), self.padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), self.padding),
            ("FONT", (0, 1), (-1, -1), self.fonts.regular, self.size, self.size * _CELL_LEADING),
            (
                "FONT", (0, 0), (-1, 0), self.fonts.bold, self.header_size,
                self.header_size * _CELL_LEADING,
            ),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ]  # fmt: skip
        for column, align in enumerate(self.aligns):
            if align == "center":
                style.append(("ALIGN", (column, 1), (column, -1), "CENTER"))
        for index, row in enumerate(rows, start=1):
            if row.kind == "heading":
                style.append(("SPAN", (0, index), (-1, index)))
                style.append(("ALIGN", (0, index), (-1, index), "LEFT"))
                style.append(
                    (
                        "FONT", (0, index), (-1, index), self.fonts.bold, self.heading_size,
                        self.heading_size * _CELL_LEADING,
                    )
                )  # fmt: skip
            elif row.kind == "total":
                style.append(
                    (
                        "FONT", (0, index), (-1, index), self.fonts.bold, self.size,
                        self.size * _CELL_LEADING,
                    )
                )  # fmt: skip
        heights = None if split else [header_height] + [r.height for r in rows]
        return self._make(data, heights, style, split=split)

    def _table_without_header(self, rows: Sequence[_Row]) -> Table:
        # A header row of no height and no text: the grid's line above it is the
        # first row's top border, and every row keeps its index and style.
        return self.table([""] * len(self.widths), 0.0, rows)

    def _make(
        self, data: list[list[str]], heights: list[float] | None, style: list[Any], *, split: bool
    ) -> Table:
        return Table(
            data,
            colWidths=self.widths,
            rowHeights=heights,
            style=TableStyle(style),
            repeatRows=1,
            splitByRow=0 if split else 1,  # a row taller than a page: split inside it
            splitInRow=1 if split else 0,
        )


def _paged_table(table: DocTable, lay: ReportLayout, fonts: _Fonts, width: float,
                 page_height: float) -> _PagedTable:  # fmt: skip
    weight = sum(c.width for c in table.columns)
    widths = [width * c.width / weight for c in table.columns]
    pad = lay.cell_padding_pt
    spec = _TableSpec(
        widths,
        [c.align for c in table.columns],
        fonts,
        lay.table_size,
        lay.table_header_size,
        lay.group_heading_size,
        pad,
        page_height,
    )

    cache: dict[tuple[str, str, float, float], list[str]] = {}

    def wrap(text: str, font: str, size: float, room: float) -> list[str]:
        # Statuses, dates, names repeat on every other row: wrap each once.
        key = (text, font, size, room)
        found = cache.get(key)
        if found is None:
            found = cache[key] = wrap_lines(text, font, size, room)
        return found

    def lines(values: Sequence[str], font: str, size: float) -> tuple[list[str], float]:
        wrapped = [wrap(v, font, size, w - 2 * pad) for v, w in zip(values, widths, strict=True)]
        count = max(len(w) for w in wrapped)
        return ["\n".join(w) for w in wrapped], count * size * _CELL_LEADING + 2 * pad

    header, header_height = lines([c.title for c in table.columns], fonts.bold,
                                  lay.table_header_size)  # fmt: skip
    rows: list[_Row] = []
    blank = [""] * (len(widths) - 1)
    for section in table.sections:
        if section.heading:
            text = wrap_lines(section.heading, fonts.bold, lay.group_heading_size, width - 2 * pad)
            height = len(text) * lay.group_heading_size * _CELL_LEADING + 2 * pad
            rows.append(_Row(["\n".join(text), *blank], height, "heading"))
        for values in section.rows:
            cells, height = lines(values, fonts.regular, lay.table_size)
            rows.append(_Row(cells, height, "row"))
    if table.total is not None:
        cells, height = lines(table.total, fonts.bold, lay.table_size)
        rows.append(_Row(cells, height, "total"))
    spec.below = [0.0] * (len(rows) + 1)  # summed once, not on every page's split
    for i in range(len(rows) - 1, -1, -1):
        spec.below[i] = spec.below[i + 1] + rows[i].height
    return _PagedTable(header, header_height, rows, 0, spec)


# --- the document ------------------------------------------------------------------


class _Story:
    """The flowables of a report, in reading order."""

    def __init__(self, doc: ReportDocument, fonts: _Fonts, width: float, height: float) -> None:
        self.doc, self.fonts, self.width, self.height = doc, fonts, width, height
        self.lay = doc.layout

    def style(
        self,
        size: float,
        *,
        bold: bool = False,
        italic: bool = False,
        align: int = TA_CENTER,
        before: float = 0.0,
        after: float = 0.0,
        indent: float = 0.0,
        leading: float = 1.2,
    ) -> ParagraphStyle:
        f = self.fonts
        font = (
            (f.bold_italic if italic else f.bold) if bold else (f.italic if italic else f.regular)
        )
        return ParagraphStyle(
            "p",
            fontName=font,
            fontSize=size,
            leading=size * leading,
            alignment=align,
            spaceBefore=before,
            spaceAfter=after,
            firstLineIndent=indent,
        )

    def build(self) -> list[Flowable]:
        doc, lay = self.doc, self.lay
        story: list[Flowable] = [self.header()]
        if doc.title:
            story.append(_paragraph(doc.title, self.style(lay.title_size, bold=True, before=18)))
            story.append(_paragraph(doc.subtitle, self.style(lay.subtitle_size, bold=True)))
            story.append(_Rule(lay.subject_rule_mm * mm, before=7, after=12, thickness=0.5))
        else:
            story.append(Spacer(1, 12))
        for line in doc.addressee:
            story.append(_paragraph(line, self.style(lay.body_size, after=10)))
        body = self.style(
            lay.body_size, align=TA_JUSTIFY, after=6, indent=lay.body_first_line_mm * mm,
            leading=lay.body_leading,
        )  # fmt: skip
        for text in doc.body:
            story.append(_paragraph(text, body))
        if doc.summary_table is not None:
            if doc.summary_heading:
                story.append(
                    _paragraph(
                        doc.summary_heading,
                        self.style(lay.body_size, align=TA_LEFT, after=4, bold=True),
                    )  # fmt: skip
                )
            story.append(_paged_table(doc.summary_table, lay, self.fonts, self.width, self.height))
            if doc.summary_note:
                note = self.style(
                    lay.recipients_size, italic=True, align=TA_JUSTIFY, before=4, after=8
                )
                story.append(_paragraph(doc.summary_note, note))
        if doc.summary_table is not None and not doc.summary_heading:
            story.append(Spacer(1, 6))  # the letter's table, then its request
        closing = [_paragraph(text, body) for text in doc.closing_text]
        # The last lines, Nơi nhận and the signature: one block, never split.
        story.append(KeepTogether([*closing, Spacer(1, 6), self.signature()]))
        if doc.table is not None:
            story.append(PageBreak())
            story.append(_paragraph(doc.appendix_title, self.style(lay.title_size, bold=True)))
            story.append(
                _paragraph(doc.appendix_subtitle, self.style(lay.subtitle_size, bold=True))
            )
            story.append(_paragraph(doc.as_of_line, self.style(lay.subtitle_size, italic=True)))
            story.append(
                _paragraph(
                    doc.appendix_reference, self.style(lay.subtitle_size, italic=True, after=10)
                )  # fmt: skip
            )
            story.append(_paged_table(doc.table, lay, self.fonts, self.width, self.height))
        if doc.chart_png:
            story.append(PageBreak())
            heading = self.style(lay.body_size, bold=True, align=TA_LEFT, after=6)
            story.append(_paragraph(doc.chart_heading, heading))
            story.append(
                Image(
                    BytesIO(doc.chart_png),
                    width=lay.chart_width_mm * mm,
                    height=lay.chart_height_mm * mm,
                )
            )
        return story

    def _block(self, cells: list[list[Flowable]], left_share: float) -> Table:
        widths = [self.width * left_share, self.width * (1 - left_share)]
        table = Table([cells], colWidths=widths)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONT", (0, 0), (-1, -1), self.fonts.regular),  # not Helvetica's default
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def header(self) -> Table:
        """Issuing body left; the party line, its rule and the date line right."""
        doc, lay = self.doc, self.lay
        left: list[Flowable] = [
            _paragraph(doc.province_line, self.style(lay.province_size)),
            _paragraph(doc.issuing_body_line, self.style(lay.issuing_body_size, bold=True)),
            _paragraph(doc.star_line, self.style(lay.issuing_body_size)),
            _paragraph(doc.number_line, self.style(lay.number_size)),
        ]
        if doc.subject_line:
            left.append(
                _paragraph(doc.subject_line, self.style(lay.letter_subject_size, italic=True))
            )
        right: list[Flowable] = [
            _paragraph(doc.party_line, self.style(lay.party_size, bold=True)),
            _Rule(lay.party_rule_mm * mm, lay.party_rule_gap_pt, lay.party_rule_after_pt),
            _paragraph(doc.date_line, self.style(lay.date_size, italic=True)),
        ]
        return self._block([left, right], lay.header_left_share)

    def signature(self) -> Table:
        """ "Nơi nhận:" and the recipients left; capacity, room to sign and the name right."""
        doc, lay = self.doc, self.lay
        heading = self.style(lay.recipients_heading_size, align=TA_LEFT)
        left: list[Flowable] = [Paragraph(f"<u>{escape(doc.recipients_heading)}</u>", heading)]
        recipient = self.style(lay.recipients_size, align=TA_LEFT)
        left += [_paragraph(line, recipient) for line in doc.recipients]
        signer = self.style(lay.signer_size, bold=True)
        right: list[Flowable] = [_paragraph(line, signer) for line in doc.signer_capacity]
        right.append(Spacer(1, lay.signature_gap_lines * lay.signer_size * 1.2))
        right.append(_paragraph(doc.signer_name or " ", signer))
        return self._block([left, right], lay.header_left_share)
