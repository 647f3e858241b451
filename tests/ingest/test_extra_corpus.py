"""The regulations added to ../shared/corpus/extra (issue 16), one test per file over the real files:
every article the source numbers is indexed, once, in order, with the right level and dates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from ingest.index import open_index
from ingest.store import ArticleStore, StoredUnit

RULES = "部门规章/人力资源社会保障部"
# file (relative to extra/), law as indexed, units, level, version date, effective date
FILES = [
    (
        f"{RULES}/劳务派遣暂行规定(2014-01-24).md",
        "劳务派遣暂行规定",
        29,
        "部门规章",
        "2014-01-24",
        "2014-03-01",
    ),
    (f"{RULES}/最低工资规定(2004-01-20).md", "最低工资规定", 15, "部门规章", "2004-01-20", "2004-03-01"),
    (
        f"{RULES}/实施《中华人民共和国社会保险法》若干规定(2011-06-29).md",
        "实施《中华人民共和国社会保险法》若干规定",
        30,
        "部门规章",
        "2011-06-29",
        "2011-07-01",
    ),
    (
        f"{RULES}/企业职工患病或非因工负伤医疗期规定(1994-12-01).md",
        "企业职工患病或非因工负伤医疗期规定",
        9,
        "部门规章",
        "1994-12-01",
        "1995-01-01",
    ),
    (
        f"{RULES}/劳动人事争议仲裁办案规则(2017-05-08).md",
        "劳动人事争议仲裁办案规则",
        81,
        "部门规章",
        "2017-05-08",
        "2017-07-01",
    ),
    (
        f"{RULES}/非法用工单位伤亡人员一次性赔偿办法(2010-12-31).md",
        "非法用工单位伤亡人员一次性赔偿办法",
        9,
        "部门规章",
        "2010-12-31",
        "2011-01-01",
    ),
    (
        f"{RULES}/劳动能力鉴定管理办法(2025-05-13).md",
        "劳动能力鉴定管理办法",
        39,
        "部门规章",
        "2025-05-13",
        "2025-07-01",
    ),
    (
        f"{RULES}/违反《劳动法》有关劳动合同规定的赔偿办法(1995-05-10).md",
        "违反《劳动法》有关劳动合同规定的赔偿办法",
        8,
        "部门规章",
        "1995-05-10",
        "1995-05-10",
    ),
    (
        f"{RULES}/拖欠农民工工资失信联合惩戒对象名单管理暂行办法(2021-11-10).md",
        "拖欠农民工工资失信联合惩戒对象名单管理暂行办法",
        20,
        "部门规章",
        "2021-11-10",
        "2022-01-01",
    ),
    (
        f"{RULES}/企业劳动争议协商调解规定(2011-11-30).md",
        "企业劳动争议协商调解规定",
        37,
        "部门规章",
        "2011-11-30",
        "2012-01-01",
    ),
    (
        f"{RULES}/超龄劳动者基本权益保障暂行规定(2026-05-10).md",
        "超龄劳动者基本权益保障暂行规定",
        24,
        "部门规章",
        "2026-05-10",
        "2026-07-01",
    ),
    (
        f"{RULES}/关于企业实行不定时工作制和综合计算工时工作制的审批办法(1994-12-14).md",
        "关于企业实行不定时工作制和综合计算工时工作制的审批办法",
        8,
        "部门规章",
        "1994-12-14",
        "1995-01-01",
    ),
    (
        "规范性文件/劳动和社会保障部关于非全日制用工若干问题的意见(2003-05-30).md",
        "劳动和社会保障部关于非全日制用工若干问题的意见",
        18,
        "规范性文件",
        "2003-05-30",
        None,
    ),
    (
        "行政法规/禁止使用童工规定(2002-10-01).md",
        "禁止使用童工规定",
        14,
        "行政法规",
        "2002-10-01",
        "2002-12-01",
    ),
    (
        "行政法规/全国年节及纪念日放假办法(2024-11-10).md",
        "全国年节及纪念日放假办法",
        8,
        "行政法规",
        "2024-11-10",
        None,
    ),
]
# An article heading in the source: 第X条 at the start of a paragraph, then a space (references such
# as "第四十条规定的" run on); notices that number items 1. 2. … through the document count those.
_ARTICLE_HEADING = re.compile(r"^第([零〇一二三四五六七八九十百]+)条[ \u3000]", re.M)
_ITEM_HEADING = re.compile(r"^(\d{1,3})[.．]", re.M)


@pytest.fixture(scope="module")
def store(built_settings: Settings) -> Iterator[ArticleStore]:
    index = open_index(built_settings.data_dir)
    yield index.store
    index.close()


def numbered(store: ArticleStore, law: str) -> list[StoredUnit]:
    units = [u for u in store.all_units() if u.law == law and u.unit_type in ("article", "provision")]
    return sorted(units, key=lambda u: u.article_no or 0)


@pytest.mark.parametrize(
    ("relative", "law", "count", "level", "version", "effective"), FILES, ids=[f[1] for f in FILES]
)
def test_each_new_file_is_indexed_article_by_article(
    shared_corpus: Path,
    store: ArticleStore,
    relative: str,
    law: str,
    count: int,
    level: str,
    version: str,
    effective: str | None,
) -> None:
    source = (shared_corpus / "extra" / relative).read_text(encoding="utf-8").split("<!-- INFO END -->", 1)[1]
    in_source = _ARTICLE_HEADING.findall(source) or _ITEM_HEADING.findall(source)
    assert len(in_source) == count, "the source itself no longer has the expected articles"
    units = numbered(store, law)
    assert [u.article_no for u in units] == list(range(1, count + 1))
    assert all(u.is_current and u.in_force and u.validity == "现行有效" for u in units)
    assert {(u.level, u.version_date, u.effective_date) for u in units} == {(level, version, effective)}
    assert all(u.source.endswith(relative) for u in units)
    # No article swallowed the next one, and none is empty.
    for unit in units:
        assert unit.text.strip() and not _ARTICLE_HEADING.search(unit.text)


def test_the_minimum_wage_method_is_an_appendix_not_a_preamble(store: ArticleStore) -> None:
    units = [u for u in store.all_units() if u.law == "最低工资规定"]
    labels = [u.label for u in units]
    assert "序言" not in labels and "附件 最低工资标准测算方法" in labels
    appendix = next(u for u in units if u.label.startswith("附件"))
    assert "小时最低工资标准" in appendix.text and appendix.article_no is None


def test_part_time_opinion_items_cite_as_articles(store: ArticleStore) -> None:
    law = "劳动和社会保障部关于非全日制用工若干问题的意见"
    item = store.get_article(law, 12)
    assert "工伤保险费" in item.text and item.chapter == "三、关于非全日制用工的社会保险"
    assert store.get_article(law, 3).text.endswith("但不得约定试用期。")
