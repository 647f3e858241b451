from datetime import date
from pathlib import Path

import pytest

from ingest.lawnames import short_law_name
from ingest.models import Level, UnitType
from ingest.parse import extract_citations, parse_text


def parse_file(path: Path, root: Path):
    rel = path.relative_to(root)
    return parse_text(
        path.read_text(encoding="utf-8"), source=str(path), folder_parts=rel.parts[:-1], file_stem=path.stem
    )


def articles(doc):
    return [u for u in doc.units if u.unit_type is UnitType.ARTICLE]


@pytest.mark.parametrize(
    ("relative", "count", "last_label"),
    [
        # Counts checked against the official texts: 工伤保险条例 (2010) has 67 articles, 劳动合同法实施条例 38,
        # 保障农民工工资支付条例 64, 劳动合同法 98, 劳动争议调解仲裁法 54.
        ("行政法规/工伤保险条例(2010-12-20).md", 67, "第六十七条"),
        ("行政法规/劳动合同法实施条例(2008-09-18).md", 38, "第三十八条"),
        ("行政法规/保障农民工工资支付条例(2019-12-30).md", 64, "第六十四条"),
        ("社会法/劳动合同法(2012-12-28).md", 98, "第九十八条"),
        ("诉讼与非诉讼程序法/劳动争议调解仲裁法(2007-12-29).md", 54, "第五十四条"),
    ],
)
def test_article_counts_on_real_files(
    shared_corpus: Path, relative: str, count: int, last_label: str
) -> None:
    root = shared_corpus / "lawrefbook"
    doc = parse_file(root / relative, root)
    arts = articles(doc)
    assert len(arts) == count
    assert [a.article_no for a in arts] == list(range(1, count + 1))
    assert arts[-1].label == last_label


def test_metadata_from_real_file(shared_corpus: Path) -> None:
    root = shared_corpus / "lawrefbook"
    doc = parse_file(root / "社会法/劳动合同法(2012-12-28).md", root)
    meta = doc.meta
    assert meta.title == "中华人民共和国劳动合同法"
    assert meta.short_name == "劳动合同法"
    assert meta.level is Level.LAW
    assert meta.version_date == "2012-12-28"
    assert meta.issuing_body == "全国人民代表大会常务委员会"
    art82 = next(a for a in articles(doc) if a.article_no == 82)
    assert "二倍的工资" in art82.text
    assert art82.chapter == ("第七章 法律责任",)


def test_work_injury_article_14_keeps_its_items(shared_corpus: Path) -> None:
    root = shared_corpus / "lawrefbook"
    doc = parse_file(root / "行政法规/工伤保险条例(2010-12-20).md", root)
    art14 = next(a for a in articles(doc) if a.article_no == 14)
    assert "上下班途中" in art14.text
    assert art14.text.count("（") + art14.text.count("(") >= 7  # items (一)…(七) stay inside the article


SYNTHETIC = """# 测试条例

2020年1月1日 国务院令第1号公布 2020年3月1日起施行

<!-- INFO END -->

## 第一章 总则

第一条 为了测试，制定本条例。

第二条 用人单位违反本条例规定的，依照本条例第四十条的规定处理：
第四十条的规定同样适用于派遣单位。
（一）第一项；
（二）第二项。

### 第一节 细则

第三条 第三条正文。

第三条之一 新增的条文，见第二条。

第一百零五条　跳号很远的引用不是条文。

第四条 第四条正文。

## 第二章 附则

第五条　本条例自2020年3月1日起施行。
"""


def test_synthetic_numerals_sub_articles_and_references() -> None:
    doc = parse_text(
        SYNTHETIC,
        source="t.md",
        folder_parts=("行政法规",),
        file_stem="测试条例(2020-01-01)",
        today=date(2021, 1, 1),
    )
    arts = articles(doc)
    assert [(a.article_no, a.sub) for a in arts] == [
        (1, None),
        (2, None),
        (3, None),
        (3, 1),
        (4, None),
        (5, None),
    ]
    second = arts[1]
    assert "第四十条的规定同样适用" in second.text  # a reference at a line start is not a new article
    assert "（二）第二项" in second.text
    assert arts[3].label == "第三条之一"
    assert arts[3].chapter == ("第一章 总则", "第一节 细则")
    assert "第一百零五条" in arts[3].text  # a far jump is text, not an article
    assert arts[5].chapter == ("第二章 附则",)
    assert doc.meta.level is Level.ADMIN_REGULATION
    assert doc.meta.effective_date == "2020-03-01"


