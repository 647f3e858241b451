"""The point asked inside a topic (corpus/consult/asked_points.toml, session 12 class N): the topic is found
right, but the worker asks a neighbouring point of it — the nursing fee of a work injury, whether it is still
in time for 工伤认定, whether a labour contract is valid, a layoff, where the disability appraisal is done. The
answer written for that point opens, not the topic's default template (who pays the medical costs, sick-leave
rules, a settlement's revocation time bars), and every clause it cites is in the store."""

import pytest

from assistant.answer import AnswerService
from assistant.consult.asked_points import (
    ASKED_POINTS_PATH,
    check_asked_points,
    find_asked_point,
    load_asked_points,
    parse_asked_points,
)
from assistant.consult.guides import GuideBook, GuideError
from eval.consult_metrics import first_sentence, opening


def test_every_entry_names_an_answer_of_a_usable_guide(service: AnswerService) -> None:
    # service.guides holds only the guides whose every clause is in the store (guides.cite_problem).
    assert check_asked_points(load_asked_points(), service.guides) == []
    assert len(service.asked_points.points) == len(load_asked_points().points)


def test_an_entry_whose_guide_was_left_out_for_a_missing_clause_is_reported(service: AnswerService) -> None:
    book = service.guides
    without = GuideBook(tuple(g for g in book.guides if g.id != "work_injury_benefits"), book.situations)
    problems = dict(check_asked_points(load_asked_points(), without))
    assert set(problems) == {
        "injury_settlement_signed",
        "injury_nursing",
        "appraisal_procedure",
        "grade_of_several_injuries",
        "injury_wage_base",
        "injury_stop_work_extension",
        "injury_rest_length",
        "commercial_insurance_injury",
        "insurance_not_bought",  # displaces the benefits guide
        # session 17 (injury17)
        "injury_civil_route",
        "injury_grade_asked",
        "finger_injury_grade",  # session 25
        "injury_claim_heads",
        "injury_nutrition",
        "injury_treatment_allowances",
        "injury_no_clock_in",
        # session 18 (inj18b)
        "injury_graded_resigning",
        "injury_amount_before_grade",
        "injury_allowance_vs_lump_sum",
        # session 18 (inj18a)
        "injury_treatment_extension",
        # session 18 (harm18)
        "injury_nursing_while_off",
        # session 23 (civil23)
        "injury_third_party_offer",
        # session 24
        "injury_pay_withheld",
        # session 28
        "protection_basis_injury",
        # session 23 (inj23)
        "injury_pay_how",
        # session 29
        "death_grants_shared",
        "graded_at_retirement",
        # session 30
        "injury_pay_cut_told",
        "treatment_interfered",
    }
    assert "work_injury_benefits" in problems["injury_nursing"]


def test_an_entry_naming_an_answer_that_does_not_exist_is_reported(service: AnswerService, tmp_path) -> None:  # noqa: ANN001
    broken = tmp_path / "asked_points.toml"
    text = ASKED_POINTS_PATH.read_text(encoding="utf-8")
    broken.write_text(text.replace("no_written_contract/terms_valid", "no_written_contract/nope"), "utf-8")
    problems = check_asked_points(load_asked_points(broken), service.guides)
    assert [p for p, _ in problems] == ["contract_validity"]


def test_an_entry_needs_its_answer_and_words() -> None:
    with pytest.raises(GuideError, match="answer"):
        parse_asked_points({"asked": [{"id": "x", "answer": "only_a_guide", "words": [["护理"]]}]})
    with pytest.raises(GuideError, match="words"):
        parse_asked_points({"asked": [{"id": "x", "answer": "g/a", "words": []}]})
    with pytest.raises(GuideError, match="kinds"):
        parse_asked_points({"asked": [{"id": "x", "answer": "g/a", "words": [["a"]], "kinds": ["why"]}]})


