"""Which sentences of a conclusion text are directives, to whom, and by when.

A small state machine over the sentences: a cue ("đề nghị", "yêu cầu", "giao",
"… cần/phải …", a heading "Nhiệm vụ …", "Đối với …") opens the directive part;
there every ";"-clause and every sentence opening with an action verb is a
directive, for the addressee last named. Praise ("biểu dương") and the
meeting's own account (results with "đã", discussion, the reporter's line) are
never directives; a new paragraph that opens with none of these closes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tracker.extraction.orgs import OrgMention, find_orgs
from tracker.extraction.periods import QuarterMention, is_vague, quarter_mentions
from tracker.extraction.spans import Sentence, clauses
from tracker.quarters import Quarter

LEAD = "lead"
SUPPORT = "support"

# "đề nghị", "yêu cầu" as nouns ("đúng yêu cầu", "các đề nghị") are no cue; the word
# before is read as written ("Lê Văn Dũng yêu cầu" is a cue, "đúng yêu cầu" is not).
_NOUN_BEFORE = frozenset("các những đúng theo ứng đạt với thể xuất, mọi trước được nhận".split())
_SPEECH = re.compile(
    r"\b(?:de nghi|yeu cau|chi dao|luu y|nhan manh|mong muon|giao nhiem vu cho|giao cho|"
    + r"(?<!ban )(?<!chuyen )giao(?! ban(?! dan van| tuyen giao| thuong| to chuc| chi dao)|"
    + r" luu| thong| duc| tiep| thuong| dich| ket))\b"
    + r"(?![,.]? (?:tien do|cua|nay|tren|do|va kien nghi|chinh dang|ngay cang|dat ra|cao|"
    + r"nhiem vu|moi)\b)(?!,? ?$)"
)
_MODAL_FOLDED = re.compile(r"\b(?:can phai|can(?! thiet| bo| cu| tho)|phai(?! la| chang))\b")


def _modal(text: str, folded: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """ "cần", "phải", "cần phải" — not "căn nhà", "cán bộ", "phái đoàn" (same when folded)."""
    for m in _MODAL_FOLDED.finditer(folded, start, len(folded) if end is None else end):
        if text[m.start() : m.start() + 3].lower() in ("cần", "phả"):
            return m
    return None


# Verbs that open an action; a clause or sentence starting with one is a task.
_ACTIONS = (
    "tiep tuc|day manh|tang cuong|tap trung|chu trong|quan tam|trien khai|to chuc|thuc hien|"
    "nang cao|doi moi|phat huy|chu dong|tich cuc|khan truong|lam tot|phoi hop|tham muu|"
    "van dong|tuyen truyen|ra soat|xay dung|kip thoi|duy tri|nam chac|nam bat|theo doi|"
    "huong dan|don doc|cung co|phat dong|chuan bi|lua chon|bam sat|thuong xuyen|hoan thanh|"
    "giam sat|kien toan|da dang hoa|phan dau|sap xep|cham lo|ho tro|nghien cuu|de xuat|"
    "tong hop|lang nghe|phat hien|quan triet|huy dong|giai quyet|dua (?:cac|nghi|noi)|"
    "boi duong|dao tao|phat trien|nhan rong|xu ly|tham gia|lam ro|danh gia|so ket|tong ket|"
    "ban hanh|kiem tra|phan cong|bao cao|rut kinh nghiem|mo rong|thanh lap|gan ket|gan voi|"
    "ket hop|tao dieu kien|tao viec lam|day nghe|uu tien|tranh thu|tap hop|tiep nhan|giu vung|"
    "on dinh|khac phuc|chi dao|xac dinh|dam bao|bo sung|chinh sua|cai tien|vun dap|ket nap|"
    "canh giac|dau tranh|chu tri|hoan tat|chuyen giao|giai ngan|tiep can|khao sat|dinh huong|"
    "minh bach|quyet liet|vuc day|dong hanh|chuyen doi|van hanh|cap nhat|nhan dien|doi thoai"
)
# Folded, a short verb can be another word ("đây" and "đẩy" are both "day", "tạo" is
# "táo"): such verbs are listed with the word that follows them ("day nghe", "tao dieu kien").
_PLURAL = re.compile(r"[ ,:]*(?:cac|moi|toan the|nhung) [a-z]+")
_SUPPORT_TAIL = re.compile(rf"[^,;.]{{2,60}}?(?= (?:de|trong|nham|{_ACTIONS})\b|[,;.]|$)")
_ACTION_START = re.compile(rf"^(?:{_ACTIONS})\b")
_ACTION_AFTER_SUBJECT = re.compile(rf" (?:{_ACTIONS})\b")
_PRAISE = re.compile(
    r"\b(?:bieu duong|danh gia cao|ghi nhan|khen ngoi|hoan nghenh|tuyen duong|chuc mung|"
    r"tran trong|danh gia (?:tich cuc|nhung ket qua|ket qua))\b"
)
_ACCOUNT = re.compile(
    r"\b(?:dai bieu|dai dien|thao luan|tham luan|y kien|bao cao (?:cho biet|neu)|theo bao cao|"
    r"de xuat|kien nghi|cho rang|phan anh|cho biet|"
    r"tuy nhien|han che|ton tai|khuyet diem|vuong mac|kho khan)\b"
)
_REPORTER = re.compile(
    r"^(?:tin(?: va anh| anh|, anh)?|anh|bai(?: va anh)?|pv|ptv|ctv|nguon|theo|nhom pv|phong vien)"
    r"\s*[:,]"
)
_END = re.compile(r"^(?:noi nhan|t/m |tm\. |k/t |kt\. |t/l |chanh van phong)")
_HEADING = re.compile(
    r"^(?:(?:ve |ii?i?\. |nhung |cac )?(?:nhiem vu|phuong huong|mot so nhiem vu|trong tam|"
    r"ket luan|de nghi|doi voi|giai phap|to chuc thuc hien)\b)"
)
_BACK_HEADING = re.compile(
    r"^(?:(?:ve )?(?:ket qua|tinh hinh|danh gia|uu diem|han che|nhung han che|mot so han che|"
    r"ton tai|nguyen nhan|dac diem))\b"
)
# These few run on the lower-cased text as written, not the folded one: folded, "đã"
# is "đa dạng", "có" is "cổ vũ", "sẽ" is "chia sẻ", "là" is "lá".
_PAST = re.compile(r"(?:^|\b)(?:đã|vừa qua|thời gian qua|năm qua)\b")
_LEADING = re.compile(
    r"^(?:[,:;\- ]|dong thoi|va|cung voi do|ben canh do|ngoai ra|nhat la|trong do|theo do|"
    r"dac biet|truoc mat|mat khac|cung voi do|ngoai ra|"
    r"can phai|can|phai|cho|de)\b[ ,:]*"
)
_JOIN = re.compile(r"^[ ,]*(?:va|cung|,)? *$")
_CHAIR_ROLE = re.compile(r"^[ ,]*chu tri\b[ ,]*")
_SUPPORT = re.compile(r"\bphoi hop(?: chat che)? (?:voi|cung) ")
# After an organization named as subject: not a task when it reports or describes.
_NOT_TASK_AFTER_SUBJECT = re.compile(
    r"[ ,]*(?:đã|đang|sẽ|dự kiến|vừa|là|có|được|bị|vẫn|cũng đã|luôn|đều|kiến nghị|đề xuất|"
    r"đề nghị|cho biết|phản ánh|nêu|mong muốn|"
    r"năm (?:qua|nay|20)|trong|tại|về|với|và)\b"
)
_INTRO = re.compile(
    r"[ ,:]*(?:trong |tu nay den |den |cuoi |ve nhiem vu )?(?:thoi gian toi|nam toi|"
    r"quy (?:iv|iii|ii|i)\b(?: ?[-/.] ?(?:19|20)[0-9]{2}| nam (?:19|20)[0-9]{2})?|"
    r"(?:[369]|ba|sau|chin) thang (?:dau |cuoi )?nam(?: (?:19|20)[0-9]{2})?|"
    r"nam (?:19|20)[0-9]{2}|nam nay)[ ,:]*"
)
# "… thực hiện tốt các nhiệm vụ (trọng tâm) sau:": announces the list, is not a task.
_ANNOUNCES = re.compile(
    r"(?:nhiem vu|noi dung|van de|giai phap|viec)[^,;]{0,25}\b(?:sau|nhu sau|duoi day)\W*$"
)
_ANNOUNCES_AT_END = re.compile(r"\b(?:nhu sau|sau|duoi day|nhiem vu)\W*$")
_STATEMENT = re.compile(r"[ ,]*(?:đã|đang|sẽ|vừa|là|luôn|đều|có|được|bị|cũng đã|vẫn là)\b")


_PLAN = re.compile(r"\b(?:sẽ|dự kiến)\b")


def _low(text: str, folded: str) -> str:
    """The text lower-cased as written, aligned with ``folded`` (else ``folded``)."""
    low = text.lower()
    return low if len(low) == len(folded) else folded


_FOR_ORG = re.compile(r"(?:doi voi|rieng voi|rieng|ve phia) ")
_ACCOUNT_SPEAKERS = re.compile(r"\b(?:y kien|dai bieu|dai dien|tham luan)\b")
_SPEAKER = re.compile(
    r"\b(?:dong chi|d/c|thuong truc tinh uy|thuong truc thanh uy|ban thuong vu)\b"
)


@dataclass(frozen=True)
class Owner:
    org: str | None
    role: str
    as_written: str


@dataclass(frozen=True)
class Directive:
    content: str
    owners: tuple[Owner, ...]
    due: Quarter | None
    standing: bool = False  # "thường xuyên": no term at all (``due`` None otherwise: not said)


@dataclass
class _State:
    mode: str = "neutral"  # "neutral", "praise" or "directive"
    leads: tuple[Owner, ...] = ()
    context: QuarterMention | None = None
    paragraph: int = -1
    out: list[Directive] = field(default_factory=list)


def _owners(text: str, folded: str, mentions: list[OrgMention], role: str) -> tuple[Owner, ...]:
    seen: dict[tuple[str | None, str], Owner] = {}
    for m in mentions:
        written = text[m.start : m.end]
        seen.setdefault((m.org, written.lower()), Owner(m.org, role, written))
    return tuple(seen.values())


def _run(folded: str, start: int) -> tuple[list[OrgMention], int]:
    """The organizations named one after another from ``start`` ("A, B và C")."""
    run: list[OrgMention] = []
    pos = start
    for m in find_orgs(folded, start, min(len(folded), start + 400)):
        gap = folded[pos : m.start]
        if run or gap.strip(' ,:"“”'):
            if not _JOIN.match(gap) and not (
                not run and gap.strip(' ,:"“”') in ("cac", "cho", "cho cac")
            ):
                break
        run.append(m)
        pos = m.end
    return run, pos


_PLACE = re.compile(r"(?: [A-ZĐÀ-Ỹ][a-zà-ỹđ]*)+")


def _past_place(text: str, end: int) -> int:
    """Skip a place name written after an organization ("Thành đoàn Đà Nẵng")."""
    m = _PLACE.match(text, end)
    return m.end() if m else end


def _vague_owner(text: str, folded: str, start: int) -> tuple[tuple[Owner, ...], int]:
    """An addressee outside the list ("các cấp ủy, chính quyền") before a modal verb."""
    m = _modal(text, folded, start, start + 80)
    if m is None:  # "lưu ý các tổ chức quan tâm …": a plural noun, then an action
        plural = _PLURAL.match(folded, start)
        m = _ACTION_AFTER_SUBJECT.search(folded, plural.end(), start + 60) if plural else None
        if m is None:
            return (), start
    written = text[start : m.start()].strip(" ,:")
    if (
        not written
        or _ACTION_START.match(folded[start:].lstrip(" ,:"))
        or len(written.split()) > 10
    ):
        return (), start
    if quarter_mentions(folded[start : m.start()]) or is_vague(folded[start : m.start()]):
        return (), start
    return (Owner(None, LEAD, written),), m.start()


# A body outside the standard list, as written: "Sở Nội vụ", "Hội Chữ thập đỏ tỉnh",
# "UBND các huyện, thành phố"; it runs to the verb that follows it.
_BODY_HEAD = re.compile(
    r"(?:Hội|Sở|UBND|Ủy ban nhân dân|Văn phòng|Công an|Bộ Chỉ huy|Bộ đội|Liên hiệp|Liên minh|"
    r"Đảng ủy|Huyện ủy|Thị ủy|Thành ủy|Báo|Đài|Ngân hàng|Ban|Cục|Chi cục|Viện|Trung tâm|"
    r"Liên đoàn|Các sở|Các ban|Các hội|Các cấp ủy|Cấp ủy|Các huyện ủy|Các địa phương|"
    r"Chính quyền)\b(?! (?:Thường vụ|Chấp hành|Bí thư|Thường trực|viên)\b)"
)
_BODY_END = re.compile(rf"[,;.:]|\s(?:can|phai|da|dang|se|(?:{_ACTIONS}))\b")


def _body_at(text: str, folded: str, pos: int) -> Owner | None:
    """The body outside the list named at ``pos`` (as written, ``org`` None), if any."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    head = _BODY_HEAD.match(text, pos)
    if head is None:
        return None
    stop = _BODY_END.search(folded, head.end(), head.end() + 80)
    if stop and folded[stop.start()] == ",":  # "UBND các huyện, thành phố"
        more = re.match(r", (?:thanh pho|thi xa|huyen)\b", folded[stop.start() :])
        if more:
            stop = _BODY_END.search(folded, stop.start() + more.end(), head.end() + 80)
    bare = ("UBND", "Các sở", "Các cấp ủy", "Cấp ủy", "Các huyện ủy", "Các địa phương")
    if stop is None or stop.start() == head.end() and head.group() not in bare:
        return None
    written = text[pos : stop.start()].strip()
    return Owner(None, LEAD, written) if len(written.split()) <= 12 else None


