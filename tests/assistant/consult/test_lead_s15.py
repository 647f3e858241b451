"""Session 15, the lead's mends after trying the merged main as a worker would: a threat of dismissal said of a
right the worker asserts is judged as a claim (whoever says it, the floor's own supervisors included); an award's
money feared lost because the other side sues is answered "not lost" (the consequence family), not with the
worker's own 15-day suit. Look-alikes: a dismissal threatened for a ground of the employer's own, a worker who
disagrees with the award. Questions written for these tests, asked through the real answer service."""

from assistant.answer import AnswerService
from eval.consult_metrics import opening


def _opening(service: AnswerService, question: str) -> str:
    return opening(service.ask(question).text)[1]


def test_a_floor_supervisors_threat_for_a_complaint_is_judged_unlawful(service: AnswerService) -> None:
    first = _opening(service, "我去劳动局投诉了加班费，领班说我这样做会被开除，真的吗")
    assert first.startswith("不对") and "领班" not in first[:3]
    assert "违法解除" in first and "第八十七条" in first


def test_a_colleagues_warning_about_asking_overtime_pay_is_judged(service: AnswerService) -> None:
    first = _opening(service, "我想找厂里要加班费，同事说你要了肯定会被炒，是这样吗")
    assert first.startswith("不对") and "同事说" in first


def test_a_threat_resting_on_a_ground_of_the_employers_own_is_not_rebutted(service: AnswerService) -> None:
    first = _opening(service, "主管说我再迟到就开除我，真的吗")
    assert "违法解除" not in first.split("。")[0]


def test_an_award_feared_lost_because_the_employer_sues_is_not_lost(service: AnswerService) -> None:
    first = _opening(service, "仲裁裁决下来了，公司要给我3万，公司说要去法院起诉，这钱是不是拿不到了")
    assert first.startswith("不是拿不到") and "强制执行" in first


def test_a_worker_who_disagrees_with_the_award_keeps_the_fifteen_days(service: AnswerService) -> None:
    first = _opening(service, "裁决才给我5000，我觉得少了，想起诉")
    assert "15日内向法院起诉" in first and not first.startswith("不是拿不到")


def test_a_threat_against_organising_a_union_keeps_the_union_laws_answer(service: AnswerService) -> None:
    first = _opening(service, "我们几个同事想在公司里搞个工会，老板放话说谁牵头就开掉谁，他这样做违法吗")
    assert "要求签合同或交社保" not in first and "工会法" in first
