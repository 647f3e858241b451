"""Session 14 (pred14, issue 13): the opening answers the predicate asked, not the topic's stock question.

A topic found right may be asked how to prove it, where to go, whether it is still in time, or whether the
worker may refuse (corpus/consult/predicates.toml): the family's answer for that topic opens — the burden rule
and the topic's evidence list, the office, the limit counted from the worker's dates, the clause that decides
whether the worker must comply. Look-alikes keep their own answers: a document asked for (离职证明), who pays
(找谁要), where to collect a benefit (去哪领), the length of a period (试用期, 竞业期), an award's appeal, a
proof of the job itself. Questions written for these tests, asked through the real answer service."""

from pathlib import Path

import pytest

from assistant.answer import AnswerService
from assistant.consult.guides import GuideError
from assistant.consult.predicates import find_family, load_predicates, parse_predicates
from eval.consult_metrics import opening


def _opening(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


# --- it fires -----------------------------------------------------------------------------------------


def test_proving_overtime_opens_with_the_overtime_burden_and_its_evidence(service: AnswerService) -> None:
    first = _opening(service, "每天加班到九点多，打卡机被公司收走了，没有证据怎么证明我加过班")
    assert "加班的事实先由你来证明" in first and "第四十二条" in first
    assert "证明你在这干过" not in first


def test_no_evidence_of_unpaid_overtime_names_the_overtime_evidence_after_the_burden(
    service: AnswerService,
) -> None:
    first = _opening(service, "加班很多，公司不给加班费，我没有证据怎么办")
    assert first.startswith("能要，但要有证据")
    # The overtime guide's own evidence list follows the burden rule.
    assert "能用上的证据" in first and "排班表" in first


def test_a_dismissed_worker_asked_to_prove_innocence_is_told_the_employer_proves(
    service: AnswerService,
) -> None:
    first = _opening(service, "说我偷厂里东西把我开了，可我根本没拿，要我自己怎么证明清白")
    assert first.startswith("不用你来证明") and "第四十四条" in first


def test_which_office_for_unpaid_wages_names_both_roads(service: AnswerService) -> None:
    first = _opening(service, "工资拖了两个月没发，应该找哪个部门")
    assert "监察" in first and "仲裁" in first
    assert not first.startswith("先让老板把欠多少写下来")


def test_where_to_sue_over_wages_names_the_arbitration_committee(service: AnswerService) -> None:
    first = _opening(service, "工资拖了两个月没发，应该去哪里告老板")
    assert "劳动争议仲裁委员会" in first
    assert not first.startswith("先让老板把欠多少写下来")


def test_where_to_go_after_a_dismissal_names_the_arbitration_committee(service: AnswerService) -> None:
    first = _opening(service, "被无故辞退了，想告公司，该找哪个部门")
    assert "劳动争议仲裁委员会" in first


def test_which_department_asked_before_the_background_is_still_the_route(service: AnswerService) -> None:
    # The question is asked in its first sentence; the last one only tells when.
    first = _opening(service, "包工头拖欠我的工资应该找哪个部门解决？那是今年夏天的钱。")
    assert "监察" in first


def test_still_in_time_is_answered_with_the_workers_dates(service: AnswerService) -> None:
    # Dismissed in March 2026, asked on 2026-12-05: the limit runs to March 2027 (劳动争议调解仲裁法 27).
    first = _opening(service, "今年3月被辞退的，补偿一直没给，现在去申请仲裁过期了没有")
    assert first.startswith("来得及") and "2027年3月" in first


def test_a_whole_year_told_past_the_limit_is_told_it_has_passed(service: AnswerService) -> None:
    # Dismissed some day in 2024: the year ran out on 2025-12-31 at the latest; the interruption is the way on.
    first = _opening(service, "我2024年被辞退的，一直没去仲裁，是不是已经过了时效")
    assert first.startswith("一般不能了") and "2025年12月31日" in first and "重新算1年" in first


def test_may_i_refuse_overtime_is_answered_on_the_consultation_rule(service: AnswerService) -> None:
    first = _opening(service, "厂里通知这周六全部加班，我家里有事不想去，可以不去吗")
    assert first.startswith("一般可以不去") and "第四十一条" in first and "第三十一条" in first
    assert "包含加班费" not in first


def test_an_employer_asking_whether_it_must_prove_overtime_is_told_the_burden_in_its_own_voice(
    service: AnswerService,
) -> None:
    first = _opening(service, "我们公司有个员工说他天天加班，可我们没有记录，这个要我们来证明吗")
    assert first.startswith("一般先由员工证明加班的事实") and "你们" in first and "第四十二条" in first


def test_a_mandatory_evening_meeting_asked_must_i_go_is_answered_on_overtime_consent(
    service: AnswerService,
) -> None:
    first = _opening(service, "公司要求全员每天晚上开会到十点还不算加班，必须参加吗")
    assert first.startswith("一般可以不去") and "第三十一条" in first


@pytest.mark.parametrize(
    "question",
    ["我是主动辞职好，还是等公司裁员拿补偿好", "老板拖了我两个月工资，我是自己辞职好还是等他把我开除好"],
)
def test_which_of_two_endings_is_better_opens_with_the_difference(
    service: AnswerService, question: str
) -> None:
    first = _opening(service, question)
    assert first.startswith("辞退是单位解除合同") and "辞职是你自己" in first


def test_the_guides_bare_yes_does_not_follow_a_choice(service: AnswerService) -> None:
    answer = service.ask("老板拖了我两个月工资，我是自己辞职好还是等他把我开除好").text
    assert "。能。" not in answer.split("**为什么**")[0]


def test_a_transfer_clause_asked_what_it_means_is_answered_on_what_it_allows(service: AnswerService) -> None:
    # Asked 是什么意思 of a clause whose topic is found only faintly: the clause's answer still opens.
    first = _opening(service, "劳动合同里写的“服从公司工作安排”是什么意思，公司是不是可以随便调我")
    assert "协商一致" in first and "第三十五条" in first


def test_a_period_named_on_a_decision_asked_what_it_means_is_answered_on_that_period(
    service: AnswerService,
) -> None:
    first = _opening(service, "工伤认定书上写的停工留薪期六个月是什么意思")
    assert first.startswith("停工留薪期一般不超过12个月")


# --- it does not fire on look-alikes --------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "公司不给我开离职证明怎么办",  # a document, not proof
        "工地包工头跑了，工资找谁要",  # who pays, not where to go
        "失业金去哪里领",  # where to collect a benefit
        "试用期还有多久到期",  # the length of a period
        "竞业限制两年，我离职一年半了，还有效吗",
        "加班费怎么算",
    ],
)
def test_look_alikes_ask_no_predicate(question: str) -> None:
    assert find_family(question, load_predicates()) is None