def _subject_before(text: str, folded: str, end: int) -> tuple[tuple[Owner, ...], int]:
    """The addressee named before a modal verb ("MTTQ tỉnh cần …"): the last
    comma-separated part with an organization in it, not the speaker's title."""
    parts = [p for p in re.finditer(r"[^,]+", folded[:end])]
    for part in reversed(parts):
        if _SPEAKER.search(part.group()):
            break
        found = find_orgs(folded, part.start(), part.end())
        if found:
            return _owners(text, folded, found, LEAD), part.start()
        body = _body_at(text, folded, part.start())
        if body is not None:
            return (body,), part.start()
    return (), end


def _supports(text: str, folded: str) -> tuple[tuple[Owner, ...], tuple[int, int] | None]:
    m = _SUPPORT.search(folded)
    if m is None:
        return (), None
    run, end = _run(folded, m.end())
    if run:
        return _owners(text, folded, run, SUPPORT), (m.start(), end)
    tail = _SUPPORT_TAIL.match(folded, m.end())
    if tail is None:
        return (), None
    written = text[m.end() : tail.end()].strip()
    return (Owner(None, SUPPORT, written),), (m.start(), tail.end())


def _content(text: str) -> str:
    text = text.strip(" ,:;.-–…")
    for mark in ('"', "“”"):
        if sum(text.count(c) for c in mark) % 2:  # the closing quote of a quoted speech
            text = text.strip(" " + mark).strip(" ,:;.-–…")
    return text[:1].upper() + text[1:] if text else text