@pytest.mark.parametrize(
    ("question", "kind", "point"),
    [
        ("我在车间被砸伤腿住院了，家里人来陪护，这个钱单位出不出", "verdict", "injury_nursing"),
        ("工伤评了五级，以后生活护理费每个月有多少", "figure", "injury_nursing"),
        ("去年在厂里摔伤了一直拖着没报，现在还能申请工伤认定吗", "verdict", "injury_recognition_time_limit"),
        ("因工受伤一年半了，认定工伤是不是过期了", "verdict", "injury_recognition_time_limit"),
        ("入职签的合同里写着加班不给加班费，这份合同是否有效", "verdict", "contract_validity"),
        ("老板拿来的劳动合同全是霸王条款，签了还算数吗", "verdict", "contract_validity"),
        ("厂里说要经济性裁员，裁员需要什么程序，合法吗", "verdict", "layoff_procedure"),
        ("公司裁员，我干了四年，能拿多少", "figure", "layoff_money"),
        ("在绍兴受了工伤，劳动能力鉴定去哪里申请", "action", "appraisal_procedure"),
        ("胳膊和腰两处都受伤了，伤残等级怎么定", "action", "grade_of_several_injuries"),
    ],
)
def test_the_point_asked_is_found(question: str, kind: str, point: str) -> None:
    found = find_asked_point(question, kind, {}, load_asked_points())  # type: ignore[arg-type]
    assert found is not None and found.id == point


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("工伤停工留薪期最长能有多久", "figure"),  # a period's length, not the application's time limit
        ("我老婆生孩子，男的有没有护理假", "verdict"),  # another nursing
        ("离职协议签了还有效吗", "verdict"),  # the separation agreement's own point
        ("公司被收购了，原来的劳动合同还有效吗", "verdict"),  # a change of owner
        ("工伤仲裁时效过了吗", "verdict"),  # the arbitration limit
        ("哺乳期公司裁员，能赔多少", "figure"),  # the protected status decides first
        ("老板已经私下给了我医药费，我还能申请工伤吗", "verdict"),  # "still", not about time
        ("在厂里干了两年，工伤能赔多少", "figure"),  # a tenure, not a time limit
    ],
)
def test_a_neighbouring_question_is_left_to_its_own_answer(question: str, kind: str) -> None:
    assert find_asked_point(question, kind, {}, load_asked_points()) is None  # type: ignore[arg-type]


def test_a_nursing_fee_question_opens_with_the_nursing_rules_not_the_medical_costs(
    service: AnswerService,
) -> None:
    answer = service.ask("工伤住院这段时间家里人一直在陪护，护理费能找单位要吗")
    text = opening(answer.text)[1]
    assert not text.startswith("不用你出")
    assert "由单位负责" in first_sentence(text) and "50%" in first_sentence(text)
    assert "第三十三条第三款" in text and "第三十四条" in text
    assert answer.plan is not None and answer.plan.selected[0] == "work_injury_benefits/nursing"


def test_a_time_limit_question_after_an_injury_opens_with_the_recognition_limit(
    service: AnswerService,
) -> None:
    answer = service.ask("上班时受伤住院，到现在快两年了单位一直没给报，还能认定工伤吗")
    text = opening(answer.text)[1]
    assert "1年" in first_sentence(text, 2) and "第十七条" in text
    assert "医疗期" not in first_sentence(text, 2)
    # What the employer's own delay costs it (17(4)) and the time that does not count are said too.
    assert "第十七条第四款" in answer.text and "不计算在1年" in answer.text


def test_a_contract_validity_question_opens_with_the_grounds_of_invalidity(service: AnswerService) -> None:
    answer = service.ask("公司发的劳动合同写着工伤自负，这个合同有效吗")
    text = opening(answer.text)[1]
    assert "无效" in first_sentence(text) and "第二十六条" in text and "第二十七条" in text
    assert "撤销" not in first_sentence(text) and "90天内" not in first_sentence(text)