def test_not_yet_effective_from_header() -> None:
    doc = parse_text(
        SYNTHETIC, source="t.md", folder_parts=("行政法规",), file_stem="测试条例", today=date(2020, 2, 1)
    )
    assert doc.meta.validity.value == "尚未生效"


def test_normative_document_provisions(shared_corpus: Path) -> None:
    root = shared_corpus / "extra"
    path = root / "规范性文件/劳动和社会保障部关于确立劳动关系有关事项的通知(2005-05-25).md"
    doc = parse_file(path, root)
    provisions = [u for u in doc.units if u.unit_type is UnitType.PROVISION]
    assert [p.article_no for p in provisions] == [1, 2, 3, 4, 5]
    assert "劳动关系成立" in provisions[0].text
    assert doc.meta.level is Level.NORMATIVE_DOCUMENT


def test_cases_are_split_by_section_with_cited_articles(shared_corpus: Path) -> None:
    root = shared_corpus / "extra"
    path = next((root / "案例/指导性案例").glob("指导案例28号*.md"))
    doc = parse_file(path, root)
    assert doc.meta.is_case and doc.meta.level is Level.CASE
    labels = [u.label for u in doc.units]
    assert {"基本案情", "裁判结果", "裁判要点"} <= set(labels)
    assert all(u.unit_type is UnitType.CASE_SECTION for u in doc.units)
    cites = doc.units[0].cites
    assert ("刑法", 276, 1) in cites


def test_extract_citations_lists() -> None:
    text = "依照《中华人民共和国劳动合同法》第三十九条、第四十条和《工伤保险条例》第十四条的规定"
    assert extract_citations(text) == (
        ("劳动合同法", 39, None),
        ("劳动合同法", 40, None),
        ("工伤保险条例", 14, None),
    )


def test_short_law_name() -> None:
    assert short_law_name("《中华人民共和国劳动合同法》") == "劳动合同法"
    assert short_law_name("劳动合同法(2012-12-28)") == "劳动合同法"
    assert short_law_name(" 工伤保险条例 ") == "工伤保险条例"


def test_level_from_the_title_when_the_folder_does_not_say() -> None:
    from ingest.parse import guess_level

    assert guess_level("工伤认定办法", ()) == Level.DEPARTMENT_RULE  # 办法 ends with 法, it is no law
    assert guess_level("中华人民共和国劳动合同法", ()) == Level.LAW
    assert guess_level("保障农民工工资支付条例", ()) == Level.ADMIN_REGULATION
    # Only a people's congress makes a local 条例; a local 办法 that does not say who issued it is not guessed.
    assert guess_level("广东省工资支付条例", ()) == Level.LOCAL
    assert guess_level("深圳市外卖骑手权益保障办法", ()) == Level.OTHER
    assert guess_level("深圳市人力资源和社会保障局关于骑手报酬的通知", ()) == Level.NORMATIVE_DOCUMENT
    assert guess_level("城市房地产管理法", ()) == Level.LAW


def test_an_appendix_after_the_articles_is_not_the_preamble() -> None:
    text = (
        "# 某规定\n\n<!-- INFO END -->\n\n第一条 为了保障劳动者权益，制定本规定。\n\n第二条 本规定自公布之日起施行。\n\n"
        "附件：测算方法\n\n## 附件 测算方法\n\n一、确定标准应考虑的因素\n\n可用公式表示为：M＝f（C、S）\n"
    )
    doc = parse_text(text, source="t.md", folder_parts=("部门规章",), file_stem="某规定(2004-01-20)")
    assert [u.label for u in doc.units] == ["第一条", "第二条", "附件 测算方法"]
    appendix = doc.units[-1]
    assert appendix.unit_type is UnitType.PARAGRAPH and appendix.text.startswith("一、确定标准")
    assert "测算方法" not in doc.units[0].text and "序言" not in [u.label for u in doc.units]


def test_items_numbered_through_a_notice_are_its_provisions() -> None:
    text = (
        "# 某意见\n\n<!-- INFO END -->\n\n各省：\n\n现提出以下意见：\n\n## 一、关于劳动关系\n\n1.第一项。\n\n"
        "续段。\n\n2.第二项。\n\n## 二、关于工资\n\n3.第三项，按1.5倍支付。\n\n4.第四项。\n"
    )
    doc = parse_text(text, source="t.md", folder_parts=("规范性文件",), file_stem="某意见(2003-05-30)")
    items = [u for u in doc.units if u.unit_type is UnitType.PROVISION]
    assert [u.article_no for u in items] == [1, 2, 3, 4]
    assert items[0].text == "第一项。\n续段。" and items[2].chapter == ("二、关于工资",)
    assert doc.units[0].label == "序言" and "现提出以下意见" in doc.units[0].text
    # Items numbered anew under each part are not document-wide: the parts stay the provisions.
    restart = text.replace("3.第三项", "1.第三项").replace("4.第四项", "2.第四项")
    parts = parse_text(restart, source="t.md", folder_parts=("规范性文件",), file_stem="某意见(2003-05-30)")
    assert [u.label for u in parts.units if u.unit_type is UnitType.PROVISION] == ["一、", "二、"]


