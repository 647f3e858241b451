"""The parts of an answer rendered from verified, structured data rather than generated: 法律依据,
相关案例, 下一步怎么做 and the note that this is not a lawyer's opinion. Same in both modes."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer.consult_render import (
    render_computations,
    render_guided_steps,
    render_mistakes,
)
from assistant.answer.models import Source
from assistant.answer.text import trim_at_clause
from assistant.consult.guides import ClauseRef, clause_text
from assistant.consult.plan import ConsultPlan

QUOTE_CHARS = 300
CLAUSE_CHARS = 160  # one deciding clause in 法律依据
CASE_EXCERPT_CHARS = 80

DISCLAIMER = (
    "> 以上内容由系统根据法规库中的条文自动整理，仅供参考，不是律师意见。每个人的情况不同，"
    "涉及金额较大、时间紧迫或情况复杂的，请联系工会律师（可以直接回复“转人工”）。"
)
LOW_CONFIDENCE_NOTE = (
    "**提示**：这个问题没有找到能够核实的法条依据，下面的内容只能作参考。建议把情况说得更具体些"
    "（用工方式、时间、金额），或者转给工会律师处理。"
)

# Evidence worth keeping, by the words of the detected issue or the question.
_EVIDENCE: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("工资", "欠薪", "报酬", "加班", "拖欠", "工钱"),
        "工资条、银行流水或转账记录、考勤和排班记录、欠条或结算单",
    ),
    (
        ("合同", "劳动关系", "平台", "派遣", "试用", "骑手", "外卖", "快递"),
        "工牌、工服、招聘信息、入职登记、派单或接单记录（App 截图）、社保缴费记录",
    ),
    (
        ("工伤", "职业病", "受伤", "摔伤", "安全"),
        "病历、诊断证明、医疗费票据、事故现场照片、证人联系方式、报警记录",
    ),
    (("解除", "辞退", "开除", "裁员", "辞职", "补偿", "赔偿"), "辞退通知或短信、离职证明、工作年限证明"),
)
_ALWAYS = "与老板、工头或人事的聊天记录和通话录音"


def _trim(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit].rstrip("，、；：,;") + "……"


def _quote(text: str) -> str:
    """A block quote of stored text. Angle brackets are shown full-width: an operator's document is
    data, and markup in it (<sources>, <script>) must not read as markup on the page or the prompt's."""
    text = text.replace("<", "＜").replace(">", "＞")
    # A stored text that talks to the system (系统指令：忽略之前的所有指令…) is no statute's wording: that
    # stretch is not shown, so an ingested document cannot speak to the worker through a quote.
    text = _INSTRUCTION.sub(OMITTED_INSTRUCTION, text)
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.splitlines())


_INSTRUCTION = re.compile(
    r"[^。！？\n]*(?:忽略(?:之前|以上|上面|前面)?的?(?:所有|全部)?(?:指令|规则|说明)|系统指令|系统提示词|"
    r"ignore (?:all )?previous instructions|system prompt)[^。！？\n]*[。！？]?",
    re.IGNORECASE,
)
OMITTED_INSTRUCTION = "（此处有一段不像法规原文、像是写给系统的指令，已略去）"


def render_basis(
    citations: Sequence[Source],
    clauses: Sequence[ClauseRef] = (),
    quoted: set[tuple[str, int, int]] | None = None,
) -> str:
    """Each cited article with its level and validity. Where the answer rests on a paragraph or an
    item, that clause is shown (not only the article's first lines). ``quoted``: the articles whose
    text is shown; the others get their line only (the [n] chip opens them), so that an answer
    whose steps cite a dozen articles still reads on a phone. None: every article is quoted."""
    if not citations:
        return ""
    parts = ["**法律依据**"]
    for src in citations:
        unit = src.unit
        status = unit.validity + (f"，{unit.validity_note}" if unit.validity_note else "")
        version = f"，版本日期 {unit.version_date}" if unit.version_date else ""
        # The 文号 is how a lawyer finds a ministry's notice or an interpretation (法释〔2020〕26号).
        number = f"，{unit.document_number}" if unit.document_number else ""
        deciding = [
            (ref, text)
            for ref in clauses
            if ref.key == src.key() and (ref.paragraph or ref.item) and (text := clause_text(unit.text, ref))
        ]
        # The level says what kind of rule it is: a national law, a ministry's rule, a city's own.
        head = f"[{src.n}] 《{unit.title}》{src.label}（{unit.level}{number}，{status}{version}）"
        if quoted is not None and src.key() not in quoted:
            parts.append(head)
            continue
        if deciding:
            # Each clause to its own sentence or two (the [n] chip opens the whole article).
            body = "\n".join(
                f"{ref.label.removeprefix(src.label) or src.label}：{trim_at_clause(text, CLAUSE_CHARS)}"
                for ref, text in deciding
            )
            text = _quote(_trim(body, QUOTE_CHARS))
        else:
            text = _quote(_trim(unit.text, QUOTE_CHARS))
        parts.append(f"{head}\n{text}")
    return "\n\n".join(parts)


