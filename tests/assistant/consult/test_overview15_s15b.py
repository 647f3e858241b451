"""A rule asked in general gets the whole rule (session 15, issue 13: the classes "part dropped" and "answers a
different question"). A question asking the rule of work-injury recognition with no fact of the asker's own
case (认定标准, 法律规定, 哪些情况算) opens with 工伤保险条例 14, 15, 16 and 17 together — not 14(1)-(4) as if they
were the whole; a worker's own injury keeps its own answer."""

from assistant.answer import AnswerService
from eval.consult_metrics import opening


def _conclusion(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


def _whole_rule(conclusion: str) -> bool:
    return all(part in conclusion for part in ("视同工伤", "不得认定", "30日", "1年", "第十六条", "第十七条"))


def test_the_standard_asked_in_general_gets_every_layer_of_the_rule(service: AnswerService) -> None:
    assert _whole_rule(_conclusion(service, "工伤认定的标准到底是什么？"))


def test_the_law_asked_in_general_in_a_long_voice_gets_every_layer(service: AnswerService) -> None:
    question = "想咨询下，国家对工伤是怎么规定的，哪些情况属于工伤，哪些情况不能算"
    assert _whole_rule(_conclusion(service, question))


def test_a_workers_own_injury_keeps_its_own_answer(service: AnswerService) -> None:
    # Look-alike: the standard asked of one's own hurt at the machine: the verdict for that case.
    conclusion = _conclusion(service, "我在车间干活被机器压伤了手，这种情况符合工伤认定标准吗")
    assert "不得认定" not in conclusion
    assert "工伤" in conclusion


def test_a_commute_asked_keeps_the_commute_answer(service: AnswerService) -> None:
    # The commute told is the asker's own case: not the general overview.
    conclusion = _conclusion(service, "上下班路上出车祸，工伤认定的标准是什么")
    assert "不得认定" not in conclusion


def test_the_benefits_standard_is_not_the_recognition_overview(service: AnswerService) -> None:
    conclusion = _conclusion(service, "工伤的赔偿标准是多少")
    assert "不得认定" not in conclusion


# --- several values of one variable asked: each is answered ---------------------------------------------


def test_two_grades_asked_side_by_side_get_each_grades_sum(service: AnswerService) -> None:
    conclusion = _conclusion(service, "工伤评九级跟评十级，赔的钱分别是多少")
    assert "九级9个月" in conclusion and "十级7个月" in conclusion
    assert "第三十七条第（一）项" in conclusion


def test_two_injuries_of_one_worker_are_graded_by_the_gravest(service: AnswerService) -> None:
    # Look-alike: one worker's two injuries (一处九级一处十级) are not two grades asked about.
    conclusion = _conclusion(service, "我手上一处评了九级，腿上一处评了十级，能赔多少")
    assert conclusion.startswith("按9级算")
    assert "十级7个月" not in conclusion


def test_one_grade_asked_keeps_its_own_figure(service: AnswerService) -> None:
    conclusion = _conclusion(service, "十级伤残能赔多少钱")
    assert "7个月" in conclusion and "一级27个月" not in conclusion