@pytest.mark.parametrize(
    ("relative", "number"),
    [
        # The number it was issued under, not the amending decree's (工伤保险条例: 375号 公布, 586号 修订).
        ("lawrefbook/行政法规/工伤保险条例(2010-12-20).md", "国务院令第375号"),
        (
            "extra/规范性文件/人力资源社会保障部关于执行《工伤保险条例》若干问题的意见（二）(2016-03-28).md",
            "人社部发〔2016〕29号",
        ),
        # A 复函 quotes the number of the letter it answers in its body: only the information line counts.
        (
            "extra/规范性文件/劳动部办公厅对《关于临时工等问题的请示》的复函(1996-11-07).md",
            "劳办发〔1996〕238号",
        ),
        (
            "extra/部门规章/人力资源社会保障部/劳动能力鉴定管理办法(2025-05-13).md",
            "人力资源社会保障部、国家卫生健康委令第55号",
        ),
        (
            "lawrefbook/社会法/劳动合同法(2012-12-28).md",
            "",
        ),  # the file does not say: left unknown, never guessed
    ],
)
def test_the_document_number_comes_from_the_information_line(
    shared_corpus: Path, relative: str, number: str
) -> None:
    path = shared_corpus / relative
    root = shared_corpus / relative.split("/")[0]
    assert parse_file(path, root).meta.document_number == number


@pytest.mark.parametrize(
    ("title", "header", "level"),
    [
        # A department's document under a 发文字号 is a 规范性文件, whatever its name ends with.
        (
            "示范市外卖骑手权益保障办法",
            ["2026年10月1日 示范市人力资源和社会保障局 公布 示人社发〔2026〕7号"],
            "规范性文件",
        ),
        ("示范市工资支付办法", ["2025年3月1日 示政办发〔2025〕3号"], "规范性文件"),
        # A government's 令 is a 地方政府规章; a ministry's a 部门规章; the State Council's a 行政法规.
        ("示范市工资支付规定", ["2025年1月1日 示范市人民政府令第12号公布"], "地方政府规章"),
        ("某某管理办法", ["2010年12月31日 人力资源和社会保障部令第8号公布"], "部门规章"),
        ("某某实施条例", ["2008年9月18日 中华人民共和国国务院令第535号公布"], "行政法规"),
        # Only a people's congress makes a 地方性法规, by passing it.
        (
            "示范省工资支付办法",
            ["2020年1月1日 示范省第十三届人民代表大会常务委员会第五次会议通过"],
            "地方性法规",
        ),
    ],
)
def test_the_level_follows_the_issuer_and_the_document_number(
    title: str, header: list[str], level: str
) -> None:
    body = "\n\n".join(header)
    text = f"# {title}\n\n{body}\n\n<!-- INFO END -->\n\n第一条 为保障劳动者权益，制定本办法。\n\n第二条 按月足额支付报酬。\n"
    doc = parse_text(text, source="t.md", folder_parts=(), file_stem=title)
    assert doc.meta.level.value == level


def test_a_local_departments_document_names_its_issuer() -> None:
    text = (
        "# 示范市外卖骑手权益保障办法\n\n2026年10月1日 示范市人力资源和社会保障局 公布 示人社发〔2026〕7号\n\n"
        "<!-- INFO END -->\n\n第一条 为保障骑手权益，制定本办法。\n"
    )
    meta = parse_text(text, source="t.md", folder_parts=(), file_stem="x").meta
    assert meta.issuing_body == "示范市人力资源和社会保障局" and meta.document_number == "示人社发〔2026〕7号"


def test_a_document_whose_level_cannot_be_told_says_how_to_fix_it() -> None:
    text = "# 示范市外卖骑手权益保障办法\n\n<!-- INFO END -->\n\n第一条 为保障骑手权益，制定本办法。\n"
    doc = parse_text(text, source="t.md", folder_parts=(), file_stem="x")
    assert doc.meta.level is Level.OTHER
    assert any("层级" in w and "文号" in w for w in doc.warnings)
