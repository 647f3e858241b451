"""Parse stage: statute or case text → article-level units. Pure functions, no I/O."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ingest.lawnames import short_law_name
from ingest.models import DocumentMeta, LegalUnit, Level, ParsedDocument, UnitType, Validity
from ingest.numerals import CN_NUM_CHARS, cn_to_int

INFO_END = "<!-- INFO END -->"
_NUM = rf"[{CN_NUM_CHARS}\d]+"
ARTICLE_START = re.compile(rf"^第({_NUM})条(?:之([一二三四五六七八九十]+))?(.*)$")
STRUCTURE_HEADING = re.compile(rf"^第({_NUM})([编章节])[\s　]*(.*)$")
PROVISION_START = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
MD_HEADING = re.compile(r"^(#{1,6})\s*(.+?)\s*#*$")
CN_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
CITATION = re.compile(
    rf"《([^》]{{2,60}})》(?:（[^）]{{0,20}}）)?((?:第{_NUM}条(?:之[一二三四五六七八九十]+)?(?:第{_NUM}[款项])*[、，和及与或]?)+)"
)
_CITED_ARTICLE = re.compile(rf"第({_NUM})条(?:之([一二三四五六七八九十]+))?")
# Words that follow 第X条 when it is a reference in running text rather than an article heading.
_REFERENCE_TAILS = (
    "的",
    "规定",
    "、",
    "，",
    "。",
    "所",
    "中",
    "第",
    "至",
    "和",
    "或",
    "及",
    "之规定",
    "款",
    "项",
)
_ISSUERS = (
    "全国人民代表大会常务委员会",
    "全国人民代表大会",
    "国务院",
    "最高人民法院",
    "最高人民检察院",
    "人力资源和社会保障部",
    "人力资源社会保障部",
    "劳动和社会保障部",
    "劳动部",
    "国家统计局",
)
CASE_SECTION_HINTS = ("基本案情", "裁判结果", "案例分析", "典型意义", "裁判要点", "裁判理由", "处理结果")


def cn_date_to_iso(text: str) -> str | None:
    match = CN_DATE.search(text)
    if not match:
        return None
    y, m, d = (int(g) for g in match.groups())
    return f"{y:04d}-{m:02d}-{d:02d}"


def split_header(text: str) -> tuple[str, list[str], str]:
    """Return (title, header lines, body) for LawRefBook-style Markdown or plain text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    title = ""
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        heading = MD_HEADING.match(stripped)
        title = heading.group(2) if heading and len(heading.group(1)) == 1 else stripped
        lines = lines[i + 1 :]
        break
    rest = "\n".join(lines)
    if INFO_END in rest:
        header, body = rest.split(INFO_END, 1)
        return title, [h.strip() for h in header.split("\n") if h.strip()], body
    # Plain text: header lines run until the first article, chapter heading or markdown heading.
    header_lines: list[str] = []
    body_lines = rest.split("\n")
    for i, line in enumerate(body_lines):
        s = line.strip()
        if not s:
            continue
        if (
            ARTICLE_START.match(s)
            or STRUCTURE_HEADING.match(s)
            or MD_HEADING.match(s)
            or PROVISION_START.match(s)
        ):
            return title, header_lines, "\n".join(body_lines[i:])
        if len(s) <= 80 and (CN_DATE.search(s) or "〔" in s or "令" in s[:10]):
            header_lines.append(s)
            continue
        return title, header_lines, "\n".join(body_lines[i:])
    return title, header_lines, ""


_LOCAL_ISSUER = re.compile(r"^[\u4e00-\u9fff]{2,10}?(?:省|市|自治区|自治州|县)(?!场)")


# Who issued a document decides its level (立法法): a people's congress makes laws (全国) and local
# regulations; a government's 令 is an administrative regulation (国务院) or a local government rule; a
# ministry's 令 is a department rule; anything issued under a 发文字号 (X人社发〔2026〕7号, X政办发〔…〕) is
# a normative document, whatever its name ends with.
_CONGRESS = re.compile(r"人民代表大会")
_DECREE = re.compile(r"([\u4e00-\u9fa5、]{2,40})令第\d+号")
_FILE_NUMBER = re.compile(r"[\u4e00-\u9fa5]{1,10}〔\d{4}〕\d+号")
_ORGAN_NAME = re.compile(
    r"[\u4e00-\u9fa5]{2,30}(?:人民代表大会常务委员会|人民政府|办公厅|办公室|局|厅|委员会)"
)
_ORGAN = re.compile(r"(?:人民政府|办公厅|办公室|局|厅|委员会)(?:关于|$)")