def test_a_layoff_opens_with_its_conditions_and_procedure(service: AnswerService) -> None:
    answer = service.ask("公司说要裁员，让我们签字走人，裁员要走什么程序")
    text = opening(answer.text)[1]
    assert "第四十一条" in text and "30" in first_sentence(text, 2)
    assert answer.plan is not None and answer.plan.selected[0] == "layoff_and_shutdown/layoff"


def test_a_layoff_told_beside_a_sale_of_the_business_is_answered_as_a_layoff(service: AnswerService) -> None:
    answer = service.ask("厂子卖给了别人，新厂长说人多了要裁员，我们这些老员工怎么办")
    assert answer.plan is not None and answer.plan.selected[0] == "layoff_and_shutdown/layoff"
    assert "第四十一条" in opening(answer.text)[1]


def test_a_layoff_point_leaves_the_layoff_guides_own_answers_alone(service: AnswerService) -> None:
    # Asked about the cap of the compensation, in a layoff: the cap answers (the point only mends a layoff
    # read as a change of employer).
    answer = service.ask("月薪九千干了十四年，赶上公司裁员，补偿是不是最多只算12年")
    assert answer.plan is not None and answer.plan.selected[0] == "severance_compensation/cap"


def test_several_injuries_are_told_how_grading_works_not_the_application_steps(
    service: AnswerService,
) -> None:
    answer = service.ask("干活时手指和膝盖都受了伤，好几处伤怎么定伤残等级")
    text = opening(answer.text)[1]
    assert "劳动能力鉴定委员会" in first_sentence(text) and "第二十二条" in text
    assert answer.plan is not None and answer.plan.selected[0] == "work_injury_benefits/grade_of_injury"


def test_where_to_get_the_appraisal_in_a_city_is_answered_not_refused(service: AnswerService) -> None:
    answer = service.ask("在江西赣州哪里能做劳动障碍的鉴定")
    assert answer.recognized
    text = opening(answer.text)[1]
    assert "劳动能力鉴定委员会" in first_sentence(text) and "第二十三条" in text


# Session 13 (points13): the point asked inside work injury and dismissal, where unseen answers opened with a
# neighbouring stock answer (class N) or missed the deciding clause (class F).


@pytest.mark.parametrize(
    ("question", "kind", "point"),
    [
        ("留薪期快满了腿还没好利索，这个期限能往后延吗", "verdict", "injury_stop_work_extension"),
        ("帮邻居家灭火烧伤了手，我有单位的，能按工伤处理吗", "verdict", "injury_rescue"),
        (
            "撞我的车逃逸了，交警出不了责任认定，我的工伤就一直中止着怎么办",
            "action",
            "injury_recognition_suspended",
        ),
        ("开车去见客户的半路上追尾受了伤，算工伤吗", "verdict", "injury_trip_on_the_job"),
        ("厂里停产叫我们在家等通知，二十天后说我旷工给开了", "verdict", "stood_down_not_absent"),
        ("单位把我的岗位撤销了，调岗我不同意，就说要解除合同", "verdict", "objective_change_consulted"),
        ("原来的裁员又不裁了，我还是想辞职，能拿补偿吗", "verdict", "layoff_called_off_leaving"),
        # Asked in general, no injury of one's own told: the whole rule (session 15, rule overview).
        ("哪些情况下受伤属于工伤，有个认定标准吗", "verdict", "rule_overview_injury_recognition"),
        ("我干维修，几个工地来回跑，算工伤的话怎么认定", "action", "injury_mobile_post"),
        ("在车间被烫伤做了植皮手术，工伤的话能休息多久", "figure", "injury_rest_length"),
        ("我哥下班后在宿舍睡觉，凌晨猝死了，算不算工伤", "verdict", "death_after_work"),
    ],
)
def test_a_session_13_point_is_found(question: str, kind: str, point: str) -> None:
    found = find_asked_point(question, kind, {}, load_asked_points())  # type: ignore[arg-type]
    assert found is not None and found.id == point


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("工伤停工留薪期间工资怎么发", "figure"),  # the pay, not the length or its extension
        ("下班路上被车撞了，算工伤吗", "verdict"),  # a commute, not a trip on the job
        ("救人受伤了，算工伤的话能赔多少", "figure"),  # what it pays, not whether it counts
        ("公司放假三天，回来后我旷工两天被开除了", "verdict"),  # no order to stay away told
        ("公司说要裁员，我想先辞职，有补偿吗", "verdict"),  # a layoff still on
        ("公司要把我调到别的岗位，我不同意，合法吗", "verdict"),  # a transfer, no post abolished
        ("工伤认定的期限是多久", "figure"),  # the filing limit, not the scope list
        ("下班路上出车祸死亡，算工伤吗", "verdict"),  # a commute death, not one at home
        ("干了快一年，12月初离职了，年终奖不发，合法吗", "verdict"),  # a tenure, not the wait since leaving
        ("协商解除是我先提的，公司同意了，还能找公司要补偿吗", "verdict"),  # the worker proposed it
    ],
)
def test_a_neighbour_of_a_session_13_point_is_left_alone(question: str, kind: str) -> None:
    found = find_asked_point(question, kind, {}, load_asked_points())  # type: ignore[arg-type]
    assert found is None or found.id not in {
        "injury_stop_work_extension",
        "injury_rescue",
        "injury_trip_on_the_job",
        "stood_down_not_absent",
        "layoff_called_off_leaving",
        "injury_scope_list",
        "rule_overview_injury_recognition",
        "death_after_work",
        "ending_near_the_year",
        "employer_proposes_agreed_ending",
    }