def test_a_meaning_asked_of_no_term_the_table_knows_is_left_to_the_topic() -> None:
    from assistant.consult.predicates import route_for

    question = "公司说让我自己走是什么意思"
    family = find_family(question, load_predicates())
    assert family is not None and family.id == "meaning"
    assert route_for(family, question, None, {}) is None


def test_proving_the_job_itself_keeps_the_employment_proof(service: AnswerService) -> None:
    first = _opening(service, "被公司辞退了，没签合同，怎么证明我在这干过")
    assert "证明你在这干过" in first
    assert not first.startswith("不用你来证明")


def test_an_award_disagreed_keeps_the_fifteen_days(service: AnswerService) -> None:
    first = _opening(service, "仲裁裁决下来了，我不服，还来得及起诉吗")
    assert "15日内" in first


def test_where_to_collect_unemployment_benefit_keeps_its_own_office(service: AnswerService) -> None:
    first = _opening(service, "失业金去哪里领")
    assert "公共就业服务机构" in first or "失业登记" in first


def test_a_chat_record_asked_as_evidence_keeps_the_recording_rule(service: AnswerService) -> None:
    first = _opening(service, "老板不承认欠我工资，我手里只有微信聊天记录，这个能当证据吗")
    assert first.startswith("能用") and "第三十九条第一款" in first


# --- the table ------------------------------------------------------------------------------------------


def test_every_route_names_an_answer_of_a_guide() -> None:
    from assistant.consult.facts import FACT_NAMES, QUANTITY_NAMES
    from assistant.consult.guides import load_guides
    from assistant.consult.predicates import check_predicates

    assert check_predicates(load_predicates(), load_guides(), FACT_NAMES | QUANTITY_NAMES) == []


def test_a_family_without_routes_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GuideError):
        parse_predicates({"family": [{"id": "x", "asks": ["去哪"]}]})
    with pytest.raises(GuideError):
        parse_predicates(
            {"family": [{"id": "x", "asks": ["去哪"], "leans": ["程序"], "route": [{"answer": "a/b"}]}]}
        )