def level_from_header(header: list[str] | tuple[str, ...]) -> Level | None:
    """The level the information lines give by their issuer and 文号; None when they do not say."""
    for line in header:
        if decree := _DECREE.search(line):
            issuer = decree.group(1)
            if "国务院" in issuer:
                return Level.ADMIN_REGULATION
            return Level.LOCAL_GOV_RULE if "人民政府" in issuer else Level.DEPARTMENT_RULE
    for line in header:
        if _CONGRESS.search(line) and "通过" in line:  # made by it, not one it approved
            return Level.LAW if "全国人民代表大会" in line else Level.LOCAL
    for line in header:
        if (number := _FILE_NUMBER.search(line)) and not number.group(0).startswith("法释"):
            return Level.NORMATIVE_DOCUMENT
    return None


def guess_level(title: str, folder_parts: tuple[str, ...], header: list[str] | tuple[str, ...] = ()) -> Level:
    folders = "/".join(folder_parts)
    for key, level in (
        ("案例", Level.CASE),
        ("司法解释", Level.JUDICIAL_INTERPRETATION),
        ("行政法规", Level.ADMIN_REGULATION),
        ("部门规章", Level.DEPARTMENT_RULE),
        ("规范性文件", Level.NORMATIVE_DOCUMENT),
        ("地方性法规", Level.LOCAL),
        ("地方政府规章", Level.LOCAL_GOV_RULE),
        ("宪法", Level.CONSTITUTION),
    ):
        if key in folders:
            return level
    if any(
        k in folders for k in ("法律", "社会法", "诉讼与非诉讼程序法", "民法商法", "行政法", "经济法", "刑法")
    ):
        return Level.LAW
    name = short_law_name(title)
    if name.startswith("最高人民法院") or name.startswith("最高人民检察院"):
        return Level.JUDICIAL_INTERPRETATION
    by_issuer = level_from_header(header)
    if by_issuer is not None:
        return by_issuer
    if _LOCAL_ISSUER.match(name):
        # Only a people's congress makes a local 条例; a local 办法/规定 without its issuer or 文号 may be
        # a congress's, a government's or a department's: not guessed.
        if name.endswith("条例") or "人民代表大会" in name:
            return Level.LOCAL
        if name.endswith(("通知", "意见", "复函", "答复", "批复", "决定")) or _ORGAN.search(name):
            return Level.NORMATIVE_DOCUMENT
        return Level.OTHER
    # 办法 ends with 法 too: the longer endings first.
    if name.endswith(("办法", "规定", "规则", "实施细则")):
        return Level.DEPARTMENT_RULE
    if name.endswith("法"):
        return Level.LAW
    if name.endswith("条例"):
        return Level.ADMIN_REGULATION
    if name.endswith(("通知", "意见", "复函", "答复", "批复", "决定")):
        return Level.NORMATIVE_DOCUMENT
    return Level.OTHER


def guess_issuer(title: str, header: list[str], folder_parts: tuple[str, ...], level: Level) -> str:
    for body in _ISSUERS:
        if title.startswith(body):
            return body
    for line in header:
        for body in _ISSUERS:
            if body in line:
                return body
    if level is Level.ADMIN_REGULATION:
        return "国务院"
    # A local organ named alone on the information line: 2026年10月1日 示范市人力资源和社会保障局 公布 …
    for line in header:
        for token in line.split():
            if _LOCAL_ISSUER.match(token) and _ORGAN_NAME.fullmatch(token):
                return token
    for part in folder_parts:
        if part.endswith(("部", "委员会", "局", "署")):
            return part
    return ""


# 文号 as a document's information line gives it: 人社部发〔2013〕34号, 法释〔2025〕12号, 劳动部 劳部发〔1994〕
# 503号公布, 人力资源社会保障部、国家卫生健康委令第55号公布. Only the lines before the first article are read
# (a 复函 quotes the number of the letter it answers in its body).
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fa5]{1,10}〔\d{4}〕\d+号|[\u4e00-\u9fa5、]{2,40}令第\d+号")


def guess_document_number(header: list[str]) -> str:
    for line in header:
        if hit := _DOCUMENT_NUMBER.search(line):
            # The first number is the one it was issued under (an amending decree follows it).
            return hit.group(0).removeprefix("中华人民共和国")
    return ""