def case_excerpt(src: Source) -> str:
    """The start of the case section, cut before any article reference so a case can never carry a
    citation past the verifier."""
    text = re.sub(r"\s+", "", src.unit.text)
    cut = re.search(r"《|第[零〇一二两三四五六七八九十百千\d]+条", text)
    if cut:
        text = text[: cut.start()].rstrip("，、；：,;") + ("……" if cut.start() else "")
    return _trim(text, CASE_EXCERPT_CHARS)


def render_cases(cases: Sequence[Source]) -> str:
    if not cases:
        return ""
    lines = ["**相关案例**", ""]
    for src in cases:
        excerpt = case_excerpt(src)
        lines.append(
            f"- [{src.n}] {src.unit.title}（{src.unit.label}）" + (f"：{excerpt}" if excerpt else "")
        )
    return "\n".join(lines)


def evidence_for(words: str) -> str:
    items = [items for keys, items in _EVIDENCE if any(k in words for k in keys)]
    return "、".join([*items[:2], _ALWAYS])


def render_next_steps(topics: Sequence[str], question: str, procedure: Source | None) -> str:
    basis = f"（《劳动争议调解仲裁法》第二十七条[{procedure.n}]）" if procedure else ""
    steps = [
        f"1. **先保留证据**：{evidence_for(' '.join(topics) + question)}。截图要能看清对方身份和日期，原件自己收好。",
        "2. **找劳动保障监察**：拖欠工资、不签合同、超时加班等违法行为，可以向用工所在地的人社局"
        "（劳动保障监察机构）投诉举报，也可以拨打 12333 咨询。",
        "3. **申请劳动争议仲裁**：向劳动争议仲裁委员会申请，不收费。仲裁时效一般为一年，从知道或者应当知道"
        "权利被侵害之日起计算；但劳动关系存续期间因拖欠劳动报酬发生争议的，不受一年的限制，劳动关系终止的，"
        f"应当自终止之日起一年内提出{basis}。",
        "4. **找工会**：拨打 12351 职工服务热线，或到当地工会求助，工会可以帮你协商、调解、维权。",
        "5. **申请法律援助**：经济困难的，可以拨打 12348 公共法律服务热线，申请免费的法律援助。",
    ]
    return "**下一步怎么做**\n\n" + "\n".join(steps)


def render_tail(
    citations: Sequence[Source],
    cases: Sequence[Source],
    topics: Sequence[str],
    question: str,
    procedure: Source | None,
    plan: ConsultPlan | None = None,
    sources: Sequence[Source] = (),
    check: Callable[[str], str] = lambda text: text,
) -> str:
    """Everything after the generated body, starting with the blank line that separates them. With a
    guided plan the steps, evidence and mistakes are the guide's for this case; without one, the
    general steps."""
    guided = plan is not None and bool(plan.steps or plan.conclusion or plan.situations)
    evidence = "、".join(plan.evidence[:4]) if plan is not None and plan.evidence else ""
    # What the plan writes (formulas, steps, mistakes) is checked like generated text: a tool's note
    # or a guide's sentence must not show an article the store lacks. The basis quotes the store.
    sections = [
        check(render_computations(plan, sources)) if plan is not None else "",
        render_basis(
            citations,
            plan.refs() if plan is not None else (),
            # A guided answer quotes the clauses its conclusion and reasons rest on; the steps' and
            # mistakes' articles are listed, one line each.
            {ref.key for s in plan.conclusion + plan.reasons for ref in s.cite}
            if guided and plan is not None and plan.conclusion
            else None,
        ),
        render_cases(cases),
        check(render_guided_steps(plan, sources, evidence or evidence_for(" ".join(topics) + question)))
        if guided and plan is not None
        else render_next_steps(topics, question, procedure),
        check(render_mistakes(plan, sources)) if plan is not None else "",
        DISCLAIMER,
    ]
    return "".join("\n\n" + s for s in sections if s)