def test_an_extension_of_the_paid_leave_opens_with_its_length_and_the_committee(
    service: AnswerService,
) -> None:
    answer = service.ask("工伤停工留薪期一年到了伤还没好，能不能延长")
    text = opening(answer.text)[1]
    assert "12个月" in first_sentence(text) and "劳动能力鉴定委员会" in first_sentence(text)
    assert "第三十三条第二款" in text and not text.startswith("应当照发")
    assert "原工资福利待遇不变" in answer.text


def test_a_rescue_is_deemed_a_work_injury_not_a_commute(service: AnswerService) -> None:
    answer = service.ask("下班后在河边看见小孩落水，我跳下去救人腿被划伤了，这能算工伤吗")
    text = opening(answer.text)[1]
    assert first_sentence(text).startswith("能，视同工伤") and "第十五条第一款第（二）项" in text
    assert "交通事故" not in first_sentence(text)


def test_a_recognition_held_up_by_a_missing_police_finding_is_told_the_bureau_decides(
    service: AnswerService,
) -> None:
    answer = service.ask("上班路上被车撞了肇事车跑了，交警一直出不了责任认定，人社局说工伤认定中止，怎么办")
    text = opening(answer.text)[1]
    assert "不能一直中止" in first_sentence(text) and "第二十条第三款" in text
    assert "第一条第一款、第二款" in text


def test_a_trip_on_the_job_is_answered_as_going_out_for_work(service: AnswerService) -> None:
    answer = service.ask("我跑业务，骑电动车去客户那里的路上自己摔了，算不算工伤")
    text = opening(answer.text)[1]
    assert first_sentence(text).startswith("能") and "第十四条第（五）项" in text
    assert "交通事故" not in first_sentence(text, 2)


def test_a_worker_sent_home_then_dismissed_for_absence_is_told_it_is_unlawful(service: AnswerService) -> None:
    answer = service.ask("公司没活让我们回家等通知，半个月后说我旷工把我辞退了，合法吗")
    text = first_sentence(opening(answer.text)[1], 2)
    assert text.startswith("不合法") and "不算旷工" in text and "两倍赔偿金" in text