def document_meta(
    title: str,
    header: list[str],
    source: str,
    folder_parts: tuple[str, ...],
    file_stem: str,
    today: date,
) -> DocumentMeta:
    """Derive law name, level, issuer, version date and validity from what the file says about itself."""
    full_title = re.sub(r"（\d{4}-\d{2}-\d{2}）$|\(\d{4}-\d{2}-\d{2}\)$", "", title).strip() or file_stem
    level = guess_level(full_title, folder_parts, header)
    dates = [d for d in (cn_date_to_iso(h) for h in header) if d]
    stem_date = ISO_DATE.search(file_stem)
    version_date = f"{stem_date.group(1)}-{stem_date.group(2)}-{stem_date.group(3)}" if stem_date else None
    if version_date is None and dates:
        version_date = max(dates)
    effective = None
    for line in header:
        if "施行" in line or "起施行" in line:
            effective = cn_date_to_iso(line.split("施行")[0][-20:]) or cn_date_to_iso(line)
    validity = Validity.IN_FORCE
    note = ""
    if any("废止" in h or "失效" in h for h in header):
        validity, note = Validity.REPEALED, "原文信息行注明已废止或失效"
    elif effective and effective > today.isoformat():
        validity, note = Validity.NOT_YET_EFFECTIVE, f"自{effective}起施行"
    return DocumentMeta(
        title=full_title,
        short_name=short_law_name(full_title),
        level=level,
        source=source,
        issuing_body=guess_issuer(full_title, header, folder_parts, level),
        version_date=version_date,
        effective_date=effective,
        validity=validity,
        validity_note=note,
        is_case=level is Level.CASE,
        document_number=guess_document_number(header),
    )


def _paragraphs(body: str) -> list[str]:
    return [line.strip().replace("\u3000", " ").strip() for line in body.split("\n") if line.strip()]


def merge_wrapped_lines(body: str) -> str:
    """Join hard-wrapped lines (PDF text layers) unless the next line starts a new structural unit."""
    out: list[str] = []
    for raw in body.split("\n"):
        line = raw.strip()
        if not line:
            if out and out[-1] != "":
                out.append("")
            continue
        starts_unit = bool(
            ARTICLE_START.match(line)
            or STRUCTURE_HEADING.match(line)
            or MD_HEADING.match(line)
            or PROVISION_START.match(line)
            or re.match(r"^（[一二三四五六七八九十]+）", line)
        )
        if out and out[-1] and not starts_unit and not re.search(r"[。；：！？”」）)]$", out[-1]):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def extract_citations(text: str) -> tuple[tuple[str, int, int | None], ...]:
    """Find 《X》第N条(、第M条) references; returns (law short name, article, sub) in order, unique."""
    found: list[tuple[str, int, int | None]] = []
    for match in CITATION.finditer(text):
        law = short_law_name(match.group(1))
        for art in _CITED_ARTICLE.finditer(match.group(2)):
            ref = (law, cn_to_int(art.group(1)), cn_to_int(art.group(2)) if art.group(2) else None)
            if ref not in found:
                found.append(ref)
    return tuple(found)


def _is_article_heading(number: int, sub: int | None, rest: str, last: tuple[int, int] | None) -> bool:
    """Tell an article heading from a reference such as '第四十条的规定' at the start of a line."""
    separated = rest == "" or rest[0] in " \u3000\t"
    if not separated and rest.startswith(_REFERENCE_TAILS):
        return False
    if last is None:
        return separated or number == 1
    last_no, last_sub = last
    if sub:
        return number == last_no and sub == last_sub + 1 or (number == last_no + 1 and separated)
    if number == last_no + 1:
        return True
    # Tolerate small gaps (deleted articles, lost lines) only when the heading is clearly separated.
    return separated and last_no + 1 < number <= last_no + 5


