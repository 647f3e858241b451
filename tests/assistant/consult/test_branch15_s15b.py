"""The deciding fact told is applied, not hedged (session 15, branch15, issue 13), each both ways:

- no ground told in other words (无辜 as voice input writes 无故, 毫无理由, 没犯错) → unlawful dismissal
  (劳动合同法 48, 87);
- the employer proposing the ending, its words apart (公司…提出跟我协商解除) → an agreed ending it proposed
  (36, 46(2)); the worker proposing to the employer (我向公司提出解除) is not that;
- the worker's own resignation told (我自行解除了合同, 主动辞职) → no N unless 38's grounds (37, 46(1)),
  whatever the contract's term;
- the contract expiring in a protected period told in other words (到期的劳动合同, 合同期满) → extended (42, 45);
- the time since an injury told after it (受伤十五天了, 受伤两年多了) dates the injury, so the limits of
  工伤保险条例 17 apply to it; a duration without 了/多 (受伤三个月没上班) is read as nothing."""

from __future__ import annotations

from datetime import date

from assistant.consult.facts import extract_facts
from tests.assistant.consult.planning import TODAY, opening, plan_with_tools, ranked


def facts(*messages: str) -> dict[str, object]:
    return dict(extract_facts(list(messages), TODAY).values())


# --- no ground told --------------------------------------------------------------------------------


def test_no_ground_in_other_words_is_read_as_none() -> None:
    assert facts("入职才一个月，无辜被辞退了，我什么都没干")["ending_ground"] == "none"
    assert facts("老板毫无理由把我开了")["ending_ground"] == "none"
    assert facts("我又没犯错，经理就叫我走人")["ending_ground"] == "none"


def test_a_ground_told_is_not_read_as_none() -> None:
    assert facts("公司说我旷工三天把我辞退了").get("ending_ground") == "fault"
    assert "ending_ground" not in facts("我被辞退了，能拿多少钱")


# --- the employer proposes the ending ---------------------------------------------------------------


def test_the_employer_proposing_the_ending_apart_is_an_agreed_ending_it_proposed() -> None:
    read = facts("单位说业务收缩，主动提出跟我协商解除劳动合同，我干了四年")
    assert read["termination"] == "agreed" and read["proposed_by"] == "employer"
    read = facts("厂里提议终止合同，补偿怎么算")
    assert read["termination"] == "agreed" and read["proposed_by"] == "employer"


def test_the_worker_proposing_to_the_employer_is_not_the_employers_proposal() -> None:
    assert facts("我向公司提出解除合同，能拿补偿吗").get("proposed_by") != "employer"
    assert facts("我想跟单位提出解除劳动合同").get("proposed_by") != "employer"
    # A supposed proposal ends nothing.
    assert "termination" not in facts("要是公司提出解除合同，我该怎么办")


def test_an_ending_told_otherwise_stays_beside_a_proposal() -> None:
    assert facts("合同到期了，单位提出终止合同，不续签")["termination"] == "expired"
    assert facts("老板把我开了，人事后来提出解除合同")["termination"] == "dismissed"


# --- the worker's own resignation ------------------------------------------------------------------


def test_the_workers_own_ending_in_jiechu_words_is_a_resignation() -> None:
    assert facts("我签的无固定期限合同，我自行解除了，有补偿吗")["termination"] == "resigned"
    assert facts("公司自行解除了我的合同").get("termination") != "resigned"


def test_a_resignation_told_opens_with_no_severance_and_names_the_exception() -> None:
    text = opening(
        plan_with_tools(
            "我签的是无固定期限合同，自己主动辞职了，公司要给补偿吗", ranked("severance_compensation")
        )
    )
    assert text.startswith("一般没有")
    assert "无固定期限" in text and "欠薪" in text


def test_a_bare_resignation_keeps_the_depends_answer() -> None:
    # 自己辞职 alone does not tell why: the employer's fault (38) may be the reason.
    text = opening(plan_with_tools("我辞职了，公司要给补偿吗", ranked("severance_compensation")))
    assert text.startswith("要看你为什么走")
    assert facts("无固定期限劳动合同自行解除有没有补偿")["termination"] == "resigned"
    assert "termination" not in facts("回老家过年，工资还没发")
    # The employer's label for those who will not follow a move is not the worker's own accord.
    assert "resigned_own_accord" not in facts("公司要搬到别的城市去，说不去的算主动辞职")


def test_a_resignation_over_wages_owed_still_gets_severance() -> None:
    text = opening(
        plan_with_tools("公司欠了我三个月工资，我辞职了，能要补偿吗", ranked("severance_compensation"))
    )
    assert text.startswith("能")


# --- expiry in a protected period ------------------------------------------------------------------


def test_an_expiry_told_in_other_words_is_read() -> None:
    read = facts("我在哺乳期，合同期满了单位说不续")
    assert read["termination"] == "expired" and read["protected_status"] == "pregnancy"
    assert facts("到期的劳动合同在哺乳期里会不会自动终止")["termination"] == "expired"


def test_an_expiry_in_the_nursing_period_opens_with_the_extension() -> None:
    text = opening(plan_with_tools("哺乳期里劳动合同到期了，会自动终止吗", ranked("female_workers")))
    # Either guide that owns the point may open (the expiry's own asked point, or the nursing guide's branch);
    # what the worker must read first is that the contract does not end now and runs to the nursing period's end.
    assert text.startswith(("不会到期就终止", "现在不能终止")), text[:40]
    assert "哺乳期" in text and ("顺延" in text or "延续" in text)


def test_a_dismissal_in_the_nursing_period_keeps_its_answer() -> None:
    text = opening(plan_with_tools("我在哺乳期，公司把我辞退了，合法吗", ranked("female_workers")))
    assert text.startswith("不合法")


# --- the time since an injury ----------------------------------------------------------------------


def test_the_time_since_the_injury_told_after_it_dates_the_injury() -> None:
    read = facts("受伤十五天了，单位还没给我报工伤")
    assert read["injury_date"] == date(2026, 11, 20).isoformat()
    assert facts("工伤已经两年多了，还能认定吗")["injury_date"] < "2024-12-05"


def test_a_duration_without_its_tail_does_not_date_the_injury() -> None:
    assert "injury_date" not in facts("受伤三个月没上班，工资怎么算")
    assert "injury_date" not in facts("受伤后住院十天，医药费谁出")


def test_a_date_told_wins_over_the_time_since() -> None:
    assert facts("我2017年受的伤，受伤都好几年了")["injury_date"] == "2017-01-01"


# --- the workplace moves ---------------------------------------------------------------------------


def test_a_move_of_the_workplace_told_with_yao_or_qu_is_the_objective_ground() -> None:
    assert facts("公司要搬去外地，我不想跟着去，怎么办")["ending_ground"] == "objective_change"
    assert facts("我们仓库从苏州搬到别的城市了，不想去")["ending_ground"] == "objective_change"
    assert facts("厂里准备迁往外省，不去的怎么处理")["ending_ground"] == "objective_change"


def test_the_worker_moving_house_is_not_the_objective_ground() -> None:
    assert "ending_ground" not in facts("我搬到新宿舍了，离公司远，能报路费吗")
    assert "ending_ground" not in facts("在仓库搬货闪了腰，算工伤吗")
    assert "ending_ground" not in facts("老板要把我调去车间搬东西，不去就降工资")