def test_a_post_abolished_after_a_failed_consultation_is_a_lawful_ending_with_notice_pay(
    service: AnswerService,
) -> None:
    answer = service.ask(
        "公司撤销了我的岗位，找我协商调岗我没同意，现在要跟我解除合同，我在这干了3年，能拿多少"
    )
    text = opening(answer.text)[1]
    assert first_sentence(text).startswith("一般是合法解除") and "第四十条第（三）项" in text
    assert "1个月工资（代通知金）" in first_sentence(text) and "3个月工资" in first_sentence(text)


def test_a_worker_leaving_after_a_layoff_called_off_is_told_it_is_a_resignation(
    service: AnswerService,
) -> None:
    answer = service.ask("单位本来要裁掉我，后来裁员取消了，但我不想干了，现在辞职有没有补偿")
    text = opening(answer.text)[1]
    assert first_sentence(text).startswith("一般拿不到") and "你辞职" in first_sentence(text, 2)
    assert "第三十七条" in text and not text.startswith("能。")


def test_a_grade_question_is_told_when_grading_is_done_and_what_each_grade_pays(
    service: AnswerService,
) -> None:
    answer = service.ask("左手中指被冲床压断一截，大概能评几级伤残")
    assert "劳动能力鉴定委员会" in first_sentence(opening(answer.text)[1])
    # Session 28: the told injury's own item (一截 of a middle finger: grade ten) and what that grade pays.
    assert "伤情相对稳定" in answer.text and "十级" in answer.text and "7个月" in answer.text
    assert "第二十一条" in answer.text


def test_a_scope_question_opens_with_what_counts_not_the_filing_deadline(service: AnswerService) -> None:
    answer = service.ask("现在工伤的认定范围都有哪些情形")
    text = opening(answer.text)[1]
    assert "应当认定为工伤" in first_sentence(text) and "第十四条" in text
    assert "30日内" not in first_sentence(text) and "1年内" not in first_sentence(text)
    # Asked in general (session 15, rule overview): the whole list — a trip, a commute, the deemed cases.
    assert "上下班途中" in answer.text and "第十五条第一款" in answer.text


def test_a_death_at_home_after_work_is_told_the_48_hour_rule(service: AnswerService) -> None:
    answer = service.ask("我哥晚上七点下班，夜里一点死亡，是工伤吗？家里人该怎么维权")
    text = opening(answer.text)[1]
    assert first_sentence(text).startswith("一般不算") and "第十五条第一款第（一）项" in text


def test_how_long_an_injured_worker_may_rest_is_the_paid_leave(service: AnswerService) -> None:
    answer = service.ask("干活时手指被切掉一截，做了手术，需要休息多久")
    text = opening(answer.text)[1]
    assert "停工留薪期一般不超过12个月" in first_sentence(text) and "第三十三条第二款" in text


def test_a_worker_already_gone_is_told_what_is_owed_not_how_to_resign(service: AnswerService) -> None:
    answer = service.ask("我已经离职两个月了，公司一直不给我结最后一个月工资")
    text = opening(answer.text)[1]
    assert "一次结清" in first_sentence(text, 2) and "第九条" in text
    assert "解除劳动合同" not in first_sentence(text, 2)


def test_a_dismissed_worker_near_the_year_is_told_to_file_now(service: AnswerService) -> None:
    answer = service.ask("被辞退后公司一直拖着不给补偿，都快一年了怎么办")
    text = opening(answer.text)[1]
    assert "申请劳动仲裁" in first_sentence(text) and "第二十七条第一款" in text
    assert "强制执行" not in first_sentence(text)


def test_an_ending_the_employer_proposes_is_paid_as_an_agreed_ending_not_a_layoff(
    service: AnswerService,
) -> None:
    answer = service.ask("公司经营困难要跟我协商解除合同，给多少补偿才对")
    text = opening(answer.text)[1]
    assert "单位提出、双方协商解除" in first_sentence(text, 2) and "第四十六条第（二）项" in text
    assert "第四十六条第（四）项" not in text