def parse_statute(meta: DocumentMeta, body: str) -> ParsedDocument:
    paragraphs = _paragraphs(body)
    units: list[LegalUnit] = []
    warnings: list[str] = []
    chapter: dict[int, str] = {}
    md_depth_levels: dict[int, int] = {}
    current: dict | None = None
    preamble: list[str] = []
    # Text under a heading after the articles began (附件 最低工资标准测算方法) is an appendix of its
    # own, not the document's preamble and not part of the article before it.
    appendix: dict | None = None
    last: tuple[int, int] | None = None

    def flush() -> None:
        nonlocal current, appendix
        if appendix is not None and "\n".join(appendix["lines"]).strip():
            units.append(
                LegalUnit(
                    doc=meta,
                    unit_type=UnitType.PARAGRAPH,
                    label=appendix["label"],
                    text="\n".join(appendix["lines"]).strip(),
                    chapter=appendix["chapter"],
                    seq=len(units),
                )
            )
        appendix = None
        if current is not None:
            units.append(
                LegalUnit(
                    doc=meta,
                    unit_type=UnitType.ARTICLE,
                    label=current["label"],
                    text="\n".join(current["lines"]).strip(),
                    article_no=current["no"],
                    sub=current["sub"],
                    chapter=current["chapter"],
                    seq=len(units),
                )
            )
            current = None

    def set_heading(level: int, name: str) -> None:
        for deeper in [k for k in chapter if k >= level]:
            del chapter[deeper]
        chapter[level] = name

    for para in paragraphs:
        heading = MD_HEADING.match(para)
        heading_text = heading.group(2).strip() if heading else para
        structure = STRUCTURE_HEADING.match(heading_text)
        if structure and (heading or len(para) <= 40):
            flush()
            set_heading({"编": 0, "章": 1, "节": 2}[structure.group(2)], heading_text.replace("\u3000", " "))
            continue
        if heading:
            flush()
            depth = len(heading.group(1))
            md_depth_levels.setdefault(depth, 1 + len(md_depth_levels))
            set_heading(md_depth_levels[depth], heading_text)
            if last is not None:
                appendix = {
                    "label": heading_text.replace("\u3000", " ")[:40],
                    "chapter": tuple(chapter[k] for k in sorted(chapter) if chapter[k] != heading_text),
                    "lines": [],
                }
            continue
        article = ARTICLE_START.match(para)
        if article:
            number = cn_to_int(article.group(1))
            sub = cn_to_int(article.group(2)) if article.group(2) else None
            rest = article.group(3)
            if _is_article_heading(number, sub, rest, last):
                flush()
                label = f"第{article.group(1)}条" + (f"之{article.group(2)}" if article.group(2) else "")
                current = {
                    "label": label,
                    "no": number,
                    "sub": sub,
                    "chapter": tuple(chapter[k] for k in sorted(chapter)),
                    "lines": [rest.strip()] if rest.strip() else [],
                }
                last = (number, sub or 0)
                continue
        if current is not None:
            current["lines"].append(para)
        elif appendix is not None:
            appendix["lines"].append(para)
        else:
            preamble.append(para)
    flush()

    if not units:
        return _parse_provisions_or_paragraphs(meta, paragraphs, warnings)
    preamble_text = "\n".join(preamble).strip()
    if len(preamble_text) >= 30:
        units.insert(
            0, LegalUnit(doc=meta, unit_type=UnitType.PARAGRAPH, label="序言", text=preamble_text, seq=-1)
        )
    return ParsedDocument(meta=meta, units=units, warnings=warnings)


def _parse_provisions_or_paragraphs(
    meta: DocumentMeta, paragraphs: list[str], warnings: list[str]
) -> ParsedDocument:
    """Normative documents number provisions 一、二、 …; anything else becomes paragraph groups."""
    items = _parse_numbered_items(meta, paragraphs)
    if items is not None:
        return ParsedDocument(meta=meta, units=items, warnings=warnings)
    units: list[LegalUnit] = []
    preamble: list[str] = []
    current: dict | None = None
    expected = 1
    for raw in paragraphs:
        heading = MD_HEADING.match(raw)
        para = heading.group(2).strip() if heading else raw
        match = PROVISION_START.match(para)
        if match and cn_to_int(match.group(1)) == expected:
            if current:
                units.append(current["unit"](current["lines"]))
            number = expected
            label = f"{match.group(1)}、"
            current = {
                "lines": [match.group(2).strip()],
                "unit": lambda lines, n=number, lab=label: LegalUnit(
                    doc=meta,
                    unit_type=UnitType.PROVISION,
                    label=lab,
                    text="\n".join(lines).strip(),
                    article_no=n,
                    seq=n,
                ),
            }
            expected += 1
            continue
        if current:
            current["lines"].append(para)
        else:
            preamble.append(para)
    if current:
        units.append(current["unit"](current["lines"]))
    if units:
        if preamble:
            units.insert(
                0,
                LegalUnit(
                    doc=meta, unit_type=UnitType.PARAGRAPH, label="序言", text="\n".join(preamble), seq=0
                ),
            )
        return ParsedDocument(meta=meta, units=units, warnings=warnings)
    # Unstructured text: group paragraphs into units of a few hundred characters.
    group: list[str] = []
    for para in paragraphs:
        group.append(para)
        if sum(len(p) for p in group) >= 300:
            units.append(_paragraph_unit(meta, group, len(units) + 1))
            group = []
    if group:
        units.append(_paragraph_unit(meta, group, len(units) + 1))
    if units:
        warnings.append("未识别出条文编号，按段落切分")
    return ParsedDocument(meta=meta, units=units, warnings=warnings)


_ITEM_START = re.compile(r"^(\d{1,3})[.．、](?!\d)\s*(.+)$")


