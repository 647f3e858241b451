"""Each answer's reasons and steps belong to its own point (a tester's find, session 9): asked for the
papers and the office of one procedure (工伤认定, 失业金), the arbitration filing — whose ask words hold the
same bare 材料 and 去哪 — spoke as a second voice, so 为什么 led with where to file for arbitration and the
steps counted arbitration's one-year limit "从你知道权利被侵害之日" beside the application's own year from
the injury. A second voice whose words lie only where the opening's words are answers the point already
answered, for another matter: it says nothing. Questions are the team's own, asked through the real
answer service."""

import pytest

from assistant.answer import AnswerService


def section(text: str, title: str) -> str:
    start = text.find(f"**{title}**")
    if start < 0:
        return ""
    end = text.find("\n**", start + len(title) + 4)
    return text[start : end if end >= 0 else len(text)]


@pytest.mark.parametrize(
    ("question", "office"),
    [
        ("工伤认定要什么材料，去哪儿申请", "人社局"),
        ("工伤认定要带哪些材料，到哪里申请", "人社局"),
        ("失业金怎么申请，要什么材料，去哪办", "公共就业服务机构"),
    ],
)
def test_the_papers_and_office_of_one_procedure_bring_no_arbitration_steps(
    service: AnswerService, question: str, office: str
) -> None:
    result = service.ask(question)
    assert office in section(result.text, "结论")
    why = section(result.text, "为什么")
    assert why and "仲裁" not in why
    assert "权利被侵害之日" not in section(result.text, "下一步怎么做")
    assert result.plan is not None
    assert not any(s.startswith("arbitration_procedure/") for s in result.plan.selected)


def test_arbitration_asked_in_its_own_words_still_answers(service: AnswerService) -> None:
    result = service.ask("被公司辞退了，经济补偿怎么算？去哪里申请仲裁")
    assert result.plan is not None and "arbitration_procedure/how_to_apply" in result.plan.selected
    assert "劳动争议仲裁委员会" in section(result.text, "结论")