class Extractor:
    """Feed the sentences in order; ``directives`` holds what was found."""

    def __init__(self, meeting: date | None) -> None:
        self.meeting = meeting
        self.state = _State()

    @property
    def directives(self) -> list[Directive]:
        return self.state.out

    def feed(self, s: Sentence) -> bool:
        """Read one sentence; False when the text's tasks are over ("Nơi nhận")."""
        st = self.state
        f = s.folded
        if _END.match(f):
            return False
        if s.paragraph != st.paragraph:
            st.paragraph = s.paragraph
            if st.mode == "praise" or (st.mode == "directive" and not self._continues(s)):
                st.mode = "neutral"
        if s.title or _REPORTER.match(f) or len(f.split()) < 2:
            return True
        if _BACK_HEADING.match(f) and len(f.split()) <= 12:
            st.mode = "neutral"
            return True
        m = _FOR_ORG.match(f)
        if (run := _run(f, m.end() if m else 0)[0]) and (m or run[0].start == 0):
            # "Đối với Hội ND tỉnh: …", "Về phía Tỉnh đoàn, …", "Tỉnh đoàn: …"
            after = re.match(r"[ ]*[:,-]+ *" if m else r" *: *", f[run[-1].end :])
            if after and len(f) - run[-1].end - after.end() > 12:
                st.mode = "directive"
                self._body(s, _owners(s.text, f, run, LEAD), run[-1].end + after.end())
                return True
        if (
            s.text.endswith(":")
            and _ANNOUNCES_AT_END.search(f)
            and not self._cue(s.text, f)
            and not _modal(s.text, f)
        ):
            self._heading(s, leads=False)  # "… giao nhiệm vụ quý I năm 2024 như sau:"
            return True
        if (
            _HEADING.match(f)
            and (len(f.split()) <= 16 or s.text.endswith(":"))
            and not _SPEECH.match(f)
        ):
            self._heading(s)
            return True
        cue = self._cue(s.text, f)
        praise = _PRAISE.search(f)
        if praise and (cue is None or cue.start() < praise.start()):
            st.mode = "praise"
            return True
        if cue is not None and re.search(r"\b(?:đã|vừa|từng) $", _low(s.text, f)[: cue.start()]):
            if not _SPEAKER.search(f, 0, cue.start()):
                return True  # "Ủy ban MTTQ tỉnh đã đề nghị …": a result, not the chair's word
        if cue is not None and self._proposal(f, cue):
            st.mode = "neutral"  # "Ủy ban MTTQ tỉnh đề nghị Thường trực Tỉnh ủy …": upwards
            return True
        if cue is not None:
            said = _ACCOUNT_SPEAKERS.search(f, 0, cue.start())
            if said and not _SPEAKER.search(f, said.end(), cue.start()) and st.mode != "directive":
                st.mode = "neutral"  # "Nhiều ý kiến đề nghị …": the discussion, not the chair
                return True
            self._speech(s, cue)
            return True
        modal = _modal(s.text, f)
        low = _low(s.text, f)
        if modal is not None and not _PAST.search(low, 0, modal.start()):
            if re.match(r" (?:được|bị)\b", low[modal.end() :]):  # "cần được hỗ trợ": a need
                return True
            if st.mode != "directive" and (
                _ACCOUNT.search(f, 0, modal.start()) or _PLAN.search(low, 0, modal.start())
            ):
                return True
            leads, _ = _subject_before(s.text, f, modal.start())
            if not leads and st.mode != "directive" and not _SPEAKER.search(f, 0, modal.start()):
                return True  # "Theo các chuyên gia, cần …": commentary, nobody is addressed
            self._intro(f, 0, modal.start())
            self._body(s, leads, modal.end())
            return True
        if st.mode != "directive":
            if _ACCOUNT.search(f) or _PAST.search(low):
                st.mode = "neutral"
            return True
        self._plain(s)
        return True

    def _cue(self, text: str, f: str) -> re.Match[str] | None:
        """The first speech cue that really opens a task ("chỉ đạo:" yes, "hướng
        chỉ đạo, giải quyết" no; "giao" only before an organization)."""
        for m in _SPEECH.finditer(f):
            word = m.group()
            before = text[max(0, m.start() - 12) : m.start()].split()
            if before and before[-1].lower() in _NOUN_BEFORE:
                continue
            after = f[m.end() : m.end() + 3]
            if word.startswith("giao") or word == "mong muon":
                if _run(f, m.end())[0]:
                    return m
            elif word in ("chi dao", "luu y", "nhan manh"):
                modal = _modal(text, f, m.end()) if after.startswith(",") else None
                if modal and re.search(r"\bdong chi\b", f[m.end() : modal.start()]):
                    continue  # "Phát biểu chỉ đạo, đồng chí X nhấn mạnh, …": the later cue
                if after.startswith(":") or _run(f, m.end())[0] or modal:
                    return m
                acting = _modal(text, f, max(0, m.start() - 12), m.start())  # "phải chỉ đạo"
                if not acting and _vague_owner(text, f, m.end())[0]:
                    return m
            else:
                return m
        return None

    # --- pieces -------------------------------------------------------------------------

    def _proposal(self, f: str, cue: re.Match[str]) -> bool:
        """Whether a body of the list (not the chair) is the one asking: the words
        right before the cue name an organization and no speaker."""
        segment = f.rfind(",", 0, cue.start()) + 1
        found = find_orgs(f, segment, cue.start())
        return bool(found) and not _SPEAKER.search(f, segment, cue.start())

    def _continues(self, s: Sentence) -> bool:
        f = s.folded
        if (
            s.bullet
            or _HEADING.match(f)
            or self._cue(s.text[:60], f[:60])
            or _ACTION_START.match(f)
        ):
            return True
        found = find_orgs(f, 0, 60)
        return bool(found) and found[0].start < 8 and not _PAST.search(_low(s.text, f), 0, 80)

    def _skip_intro(self, f: str, pos: int) -> int:
        """Length of the period phrases at ``pos`` (": thời gian tới, …", "trong quý
        II-2024"), which set the period of the directives that follow."""
        start = pos
        while skip := _INTRO.match(f, pos):
            if not skip.group().strip(" ,:"):
                break
            self._intro(f, pos, skip.end())
            pos = skip.end()
        return pos - start

    def _intro(self, f: str, start: int, end: int) -> QuarterMention | None:
        mentions = quarter_mentions(f[start:end])
        if mentions:
            self.state.context = mentions[-1]
            return mentions[-1]
        if is_vague(f[start:end]):
            self.state.context = None
        return None

    def _heading(self, s: Sentence, *, leads: bool = True) -> None:
        st = self.state
        st.mode = "directive"
        found = find_orgs(s.folded) if leads else []
        if found:
            st.leads = _owners(s.text, s.folded, found, LEAD)
        mentions = quarter_mentions(s.folded)
        st.context = mentions[-1] if mentions else (None if is_vague(s.folded) else st.context)

    def _speech(self, s: Sentence, cue: re.Match[str]) -> None:
        f = s.folded
        if not _PRAISE.search(f, 0, cue.start()):  # not "ghi nhận kết quả 6 tháng đầu năm, …"
            self._intro(f, 0, cue.start())  # "Về nhiệm vụ quý II, đồng chí đề nghị …"
        pos = cue.end()
        pos += self._skip_intro(f, pos)
        run, end = _run(f, pos)
        leads: tuple[Owner, ...]
        if run:
            leads = _owners(s.text, f, run, LEAD)
            end = _past_place(s.text, end)
            end += self._skip_intro(f, end)
            if _STATEMENT.match(_low(s.text, f), end):
                return  # "nhấn mạnh, Mặt trận các cấp luôn là chỗ dựa …": a statement
        elif body := _body_at(s.text, f, pos):
            leads = (body,)
            end = s.text.index(body.as_written, pos) + len(body.as_written)
        else:
            leads, end = _vague_owner(s.text, f, pos)
            if not leads:
                end = pos
        self._body(s, leads, end)

    def _plain(self, s: Sentence) -> None:
        f = s.folded
        skip = 0
        while (m := _LEADING.match(f[skip:])) and m.end():
            skip += m.end()  # "Bên cạnh đó, …", "Đặc biệt, …"
        found = find_orgs(f, skip, skip + 80)
        if found and found[0].start < skip + 8:
            run, end = _run(f, found[0].start)
            end = _past_place(s.text, end)
            if _NOT_TASK_AFTER_SUBJECT.match(_low(s.text, f), end) or len(f) - end < 12:
                return
            self._body(s, _owners(s.text, f, run, LEAD), end)
            return
        if body := _body_at(s.text, f, skip):
            end = s.text.index(body.as_written, skip) + len(body.as_written)
            if not _NOT_TASK_AFTER_SUBJECT.match(_low(s.text, f), end) and len(f) - end >= 12:
                self._body(s, (body,), end)
            return
        lead = _LEADING.sub("", f)
        if not _ACTION_START.match(lead) and not self._intro_then_action(f):
            return
        self._body(s, (), 0)

    def _intro_then_action(self, f: str) -> bool:
        m = re.match(r"(?:trong |ve |den )?[^,]{0,40}?,\s*", f)
        if m is None or not (quarter_mentions(f[: m.end()]) or is_vague(f[: m.end()])):
            return False
        self._intro(f, 0, m.end())
        return bool(_ACTION_START.match(_LEADING.sub("", f[m.end() :])))

    def _body(self, s: Sentence, leads: tuple[Owner, ...], content_from: int) -> None:
        """Cut the sentence from ``content_from`` into its ";" clauses, each a directive."""
        st = self.state
        st.mode = "directive"
        if leads:
            st.leads = leads
        text, f = s.text, s.folded
        rest_text, rest_f = text[content_from:], f[content_from:]
        if _ANNOUNCES.search(rest_f):
            return
        for a, b in clauses(rest_text):
            self._clause(rest_text[a:b], rest_f[a:b])

    def _clause(self, text: str, f: str) -> None:
        st = self.state
        strip = _LEADING.match(f)
        while strip and strip.end():
            text, f = text[strip.end() :], f[strip.end() :]
            strip = _LEADING.match(f)
        found = find_orgs(f, 0, 60)
        if found and found[0].start < 6:
            run, end = _run(f, found[0].start)
            end = _past_place(text, end)
            modal = re.match(r"[ ,]*(?:can phai|can|phai)\b[ ,]*", f[end:])
            if modal or not _NOT_TASK_AFTER_SUBJECT.match(_low(text, f), end):
                st.leads = _owners(text, f, run, LEAD)
                cut = end + (modal.end() if modal else 0)
                text, f = text[cut:], f[cut:]
        elif body := _body_at(text, f, 0):
            end = text.index(body.as_written) + len(body.as_written)
            modal = re.match(r"[ ,]*(?:can phai|can|phai)\b[ ,]*", f[end:])
            if modal or not _NOT_TASK_AFTER_SUBJECT.match(_low(text, f), end):
                st.leads = (body,)
                cut = end + (modal.end() if modal else 0)
                text, f = text[cut:], f[cut:]
        if _PAST.match(_low(text, f).strip()) or len(f.split()) < 3:
            return
        supports, span = _supports(text, f)
        if m := _CHAIR_ROLE.match(f):  # "chủ trì, phối hợp với X theo dõi, …": X supports
            text, f = text[m.end() :], f[m.end() :]
            supports, span = _supports(text, f)
            if span is not None and span[0] < 3:
                text, f = text[span[1] :], f[span[1] :]
        content = _content(text)
        if len(content.split()) < 3:
            return
        due = self._due(f)
        standing = due is None and re.search(r"\bthuong xuyen\b", f) is not None
        st.out.append(Directive(content, st.leads + supports, due, standing))

    def _due(self, f: str) -> Quarter | None:
        ctx = self.state.context
        context = None if ctx is None else ctx.resolve(self.meeting)
        mentions = quarter_mentions(f)
        if mentions:
            first = mentions[0].resolve(self.meeting)
            if mentions[0].weak and context is not None and first is not None:
                if context.year == first.year:  # "Tháng Thanh niên năm 2023" in quý I-2023
                    return context
            return first
        if is_vague(f):
            return None
        return context