def _parse_numbered_items(meta: DocumentMeta, paragraphs: list[str]) -> list[LegalUnit] | None:
    """Some notices number their items 1. 2. … through the whole document under part headings
    (一、关于非全日制用工的劳动关系 … 18.): the items are what lawyers cite (意见第12条), the parts
    are their chapters. None when the document is not numbered that way."""
    numbers = [int(m.group(1)) for m in (_ITEM_START.match(p) for p in paragraphs) if m]
    parts = sum(1 for p in paragraphs if PROVISION_START.match(_heading_text(p)))
    if len(numbers) < 3 or numbers != list(range(1, len(numbers) + 1)) or len(numbers) <= parts:
        return None
    units: list[LegalUnit] = []
    chapter: tuple[str, ...] = ()
    # Text before the first item is the preamble; text under a part heading before its first item is
    # that part's introduction (a paragraph unit labelled by the heading).
    current: dict = {"no": 0, "label": "序言", "lines": [], "chapter": ()}

    def flush() -> None:
        text = "\n".join(current["lines"]).strip()
        if not text:
            return
        numbered = current["no"] > 0
        units.append(
            LegalUnit(
                doc=meta,
                unit_type=UnitType.PROVISION if numbered else UnitType.PARAGRAPH,
                label=current["label"],
                text=text,
                article_no=current["no"] if numbered else None,
                chapter=current["chapter"],
                seq=len(units),
            )
        )

    expected = 1
    for raw in paragraphs:
        para = _heading_text(raw)
        item = _ITEM_START.match(para)
        if item and int(item.group(1)) == expected:
            flush()
            current = {
                "no": expected,
                "label": f"{expected}.",
                "lines": [item.group(2).strip()],
                "chapter": chapter,
            }
            expected += 1
        elif MD_HEADING.match(raw) or PROVISION_START.match(para):
            flush()
            chapter = (para,)
            current = {"no": 0, "label": para[:40], "lines": [], "chapter": chapter}
        else:
            current["lines"].append(para)
    flush()
    return units


def _heading_text(para: str) -> str:
    heading = MD_HEADING.match(para)
    return heading.group(2).strip() if heading else para


def _paragraph_unit(meta: DocumentMeta, group: list[str], index: int) -> LegalUnit:
    return LegalUnit(
        doc=meta, unit_type=UnitType.PARAGRAPH, label=f"第{index}段", text="\n".join(group), seq=index
    )


def parse_case(meta: DocumentMeta, header: list[str], body: str) -> ParsedDocument:
    """Typical and guiding cases: one unit per section (基本案情, 裁判结果, 案例分析, 典型意义 …)."""
    sections: list[tuple[str, list[str]]] = []
    for para in _paragraphs(body):
        heading = MD_HEADING.match(para)
        if heading:
            sections.append((heading.group(2).strip(), []))
        elif sections:
            sections[-1][1].append(para)
        else:
            sections.append(("案情摘要", [para]))
    cites = extract_citations(body)
    units = [
        LegalUnit(
            doc=meta, unit_type=UnitType.CASE_SECTION, label=name, text="\n".join(lines), cites=cites, seq=i
        )
        for i, (name, lines) in enumerate(sections)
        if "\n".join(lines).strip()
    ]
    return ParsedDocument(meta=meta, units=units)


def looks_like_case(meta: DocumentMeta, body: str) -> bool:
    if meta.level is Level.CASE:
        return True
    headings = [m.group(2) for m in (MD_HEADING.match(p) for p in _paragraphs(body)) if m]
    return sum(any(h.startswith(k) for k in CASE_SECTION_HINTS) for h in headings) >= 2


def parse_text(
    text: str,
    *,
    source: str,
    folder_parts: tuple[str, ...] = (),
    file_stem: str = "",
    today: date | None = None,
    wrapped: bool = False,
) -> ParsedDocument:
    """Parse one Markdown or plain-text document (PDF text arrives here too, with wrapped=True)."""
    title, header, body = split_header(text)
    if wrapped:
        body = merge_wrapped_lines(body)
    meta = document_meta(title, header, source, folder_parts, file_stem, today or date.today())
    if looks_like_case(meta, body):
        if not meta.is_case:
            meta = replace(meta, level=Level.CASE, is_case=True)
        return parse_case(meta, header, body)
    doc = parse_statute(meta, body)
    if meta.level is Level.OTHER:
        doc.warnings.append(
            "看不出文件的层级（显示为“其他”）：请在标题下的信息行写明制定机关和文号（如 2026年1月1日 "
            "某市人力资源和社会保障局 某人社发〔2026〕1号），或把文件放进 地方性法规、地方政府规章、规范性文件 等目录"
        )
    return doc
