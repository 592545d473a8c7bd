"""End-to-end extraction on small texts written for the tests (English and Chinese)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline import extract_text
from pipeline.extract import extract_article
from pipeline.models import Article
from tests.helpers import assert_grounded

EN_RESULTS = (
    "In the first half of 2024, Acme Robotics posted revenue of 1.25 billion yuan, a year-on-year "
    "increase of 12.5%. Its net loss reached 30 million yuan. Smartphone shipments fell 8% "
    "year-on-year to 4.2 million units."
)
ZH_RESULTS = "2024年上半年，科大讯飞实现营业收入93.25亿元，同比增长18.91%；归母净利润亏损4.01亿元。"


def one(facts, amount):
    found = [f for f in facts if f.value is not None and f.value.amount == Decimal(amount)]
    assert len(found) == 1, [f.value for f in facts]
    return found[0]


def test_level_and_change_make_one_fact():
    facts = extract_text(EN_RESULTS, published="2024-08-20")
    for fact in facts:
        assert_grounded(fact, EN_RESULTS)
    revenue = one(facts, "1250000000")
    assert (revenue.metric, revenue.value.unit) == ("revenue", "CNY")
    assert revenue.period.label == "2024-H1"
    assert revenue.change.amount == Decimal("12.5") and revenue.change.direction == "up"
    assert revenue.change.basis == "yoy"


def test_loss_is_a_negative_profit():
    facts = extract_text(EN_RESULTS, published="2024-08-20")
    loss = one(facts, "-30000000")
    assert loss.metric == "net_profit" and loss.kind == "financial_fact"


def test_change_then_level_with_count_unit():
    facts = extract_text(EN_RESULTS, published="2024-08-20")
    shipments = one(facts, "4200000")
    assert shipments.value.unit == "count" and shipments.metric == "shipments"
    assert shipments.change.direction == "down" and shipments.change.amount == Decimal("8")


def test_chinese_earnings_sentence():
    facts = extract_text(ZH_RESULTS, lang="zh", published="2024-08-22")
    for fact in facts:
        assert_grounded(fact, ZH_RESULTS)
    revenue = one(facts, "9325000000")
    assert revenue.subject.name == "iFLYTEK" and revenue.metric == "revenue"
    assert revenue.change.amount == Decimal("18.91") and revenue.change.basis == "yoy"
    assert revenue.period.label == "2024-H1"
    loss = one(facts, "-401000000")
    assert loss.metric == "net_profit_attributable"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Acme Robotics aims to reach 100 million users in 2026.", "target"),
        ("Gartner predicts that more than 80% of enterprises will use generative AI by 2026.",
         "forecast"),
        ("Acme Robotics plans to invest 2 billion yuan in new factories in 2026.", "plan"),
    ],
)
def test_forward_looking_numbers(text, modality):
    facts = extract_text(text, published="2024-01-10")
    assert facts, text
    assert {f.modality for f in facts} == {modality}
    assert all(f.kind == "forward_looking" and f.horizon is not None for f in facts)


def test_benchmark_claim_without_number_names_its_object():
    text = "iFLYTEK said its Spark model is fully benchmarked against GPT-4 Turbo."
    facts = extract_text(text, published="2024-06-30")
    assert [(f.modality, f.object.name) for f in facts] == [("claim", "GPT-4 Turbo")]


@pytest.mark.parametrize(
    "text",
    [
        "The company was founded in 2008 and moved on May 24.",
        "The model V4.0 was trained on Feixing No. 1 at 10:42.",
        "Google released four new models.",
    ],
)
def test_not_facts(text):
    assert extract_text(text, published="2024-06-30") == []


def test_same_input_same_output():
    first = [f.model_dump_json() for f in extract_text(EN_RESULTS, published="2024-08-20")]
    second = [f.model_dump_json() for f in extract_text(EN_RESULTS, published="2024-08-20")]
    assert first == second


def test_json_amounts_are_plain_numbers_without_float_noise():
    facts = extract_text(EN_RESULTS, published="2024-08-20")
    line = one(facts, "1250000000").model_dump_json()
    assert '"amount":1250000000,' in line
    assert '"amount":12.5,' in line


def test_a_comparison_time_belongs_to_the_earlier_figure():
    text = ("In August, Zentrix's share of the market fell to 6.1% from 7.9% in the same period "
            "last year.")
    facts = extract_text(text, published="2024-09-12")
    share = one(facts, "6.1")
    assert share.period.label == "2024-08"
    assert share.metric == "market_share"


def test_earlier_level_without_its_own_period_is_not_a_fact():
    text = "The subsidy was raised from 10,000 yuan to 20,000 yuan."
    amounts = {f.value.amount for f in extract_text(text, published="2024-09-12") if f.value}
    assert amounts == {Decimal("20000")}


def test_report_period_carries_to_flows_but_not_to_prices_or_headcounts():
    text = ("In the second quarter of 2024, Zentrix posted revenue of 2.1 billion yuan. "
            "Operating profit was 300 million yuan. "
            "The starting price of its robot is 99,000 yuan. "
            "The company has about 600 employees.")
    facts = extract_text(text, published="2024-08-20")
    assert one(facts, "300000000").period.label == "2024-Q2"
    assert one(facts, "99000").period is None
    assert one(facts, "600").period is None


@pytest.mark.parametrize("text, running_total", [
    ("一季度，泽瑞在研发上的投入为11亿元，累计投入已达42亿元。", "4200000000"),
    ("In the first quarter, Zentrix invested 1.1 billion yuan in research, and its cumulative "
     "investment reached 4.2 billion yuan.", "4200000000"),
])
def test_a_running_total_has_no_period(text, running_total):
    facts = extract_text(text, published="2023-05-25")
    assert one(facts, "1100000000").period.label == "2023-Q1"
    total = one(facts, running_total)
    assert total.period is None or total.period.label is None


@pytest.mark.parametrize("text, lang", [
    ("From January to August, cumulative exports reached 3.76 million units.", "en"),
    ("1-8月，累计出口汽车376万辆。", "zh"),
])
def test_a_running_total_takes_the_window_written_before_it(text, lang):
    facts = extract_text(text, lang=lang, published="2024-09-12")
    assert one(facts, "3760000").period.label == "2024-01/2024-08"


@pytest.mark.parametrize("text, market", [
    ("Canalys data show that global smartphone shipments fell 3% in the second quarter to "
     "280 million units. Among them, shipments in the Latin American market grew by 20% "
     "year-on-year.", "Latin America smartphone market"),
    ("今年一季度全球PC出货量同比下降33%至5400万台；其中，中国大陆市场出货量同比下降24%至890万台。",
     "China PC market"),
])
def test_a_region_named_as_a_market_renames_the_market(text, market):
    facts = extract_text(text, published="2024-07-20")
    regional = [f for f in facts if f.subject and f.subject.type == "market"][-1]
    assert regional.subject.name == market


@pytest.mark.parametrize("text, lang", [
    ("In the second quarter of fiscal year 2025 ended July 28, 2024, Zentrix posted revenue of "
     "30 billion US dollars. The gross margin was 75.1%.", "en"),
    ("泽瑞2025财年第二季度营收300亿美元。毛利率为75.1%。", "zh"),
])
def test_a_fiscal_period_is_not_guessed(text, lang):
    facts = extract_text(text, lang=lang, published="2024-08-29")
    for amount in ("30000000000", "75.1"):
        fact = one(facts, amount)
        assert fact.period is None or fact.period.label is None, fact.period


def test_a_time_inside_a_comparison_dates_only_the_earlier_figure():
    text = ("Zentrix's daily API calls reached 600 million times in June, up from 50 million "
            "times in December last year, and its daily token volume exceeded 250 billion.")
    facts = extract_text(text, published="2024-08-22")
    assert one(facts, "250000000000").period.label != "2023-12"


def test_first_time_since_is_a_record_not_a_period():
    text = ("In the second quarter, Zentrix posted revenue of 2 billion yuan. Its shipments "
            "were 10.6 million units, returning to the top three for the first time since 2020.")
    facts = extract_text(text, published="2024-07-20")
    assert one(facts, "10600000").period.label == "2024-Q2"


@pytest.mark.parametrize("text, amount, metric, published", [
    ("In the quarter, Zentrix's free cash flow was 3.52 billion yuan.", "3520000000", "other",
     "2024-08-20"),
    ("As of June 30, Zentrix's cash, cash equivalents and short-term investments totaled "
     "RMB 194.5 billion.", "194500000000", "cash", "2024-08-20"),
    ("上半年泽瑞经营活动产生的现金流量净额为-13.55亿元。", "-1355000000", "other", "2024-08-20"),
    ("In the second quarter, Zentrix's sales revenue reached 1.9 billion US dollars.",
     "1900000000", "revenue", "2024-08-20"),
    ("In the second quarter, Zentrix's non-IFRS profit was 57.31 billion yuan.", "57310000000",
     "adjusted_net_profit", "2024-08-20"),
    ("Alibaba Cloud kept the lead with a 36% share of China's cloud market in the second "
     "quarter.", "36", "market_share", "2024-09-20"),
    ("The top four vendors together took more than 70% of the market.", "70", "market_share",
     "2024-09-20"),
    ("Canalys data show that China's cloud infrastructure services spending grew 11% "
     "year-on-year to US$9.1 billion in the second quarter.", "9100000000", "market_size",
     "2024-09-20"),
    ("In the second quarter, Zentrix's operating income was 10.4 billion yuan.", "10400000000",
     "operating_profit", "2024-09-20"),
    ("As of the end of June, the number of Zentrix PLUS members exceeded 35 million.", "35000000",
     "users", "2024-08-16"),
    ("The board also approved a new share repurchase plan of up to US$5.0 billion.",
     "5000000000", "other", "2024-08-16"),
    ("Zentrix plans to spend about 10 billion yuan on capital expenditure this year.",
     "10000000000", "capex", "2024-08-29"),
    ("In the first half, Zentrix repurchased about 150 million shares at a total cost of about "
     "HK$56.9 billion.", "56900000000", "other", "2024-08-29"),
    ("不按美国通用会计准则，泽瑞汽车二季度净利润为14.6亿元。", "1460000000", "adjusted_net_profit",
     "2024-08-29"),
    ("公司拟向全体股东每10股派发现金红利25.2元（含税）。", "25.2", "other", "2024-08-29"),
    ("Zentrix's net sales in the second quarter were 6.24 billion euros, of which China "
     "accounted for 49%.", "49", "revenue_share", "2024-08-31"),
    ("上半年，泽瑞海外收入达到905.11亿元，同比增长13.3%，占营业总收入的比例为41.6%。", "41.6",
     "revenue_share", "2024-08-31"),
    ("Zentrix's net sales in the second quarter were 6.24 billion euros.", "6240000000",
     "revenue", "2024-08-31"),
    ("Zentrix's Hong Kong-listed shares were up 13.5% at HK$117.6 at midday on Friday.",
     "117.6", "share_price", "2024-08-23"),
])
def test_metric_phrasings(text, amount, metric, published):
    assert one(extract_text(text, published=published), amount).metric == metric


def test_an_analyst_target_price_is_a_share_price_forecast():
    text = "The bank maintained its overweight rating on Zentrix and its target price of US$120."
    fact = one(extract_text(text, published="2024-05-15"), "120")
    assert (fact.metric, fact.modality) == ("share_price", "forecast")


def test_an_analyst_estimate_is_due_in_the_report_period():
    text = ("In the second quarter, Zentrix posted revenue of 161.12 billion yuan. Revenue was "
            "slightly lower than the average analyst estimate of 161.7 billion yuan.")
    fact = one(extract_text(text, published="2024-08-14"), "161700000000")
    assert fact.modality == "forecast" and fact.horizon.label == "2024-Q2"


@pytest.mark.parametrize("text, amount, subject", [
    ("In July, Zentrix Auto will lower the price of the L7 Air from 259,900 yuan to "
     "239,900 yuan.", "239900", "Zentrix L7"),
    ("The X90 chip, which Zentrix Inc. launched for the Chinese market, is priced at 12,000 US "
     "dollars per card.", "12000", "Zentrix X90"),
    ("The price of the lightweight model zeta 6.5s was cut to 1 yuan per million tokens.", "1",
     "zeta 6.5s"),
    ("泽瑞也将zentrix-v1-128k模型的API调用价格下调至24元。", "24", "zentrix-v1-128k"),
])
def test_a_price_is_about_the_product_named_with_it(text, amount, subject):
    fact = one(extract_text(text, published="2024-08-20"), amount)
    assert fact.metric == "price" and fact.subject.name == subject
    assert fact.subject.type == "product"


def test_a_count_of_wins_needs_no_claim_word_when_a_win_verb_follows():
    text = "据泽瑞公布的测试结果，其最新模型在12项主流评测中有7项超过GPT-4 Turbo。"
    wins = one(extract_text(text, published="2024-08-20"), "7")
    assert (wins.metric, wins.modality) == ("benchmark_wins", "claim")
    assert wins.object is not None and wins.object.name == "GPT-4 Turbo"


def test_wins_written_out_of_a_total_by_a_model_named_before_large_model():
    text = ("Zentrix also said that its self-developed Velora large model has surpassed GPT-4 in "
            "6 out of 10 retail evaluation tasks.")
    wins = one(extract_text(text, published="2024-08-20"), "6")
    assert (wins.metric, wins.modality, wins.subject.name) == ("benchmark_wins", "claim", "Velora")
    assert wins.object.name == "GPT-4"


def test_benchmark_names_are_not_subjects():
    text = ("In 10 evaluation sets such as MMLU, GSM8K and HumanEval, Zentrix's model surpassed "
            "GPT-4 in 6 of them.")
    wins = one(extract_text(text, published="2024-08-20"), "6")
    assert wins.subject is None or wins.subject.name not in {"MMLU", "GSM8K", "HumanEval"}


def test_a_quoted_title_that_will_launch_is_a_plan_due_on_the_coming_date():
    text = ("Zentrix's new shooter \"Delta Strike\" will be officially launched on PC and mobile "
            "platforms on September 26.")
    facts = extract_text(text, published="2024-08-15")
    assert len(facts) == 1
    plan = facts[0]
    assert (plan.modality, plan.subject.name) == ("plan", "Delta Strike")
    assert plan.horizon.label == "2024-09-26"


def test_a_speaker_with_an_apposition_still_speaks():
    text = ("Cui Dongshu, secretary general of the association, said that the market is expected "
            "to maintain growth in the autumn.")
    facts = extract_text(text, published="2024-09-12")
    assert [f.modality for f in facts] == ["forecast"]
    assert facts[0].speaker is not None and facts[0].speaker.name == "Cui Dongshu"


@pytest.mark.parametrize("text, first, base", [
    ("Zentrix's net income was only 3.27 billion yuan in the quarter, compared with 23.52 "
     "billion yuan in the same period last year, a year-on-year decrease of 86%.",
     "3270000000", "23520000000"),
    ("上半年泽瑞净利润为13.55亿元，去年同期为15.26亿元，同比下降11.2%。",
     "1355000000", "1526000000"),
])
def test_a_change_after_a_comparison_point_belongs_to_the_first_figure(text, first, base):
    facts = extract_text(text, published="2024-08-20")
    assert one(facts, first).change is not None
    assert one(facts, base).change is None


@pytest.mark.parametrize("text, metric", [
    ("Lau expects online advertising revenue to maintain healthy growth in the second half.",
     "revenue"),
    ("He added that Zentrix's capital expenditure will continue to rise in the second half.",
     "capex"),
    ("展望下半年，刘庆峰表示，公司仍将保持对大模型的投入力度。", "investment"),
])
def test_a_numberless_statement_names_the_measure_it_is_about(text, metric):
    facts = extract_text(text, published="2024-08-15")
    assert [f.metric for f in facts] == [metric]


def test_a_part_of_the_report_period_does_not_replace_it():
    text = ("上半年，泽瑞实现营业收入1667.67亿元，同比下降11.88%。其中第二季度毛利率达27.27%。"
            "分地区来看，境外业务收入为550.92亿元，同比增长7.5%。")
    facts = extract_text(text, published="2024-07-27")
    assert one(facts, "27.27").period.label == "2024-Q2"
    assert one(facts, "55092000000").period.label == "2024-H1"


def test_a_year_earlier_is_the_same_period_last_year():
    text = ("In the second quarter, Zentrix's revenue was 291.4 billion yuan. Its operating margin "
            "rose to 4.5% from 3.9% a year earlier. Service revenue was 61.6 billion yuan.")
    facts = extract_text(text, published="2024-08-16")
    assert one(facts, "3.9").period.label == "2023-Q2"
    assert one(facts, "61600000000").period.label == "2024-Q2"


def test_the_headline_names_an_unknown_company():
    text = ("泽瑞能源上半年净利润超228亿元\n\n"
            "泽瑞能源7月26日晚间发布半年报。上半年，泽瑞能源实现营业收入1667.67亿元，同比下降11.88%。"
            "比亚迪同期营收为3011亿元。泽瑞能源表示，公司将继续加大研发投入。\n")
    article = Article(doc_id="z", text=text, published="2024-07-27",
                      title="泽瑞能源上半年净利润超228亿元")
    facts = extract_article(article, "zh")
    revenue = one(facts, "166767000000")
    assert revenue.subject.name == "泽瑞能源"


def test_translated_will_with_a_yearly_change_is_a_reported_result():
    text = ("In the second quarter, Zentrix's revenue was 291.4 billion yuan. Non-GAAP net income "
            "will be 13.5 billion yuan, up 69% from a year earlier, and the non-GAAP net profit "
            "margin reached 4.6%.")
    facts = extract_text(text, published="2024-08-16")
    assert one(facts, "4.6").modality == "reported"


def test_a_product_the_company_relies_on_is_not_the_subject():
    text = "三季度，华为凭借Mate 60系列回归，市场份额升至13.2%。"
    share = one(extract_text(text, published="2023-10-20"), "13.2")
    assert share.subject.name == "Huawei"


@pytest.mark.parametrize("text", [
    "Compared with the previous generation zeta 6.5, the inference speed of Zentrix's new model "
    "is twice as fast.",
    "泽瑞称，其新一代基座大模型的整体性能较上一代提升近60%。",
])
def test_a_gain_over_the_previous_generation_is_a_claim(text):
    facts = extract_text(text, published="2024-06-20")
    assert len(facts) == 1
    assert facts[0].modality == "claim" and facts[0].change.basis == "vs_previous"


def test_a_business_unit_reports_as_its_parent():
    text = ("IDC data show that in the first half, Alibaba Cloud held a 24.1% share of China's AI "
            "public cloud services market.")
    share = one(extract_text(text, published="2024-09-20"), "24.1")
    assert share.subject.name == "Alibaba" and share.subject.text == "Alibaba Cloud"


def test_a_market_named_word_for_word_and_then_this_market():
    text = ("According to IDC, China's AI public cloud services market reached 12.6 billion yuan "
            "in 2023. IDC expects this market to grow to more than 21 billion yuan by 2027. "
            "Zentrix's share of China's AI public cloud services market was 26.4%.")
    facts = extract_text(text, published="2024-09-20")
    assert one(facts, "12600000000").subject.name == "China AI public cloud services market"
    assert one(facts, "21000000000").subject.name == "China AI public cloud services market"
    assert one(facts, "26.4").subject.name == "Zentrix"


def test_from_x_in_an_earlier_period_to_y_in_a_later_one():
    text = ("Zentrix's revenue will decrease by 24.2% from 6.2 billion yuan in the first quarter "
            "of 2022 to 4.7 billion yuan in the first quarter of 2023.")
    facts = extract_text(text, published="2023-05-25")
    assert one(facts, "4700000000").period.label == "2023-Q1"


def test_two_joined_plans_are_two_statements():
    text = ("Zentrix's revenue grew in the second quarter. We will continue to invest in AI "
            "infrastructure, and we will launch more AI-native applications.")
    plans = [f for f in extract_text(text, published="2024-08-22") if f.kind == "forward_looking"]
    assert len(plans) == 2 and all(f.modality == "plan" for f in plans)
    assert all(f.horizon is None for f in plans)  # the second quarter is over: no due time


def test_a_numberless_plan_beside_a_numeric_one():
    text = ("Baidu will open-source a lightweight model in the third quarter, and will build a "
            "computing cluster of 10,000 GPU cards this year.")
    facts = extract_text(text, published="2024-06-20")
    assert sorted(f.value is not None for f in facts) == [False, True]


def test_a_chip_code_is_not_a_half_year():
    text = "SemiAnalysis estimates that Nvidia will deliver more than 1 million H20 chips in 2024."
    fact = one(extract_text(text, published="2024-08-30"), "1000000")
    assert fact.horizon.label == "2024"


def test_a_figure_expected_by_analysts_is_due_in_the_report_period():
    text = ("In the second quarter, Zentrix's revenue was 25.5 billion yuan. Diluted earnings per "
            "share were 8.70 yuan, beating the 7.12 yuan expected by analysts.")
    fact = one(extract_text(text, published="2024-08-15"), "7.12")
    assert fact.modality == "forecast" and fact.horizon.label == "2024-Q2"


def test_a_comparison_point_keeps_the_metric_and_does_not_move_the_report_period():
    text = ("In the second quarter, Zentrix's net revenues were 25.5 billion yuan. Research and "
            "development expenses were 4.3 billion yuan, accounting for 16.9% of net revenues, "
            "compared with 4.1 billion yuan in the same period of 2023. Selling expenses rose "
            "11.6% year-on-year to 3.6 billion yuan.")
    facts = extract_text(text, published="2024-08-16")
    base = one(facts, "4100000000")
    assert (base.metric, base.period.label) == ("rd_expense", "2023-Q2")
    assert one(facts, "3600000000").period.label == "2024-Q2"


def test_guidance_for_a_coming_quarter_is_a_forecast_even_with_a_yearly_change():
    text = ("泽瑞汽车预计，2024年第三季度车辆交付量将在14.5万辆至15.5万辆之间，"
            "同比增长38.0%至47.5%。")
    fact = one(extract_text(text, published="2024-08-29"), "145000")
    assert fact.modality == "forecast" and fact.horizon.label == "2024-Q3"


def test_a_chinese_year_needs_nian():
    text = "同时，泽瑞汽车计划在年底前将超充站数量扩大至2000座以上。"
    fact = one(extract_text(text, published="2024-08-29"), "2000")
    assert fact.modality == "plan" and fact.horizon.label == "2024"


def test_a_chinese_price_cut_to_a_new_price_is_no_range():
    text = "今年4月，泽瑞L7 Air售价下调1.8万元至30.18万元。"
    fact = one(extract_text(text, published="2024-08-29"), "301800")
    assert fact.change is not None and fact.change.amount == Decimal("18000")


def test_a_weekday_is_the_latest_one_and_never_the_report_period():
    text = ("In the second quarter, Zentrix's revenue was 25.5 billion yuan. Its US-listed shares "
            "fell 5.7% to close at US$86.30 on Thursday. Operating profit was 6.1 billion yuan.")
    facts = extract_text(text, published="2024-08-16")
    assert one(facts, "86.30").period.label == "2024-08-15"
    assert one(facts, "6100000000").period.label == "2024-Q2"


def test_a_share_word_does_not_name_a_count():
    text = ("In the second quarter, Apple shipped 13.0 million iPads, a market share of 36.6%, and "
            "Samsung ranked second with 7.0 million units.")
    facts = extract_text(text, published="2024-07-12")
    assert one(facts, "7000000").metric != "market_share"
    assert one(facts, "36.6").subject.name == "Apple"


def test_from_january_to_july_dates_the_figure():
    text = ("According to the statistics bureau, from January to July, the profit margin of the "
            "automobile industry was only 4.6%.")
    assert one(extract_text(text, published="2024-09-12"), "4.6").period.label == "2024-01/2024-07"


def test_a_dated_running_total_keeps_its_date():
    text = "截至6月末，泽瑞智能硬件累计用户已超过两千万。"
    assert one(extract_text(text, published="2024-08-20"), "20000000").period.label == "2024-06-30"


@pytest.mark.parametrize("text, modality", [
    ("\"The end of support in October 2025 will trigger a replacement cycle,\" said Ishan Dutt, "
     "principal analyst at Canalys.", "forecast"),
    ("他透露，新一代智能驾驶系统将于四季度向全部车主推送。", "plan"),
    ("Chief financial officer Ian Su said the company is confident of achieving growth in "
     "full-year profit.", "forecast"),
    ("The open-world game \"Where Winds Meet\" is scheduled to be launched in China by the end "
     "of the year.", "plan"),
])
def test_more_numberless_statements(text, modality):
    facts = extract_text(text, published="2024-08-16")
    assert [f.modality for f in facts] == [modality]


def test_a_region_of_the_market_being_discussed_and_its_owner():
    text = ("SEMI data show that global semiconductor equipment billings were 26.8 billion US "
            "dollars in the second quarter. Billings in Taiwan fell 4% quarter-on-quarter to 4.05 "
            "billion US dollars. Applied Materials reported revenue of 6.78 billion US dollars. "
            "China contributed 32% of its revenue in the quarter.")
    facts = extract_text(text, published="2024-09-05")
    assert one(facts, "26800000000").subject.name == "global semiconductor equipment market"
    assert one(facts, "4050000000").subject.name == "Taiwan semiconductor equipment market"
    assert one(facts, "32").subject.name == "Applied Materials"


@pytest.mark.parametrize("text, amount, check", [
    ("Adjusted net profit rose 73.7% year-on-year to a record 4.68 billion yuan.", "4680000000",
     lambda f: f.change is not None and f.change.amount == Decimal("73.7")),
    ("Sales and marketing expenses were 10.2 billion yuan, accounting for 32.9% of revenue.",
     "32.9", lambda f: f.metric == "other"),
    ("The number of monthly active buyers on the platform exceeded 130 million.", "130000000",
     lambda f: f.metric == "users"),
    ("公司拟向全体股东每10股派发现金红利5元（含税），这也是公司首次实施中期分红。", "5",
     lambda f: f.modality == "plan"),
])
def test_records_ratios_buyers_and_proposed_dividends(text, amount, check):
    assert check(one(extract_text(text, published="2024-08-31"), amount))


def test_a_market_with_a_two_word_region_moves_to_the_next_region():
    text = ("SEMI data show that global semiconductor equipment billings were 26.8 billion US "
            "dollars in the second quarter. South Korea's billings dropped 21% year-on-year to "
            "4.53 billion US dollars. North America's billings were 3.05 billion US dollars.")
    facts = extract_text(text, published="2024-09-05")
    assert one(facts, "3050000000").subject.name == "North America semiconductor equipment market"


def test_a_span_of_years_listed_respectively_and_a_coming_quarter():
    text = "中信证券研报预计，泽瑞2024年至2026年归母净利润分别为388亿元、431亿元和472亿元。"
    facts = extract_text(text, published="2024-08-31")
    assert [one(facts, a).horizon.label for a in ("38800000000", "43100000000", "47200000000")] \
        == ["2024", "2025", "2026"]
    text = "泽瑞汽车预计四季度月均交付量将稳定在5万辆以上。"
    assert one(extract_text(text, published="2024-08-29"), "50000").horizon.label == "2024-Q4"


def test_a_sentence_without_a_company_continues_the_previous_one():
    text = ("Zentrix Holdings is the main subject here. Zentrix Holdings reported results. "
            "Nvidia reported revenue of 30.04 billion US dollars in the quarter. "
            "The gross margin was 75.1%.")
    facts = extract_text(text, published="2024-08-29")
    assert one(facts, "75.1").subject.name == "Nvidia"


def test_a_growth_rate_is_a_change_of_its_metric():
    text = ("Morgan Stanley expects Zentrix's cloud revenue growth to accelerate to 7% "
            "year-on-year in the June quarter.")
    facts = extract_text(text, published="2024-05-15")
    assert len(facts) == 1
    fact = facts[0]
    assert fact.metric == "revenue" and fact.value is None
    assert (fact.change.amount, fact.change.direction, fact.change.basis) == (
        Decimal("7"), "up", "yoy")


@pytest.mark.parametrize("text, amount, change", [
    ("Tencent Cloud followed by lowering the price of Hunyuan-Pro by about 55% to 0.03 yuan per "
     "thousand tokens.", "0.03", ("55", "down")),
    ("Goldman Sachs raised its target price for Zentrix's shares by 10% to HK$165.", "165",
     ("10", "up")),
    ("二级市场上，8月28日，泽瑞汽车美股收涨1.9%，报21.35美元/股。", "21.35", ("1.9", "up")),
])
def test_a_change_by_x_to_y_is_one_fact(text, amount, change):
    facts = extract_text(text, published="2024-08-29")
    fact = one(facts, amount)
    assert (fact.change.amount, fact.change.direction) == (Decimal(change[0]), change[1])
    assert len(facts) == 1


def test_a_restated_equivalent_is_no_fact():
    text = ("In the quarter, Zentrix repurchased 524 million ordinary shares (equivalent to 65.5 "
            "million ADS) for a total of US$4.8 billion.")
    amounts = {f.value.amount for f in extract_text(text, published="2024-05-15") if f.value}
    assert Decimal("65500000") not in amounts


def test_a_listed_subsidiary_reports_as_its_parent_only_in_the_parents_article():
    own = ("NetEase reported revenue of 25.5 billion yuan in the second quarter. NetEase's games "
           "grew. Cloud Music net revenues were 2.0 billion yuan.")
    other = ("Tencent Music reported revenue of 7.0 billion yuan in the second quarter. Tencent "
             "Music's users grew. NetEase Cloud Music net revenues were 2.0 billion yuan.")
    assert one(extract_text(own, published="2024-08-16"), "2000000000").subject.name == "NetEase"
    assert one(extract_text(other, published="2024-08-16"), "2000000000").subject.name == \
        "NetEase Cloud Music"


def test_it_continues_the_company_just_named_and_annual_names_no_year():
    text = ("SAIC Motor sold 1.2 million vehicles overseas last year. It aims to sell more than "
            "1.5 million vehicles overseas in 2025. BYD will build a plant with an annual capacity "
            "of 150,000 units, which is expected to start production by the end of 2026.")
    facts = extract_text(text, published="2024-09-13")
    assert one(facts, "1500000").subject.name == "SAIC Motor"
    assert one(facts, "150000").horizon.label == "2026"


def test_a_metric_after_the_figure_may_run_past_a_comma():
    text = ("As of June 30, 2024, the company had 331.6 billion yuan in cash, cash equivalents "
            "and short-term investments.")
    assert one(extract_text(text, published="2024-08-27"), "331600000000").metric == "cash"


@pytest.mark.parametrize("text, amount, check", [
    ("净利润为15.9亿元，同比增长29.5%；归属于公司股东的净利润为14.5亿元，同比增长23.3%。",
     "1450000000", lambda f: f.metric == "net_profit_attributable"),
    ("非国际财务报告准则下，归属于公司股东的净利润为19.2亿元，同比增长31.6%。",
     "1920000000", lambda f: f.metric == "adjusted_net_profit"),
    ("二季度产品开发费用为7.5亿元，同比增长1.4%。", "750000000",
     lambda f: f.metric == "rd_expense"),
    ("广告服务收入则实现约30%的同比增长。", "30",
     lambda f: f.value is None and f.change.direction == "up" and f.metric == "revenue"),
])
def test_chinese_phrasings_of_results(text, amount, check):
    facts = extract_text(text, published="2024-08-14")
    fact = next(f for f in facts if (f.value or f.change).amount == Decimal(amount))
    assert check(fact)


def test_a_comparison_with_last_quarter_does_not_move_the_report_period():
    text = ("二季度，泽瑞音乐总营收为70.2亿元。付费用户月均收入为11.0元，高于上一季度的10.7元。"
            "在线音乐移动端月活跃用户为5.55亿。")
    facts = extract_text(text, published="2024-08-14")
    assert one(facts, "555000000").period.label == "2024-Q2"


@pytest.mark.parametrize("text, modality", [
    ("Alibaba said that its overall Chinese capability has caught up with GPT-4 Turbo.", "claim"),
    ("The open-world game \"Where Winds Meet\" is scheduled to be launched in China by the end "
     "of the year.", "plan"),
])
def test_claims_and_plans_side_by_side(text, modality):
    assert [f.modality for f in extract_text(text, published="2024-08-16")] == [modality]


def test_a_price_band_is_no_figure_but_a_growth_floor_is():
    band = "泽瑞称，其L6的续航表现优于同价位的特斯拉Model Y，是“30万元以内最好的家庭SUV”。"
    assert all(f.value is None for f in extract_text(band, published="2024-08-29"))
    floor = "预计2024年全年音乐订阅收入将保持20%以上的同比增长。"
    assert any(f.change is not None and f.change.amount == Decimal("20")
               for f in extract_text(floor, published="2024-08-14"))


@pytest.mark.parametrize("text, amount", [
    ("The board of directors approved a dividend of US$0.435 per ADS for the second quarter, "
     "which will be paid on or around September 13.", "0.435"),
    ("此外，公司董事会已批准2023财年年度现金股息，每股ADS 0.14美元，预计将于今年9月派发。", "0.14"),
])
def test_an_approved_dividend_is_a_plan(text, amount):
    assert one(extract_text(text, published="2024-08-16"), amount).modality == "plan"


def test_a_product_named_as_an_instrument_is_not_the_subject():
    text = ("In the first half, iFLYTEK's revenue rose. Powered by the Xinghuo model, the average "
            "monthly use of some smart hardware products has exceeded 40 million times.")
    fact = one(extract_text(text, published="2024-08-20"), "40000000")
    assert fact.subject.name == "iFLYTEK"


@pytest.mark.parametrize("text, lang, metric, subject", [
    ("Apple accounted for 20% of global smartphone shipments in the quarter.", "en",
     "market_share", "Apple"),
    ("IDC predicts that AI PCs will make up 50% of China's PC shipments in 2025.", "en",
     "adoption_rate", "China AI PC market"),
    ("In August, new energy vehicles accounted for 44.8% of total new car sales in China.", "en",
     "adoption_rate", "China new energy vehicle market"),
    ("8月，中国新能源汽车占新车总销量的44.8%。", "zh", "adoption_rate",
     "China new energy vehicle market"),
])
def test_a_share_of_units_sold_depends_on_who_holds_it(text, lang, metric, subject):
    fact = one(extract_text(text, lang=lang, published="2024-09-12"), "44.8" if "44.8" in text
               else "50" if "50%" in text else "20")
    assert (fact.metric, fact.subject.name, fact.change) == (metric, subject, None)


@pytest.mark.parametrize("text, market", [
    ("Data from Canalys show that mainland China's cloud spending grew 11% to US$9.1 billion.",
     "China cloud market"),
    ("Globally, cloud spending rose 19% year-on-year to US$78.2 billion, Canalys said.",
     "global cloud market"),
])
def test_a_region_owning_a_category_names_its_market(text, market):
    article = "Alibaba Cloud revenue rose 6% to 26.5 billion yuan in the quarter. " + text
    fact = next(f for f in extract_text(article, published="2024-09-12")
                if f.value and f.value.unit == "USD")
    assert (fact.subject.name, fact.metric) == (market, "market_size")


def test_a_respectively_list_of_unknown_names_ranks_on_the_market():
    text = ("By vendor, Dell took more than 50% of the market, followed by Qorvane and "
            "Belmora with 12.3% and 9.1% respectively.")
    facts = extract_text(text, published="2024-08-09")
    assert [(f.subject.name, f.metric) for f in facts] == [
        ("Dell", "market_share"), ("Qorvane", "market_share"), ("Belmora", "market_share")]


@pytest.mark.parametrize("text, amount, metric, modality", [
    ("Adjusted EBITDA and adjusted net profit were 15.8 billion yuan and 13.6 billion yuan "
     "respectively.", "15800000000", "other", "reported"),
    ("对于第三季度，泽瑞给出的指引为：收入环比增长13%至15%，毛利率介于18%至20%之间。", "18",
     "gross_margin", "forecast"),
    ("8月8日，泽瑞A股收报46.80元/股，涨0.95%。", "46.8", "share_price", "reported"),
])
def test_metric_and_modality_words(text, amount, metric, modality):
    lang = "en" if text.isascii() else "zh"
    fact = one(extract_text(text, lang=lang, published="2024-08-09"), amount)
    assert (fact.metric, fact.modality) == (metric, modality)


def test_a_paragraph_on_the_half_year_does_not_move_the_quarter_report():
    text = ("二季度，泽瑞实现收入19.01亿美元，同比增长21.8%。\n\n"
            "上半年，泽瑞累计实现收入36.51亿美元，同比增长23.2%。\n\n"
            "从收入结构看，来自中国区的收入占比为80.3%。")
    facts = extract_text(text, lang="zh", published="2024-08-09")
    assert one(facts, "3651000000").period.label == "2024-H1"
    assert one(facts, "80.3").period.label == "2024-Q2"


@pytest.mark.parametrize("text, amount, horizon", [
    ("Zentrix posted revenue of 8.2 billion yuan in the second quarter, higher than the "
     "8.1 billion yuan expected by analysts.", "8100000000", "2024-Q2"),
    ("二季度，泽瑞实现收入19.01亿美元，同比增长21.8%，高于此前给出的5%至7%的环比增长指引。", None,
     "2024-Q2"),
])
def test_an_expectation_beaten_is_about_the_quarter_just_reported(text, amount, horizon):
    facts = extract_text(text, lang="en" if text.isascii() else "zh", published="2024-08-29")
    expected = [f for f in facts if f.modality == "forecast"]
    fact = one(expected, amount) if amount else expected[0]
    assert fact.horizon.label == horizon


def test_a_conversion_in_chinese_parentheses_is_no_second_figure():
    text = "二季度，泽瑞实现收入19.01亿美元（约合人民币135亿元），同比增长21.8%。"
    facts = extract_text(text, lang="zh", published="2024-08-09")
    assert [(f.value.amount, f.change.amount) for f in facts] == [(1901000000, Decimal("21.8"))]


@pytest.mark.parametrize("text, lang", [
    ("二季度泽瑞产能利用率为85.2%，较一季度的80.8%提升4.4个百分点。", "zh"),
    ("Zentrix's utilization rate was 85.2% in the second quarter, compared with 80.8% in the "
     "first quarter, up 4.4 percentage points.", "en"),
])
def test_a_change_after_a_compared_level_belongs_to_the_current_one(text, lang):
    facts = extract_text(text, lang=lang, published="2024-08-09")
    current, earlier = one(facts, "85.2"), one(facts, "80.8")
    assert (current.change.amount, current.change.basis) == (Decimal("4.4"), "vs_previous")
    assert earlier.change is None and earlier.period.label == "2024-Q1"


@pytest.mark.parametrize("text, basis", [
    ("Zentrix revenue was 8.2 billion yuan. On a quarter-on-quarter basis, revenue grew 12.2%.",
     "qoq"),
    ("Zentrix's gross margin was 39.6%, up 3.5 percentage points from the same period last year.",
     "yoy"),
    ("泽瑞出货量为500万台。环比来看，二季度出货量增长12.2%。", "qoq"),
])
def test_the_basis_of_a_change(text, basis):
    facts = extract_text(text, lang="en" if text.isascii() else "zh", published="2024-08-29")
    changed = [f for f in facts if f.change is not None]
    assert [f.change.basis for f in changed] == [basis]


@pytest.mark.parametrize("text, lang, absent", [
    ("折合8英寸标准逻辑的晶圆出货量为211.2万片，环比增长18.2%。", "zh", "8"),
    ("Zentrix is developing 5-nanometer chips; its revenue rose 20% to 3 billion yuan.", "en", "5"),
])
def test_a_size_is_not_a_figure(text, lang, absent):
    facts = extract_text(text, lang=lang, published="2024-08-09")
    assert facts and all(f.value is None or f.value.amount != Decimal(absent) for f in facts)


def test_a_change_in_units_is_no_change_of_a_money_level():
    text = "泽瑞2024年资本开支计划约为75亿美元，年内计划新增约6万片月产能。"
    capex = one(extract_text(text, lang="zh", published="2024-08-09"), "7500000000")
    assert capex.change is None


@pytest.mark.parametrize("text, lang, direction, rival", [
    ("Zentrix also claimed that its average delivery time is about 30% shorter than that of its "
     "rival Qorvane.", "en", "down", "Qorvane"),
    ("Zentrix said that its Velo X2 chip scored about 20% higher than Nvidia's A100.", "en", "up",
     "Nvidia A100"),
    ("小米表示，其新款空调在同等工况下的能耗比格力同类产品低约15%。", "zh", "down",
     "Gree Electric Appliances"),
])
def test_an_edge_over_a_named_rival_is_a_claim(text, lang, direction, rival):
    facts = extract_text(text, lang=lang, published="2024-08-29")
    claim = next(f for f in facts if f.change is not None)
    assert (claim.modality, claim.change.direction, claim.object.name) == ("claim", direction,
                                                                          rival)
    assert claim.value is None and claim.change.basis is None


def test_a_comparison_nobody_claims_stays_a_reported_figure():
    facts = extract_text("Apple's revenue was 20% higher than Samsung's in the quarter.",
                         published="2024-08-29")
    assert [f.modality for f in facts] == ["reported"]


def test_a_further_change_is_a_change():
    fact = one(extract_text("Zentrix revenue rose a further 12% to 3 billion yuan.",
                            published="2024-08-29"), "3000000000")
    assert (fact.change.amount, fact.change.direction) == (Decimal("12"), "up")


def test_a_share_of_revenue_by_product_line_stays_with_the_company():
    text = "二季度小米收入19亿美元。按应用分类，智能手机收入占比为32.0%，工业与汽车占比8.0%。"
    facts = extract_text(text, lang="zh", published="2024-08-09")
    shares = [f for f in facts if f.metric == "revenue_share"]
    assert [f.subject.name for f in shares] == [facts[0].subject.name] * 2
    assert shares[0].subject.type == "company"


def test_a_plan_of_the_company_names_the_company_not_what_it_invests_in():
    text = ("Meituan revenue rose 21% in the second quarter. Wang Xing said that the company will "
            "continue to invest in Instashopping and Keeta.")
    plan = next(f for f in extract_text(text, published="2024-08-29") if f.modality == "plan")
    assert plan.subject.name == "Meituan"


@pytest.mark.parametrize("text, lang, subject", [
    ("Alibaba revenue rose 4%. Baidu chief executive Robin Li said that the company will keep "
     "launching lower-cost models.", "en", "Baidu"),
    ("科大讯飞上半年营收93亿元。刘庆峰表示，公司仍将保持对星火大模型的投入力度，不会因短期利润波动而收缩。",
     "zh", "iFLYTEK"),
])
def test_the_company_is_the_one_named_before_else_the_articles(text, lang, subject):
    facts = extract_text(text, lang=lang, published="2024-08-29")
    statement = next(f for f in facts if f.kind == "forward_looking")
    assert statement.subject.name == subject


def test_a_count_of_a_named_product_is_the_products():
    text = "SemiAnalysis expects that Nvidia will deliver more than 1 million H20 chips this year."
    fact = one(extract_text(text, published="2024-08-20"), "1000000")
    assert (fact.subject.name, fact.subject.type) == ("Nvidia H20", "product")


@pytest.mark.parametrize("text, amount, metric", [
    ("Zentrix's goal is to increase the number of drone delivery routes to more than 100 by the "
     "end of 2025.", "100", "other"),
    ("Zentrix expects the number of enterprise customers using its model to exceed 100,000.",
     "100000", "users"),
    ("The number of downloads of the Zentrix app has surged to 131 million.", "131000000",
     "downloads"),
])
def test_the_number_of_something_is_a_count_of_its_head_noun(text, amount, metric):
    fact = one(extract_text(text, published="2024-08-29"), amount)
    assert (fact.value.unit, fact.metric) == ("count", metric)


@pytest.mark.parametrize("text, lang", [
    ("Meituan revenue rose 21%. Some analysts believe that competition will continue to weigh on "
     "Meituan's revenue growth.", "en"),
    ("美团营收增长21%。业内人士认为，抖音的竞争将继续拖累美团到店业务的收入增长。", "zh"),
])
def test_what_analysts_say_a_company_will_do_is_a_forecast(text, lang):
    facts = extract_text(text, lang=lang, published="2024-08-29")
    assert [f.modality for f in facts if f.kind == "forward_looking"] == ["forecast"]


def test_a_list_of_figures_takes_the_list_of_months_written_after_it():
    text = ("By month, Zentrix delivered 15,620 units, 20,544 units and 21,209 units in April, "
            "May and June respectively.")
    facts = extract_text(text, published="2024-09-06")
    assert [f.period.label for f in facts] == ["2024-04", "2024-05", "2024-06"]


def test_report_figures_keep_the_quarter_around_comparisons_and_month_asides():
    text = ("NIO delivered 57,373 vehicles in the second quarter, an increase of 143.9% "
            "year-on-year and 90.9% quarter-on-quarter. In July, NIO delivered 20,498 vehicles."
            "\n\nVehicle margin was 12.2%, compared with 6.2% in the second quarter of 2023 and "
            "9.2% in the first quarter of 2024. The net loss was 5.05 billion yuan.")
    facts = extract_text(text, published="2024-09-06")
    qoq = next(f for f in facts if f.change and f.value is None)
    assert (qoq.change.amount, qoq.change.basis) == (Decimal("90.9"), "qoq")
    margin = one(facts, "12.2")
    assert (margin.metric, margin.period.label) == ("gross_margin", "2024-Q2")
    assert one(facts, "9.2").period.label == "2024-Q1"
    assert one(facts, "-5050000000").period.label == "2024-Q2"


def test_an_old_quarter_named_in_passing_is_no_report_period():
    text = ("China exported 523,000 vehicles in August, up 25.8% from the fourth quarter of 2023 "
            "average.\n\nNew energy vehicle exports were 98,000 units.")
    facts = extract_text(text, published="2024-09-12")
    assert one(facts, "98000").period.label == "2024-08"


@pytest.mark.parametrize("text, amount, check", [
    ("Zentrix claimed that the computing power of a single ZX90 is four times that of Nvidia's "
     "A100.", None, lambda f: (f.modality, f.change.unit, f.metric) == ("claim", "x", "other")),
    ("Zentrix plans to add about 1,000 stations this year, bringing the total to more than 3,300 "
     "by the end of 2024.", "3300", lambda f: f.value.unit == "count"),
    ("Samsung's share was stable at 9% in the quarter.", "9",
     lambda f: f.change is None and f.metric == "market_share"),
    ("Counterpoint said smartwatches priced above US$300 accounted for 32% of shipments.", "300",
     None),
    ("Morgan Stanley expects Zentrix to deliver 225,000 vehicles in 2024, and raised its target "
     "price from US$5.0 to US$6.5.", "6.5", lambda f: f.horizon is None),
    ("In July, Zentrix delivered 20,498 vehicles, down 3.4% from June.", "20498",
     lambda f: f.change.basis == "vs_previous"),
])
def test_more_phrasings(text, amount, check):
    facts = extract_text(text, published="2024-09-06")
    if check is None:  # a price band is no figure
        assert all(f.value is None or f.value.amount != Decimal(amount) for f in facts)
        return
    fact = one(facts, amount) if amount else next(f for f in facts if f.kind == "forward_looking")
    assert check(fact)


@pytest.mark.parametrize("text, amount, expected", [
    ("截至6月末，小米在全球布局了35个工业园和143个制造中心，其中海外制造中心超过60个。", "60",
     ("other", "count")),
    ("Temu now operates in more than 70 countries.", "70", ("other", "count")),
    ("小米计划年内在海外新增3个生产基地。", "3", ("other", "count")),
    ("小米销售费用率和管理费用率分别为14.5%和4.3%。", "4.3", ("other", "%")),
])
def test_counts_of_sites_and_ratios(text, amount, expected):
    fact = one(extract_text(text, lang="en" if text.isascii() else "zh",
                            published="2024-08-29"), amount)
    assert (fact.metric, fact.value.unit) == expected and fact.change is None


def test_a_count_of_things_owned_is_no_business_figure():
    assert extract_text("He owns 3 cars.", published="2024-08-29") == []


def test_a_debt_ratio_against_the_start_of_the_year():
    text = "截至6月30日，小米货币资金约为540亿元，资产负债率为57.9%，较年初下降1.1个百分点。"
    fact = one(extract_text(text, lang="zh", published="2024-08-29"), "57.9")
    assert (fact.metric, fact.change.basis) == ("other", "vs_previous")


def test_a_band_named_by_a_scale_word_is_no_figure():
    text = "高端品牌卡萨帝收入同比增长超过8%，在万元以上高端冰箱市场的份额保持领先。"
    facts = extract_text(text, lang="zh", published="2024-08-29")
    assert [f.change.amount for f in facts] == [Decimal("8")]


def test_a_compared_figure_is_the_same_measure_of_the_same_subject():
    text = ("Counterpoint said smartwatches priced above US$300 accounted for 32% of global "
            "shipments in the quarter, up from 28% a year earlier.")
    facts = extract_text(text, published="2024-06-20")
    now, before = one(facts, "32"), one(facts, "28")
    assert (before.metric, before.subject.name) == (now.metric, now.subject.name)


def test_a_rate_after_a_forecast_figure_shares_its_subject_and_the_figures_horizon():
    text = ("Huawei shipments rose 40% in the quarter. By 2028, global wearables shipments are "
            "expected to reach 625.8 million units, a compound annual growth rate of 3.1% from "
            "2023 to 2028.")
    facts = extract_text(text, published="2024-06-20")
    level, rate = one(facts, "625800000"), one(facts, "3.1")
    assert level.horizon.label == "2028" and rate.horizon.label == "2023/2028"
    assert rate.subject.name == level.subject.name


def test_the_earlier_level_of_a_forecast_is_a_reported_figure():
    text = ("IDC forecasts that global wearable device shipments will increase 4.1% to 559.7 "
            "million units in 2024, up from 537.6 million units in 2023.")
    facts = extract_text(text, published="2024-06-20")
    coming, past = one(facts, "559700000"), one(facts, "537600000")
    assert (coming.modality, coming.change.basis) == ("forecast", "vs_previous")
    assert (past.modality, past.period.label) == ("reported", "2023")


@pytest.mark.parametrize("text, amount, metric", [
    ("Gartner predicts that by 2027, more than 50% of large Chinese enterprises will deploy "
     "generative AI applications.", "50", "adoption_rate"),
    ("Canalys forecasts that AI PCs will account for about 20% of global PC shipments in 2025, "
     "and the proportion will reach 60% by 2027.", "60", "adoption_rate"),
    ("IDC predicts that AI PCs will make up more than 50% of China's PC shipments in 2025 and "
     "85% in 2028.", "85", "adoption_rate"),
    ("截至二季度末，腾讯音乐在线音乐付费率为21.1%。", "21.1", "adoption_rate"),
    ("宁德时代上半年锂离子电池销量约210GWh，其中储能电池销量占比约两成。", "20", "other"),
    ("JD.com said that the average number of orders per annual active user grew more than 20% "
     "year-on-year.", "20", "other"),
])
def test_shares_rates_and_ratios(text, amount, metric):
    facts = extract_text(text, lang="en" if text.isascii() else "zh", published="2024-09-12")
    fact = next(f for f in facts if (f.value or f.change).amount == Decimal(amount))
    assert fact.metric == metric


def test_a_participle_is_a_change():
    text = "Apple's Mac shipments rising 20.8% year-on-year to about 5.5 million units."
    fact = one(extract_text(text, published="2024-07-10"), "5500000")
    assert (fact.change.amount, fact.change.basis) == (Decimal("20.8"), "yoy")


def test_a_plan_joined_to_a_past_figure_keeps_its_own_time():
    text = ("In the first half of the year, Baidu repurchased a total of 860 million US dollars, "
            "and the company will continue to return value to shareholders.")
    facts = extract_text(text, published="2024-08-22")
    assert [f.modality for f in facts] == ["reported", "plan"]


def test_insiders_forecast_the_market_being_discussed():
    text = ("China's car exports rose 25.8% to 523,000 vehicles in August. Industry insiders "
            "expect exports to Russia to slow down in the coming months.")
    facts = extract_text(text, published="2024-09-12")
    forecast = next(f for f in facts if f.kind == "forward_looking")
    assert (forecast.modality, forecast.subject.type) == ("forecast", "market")


def test_a_hyphenated_model_name_makes_the_claim():
    text = ("Zentrix said that its Velora-3 scored 20% higher than Nvidia's A100. The company also "
            "claimed that the training performance of Velora-3 is comparable to the A100.")
    facts = extract_text(text, published="2024-07-18")
    assert [(f.modality, f.subject.name) for f in facts] == [("claim", "Velora-3")] * 2


def test_top_ten_is_no_product():
    facts = extract_text("The Top-10 vendors took 80% of the market.", published="2024-07-18")
    assert all(f.subject is None or f.subject.name != "Top-10" for f in facts)


@pytest.mark.parametrize("text, lang", [
    ("China's module exports reached 129 GW in the first half, up 21% year-on-year.", "en"),
    ("上半年锂离子电池销量约210GWh，同比增长约18%。", "zh"),
])
def test_energy_figures_are_no_values_but_their_changes_count(text, lang):
    facts = extract_text(text, lang=lang, published="2024-08-30")
    assert len(facts) == 1 and facts[0].value is None and facts[0].change is not None


def test_double_digits_in_chinese_are_no_number():
    facts = extract_text("携程营收同比增长14%，出境游收入实现两位数增长。", lang="zh",
                         published="2024-08-27")
    assert [f.change.amount for f in facts] == [Decimal("14")]


def test_business_groups_report_as_the_company():
    text = ("Lenovo Group revenue rose 20% to US$15.45 billion. The Intelligent Devices Group "
            "(IDG) recorded revenue of US$11.2 billion. The Infrastructure Solutions Group "
            "(ISG) was the highlight. ISG's operating loss narrowed to US$2 million.")
    facts = extract_text(text, published="2024-08-09")
    assert {f.subject.name for f in facts} == {"Lenovo"}


def test_a_change_since_a_point_is_against_that_point():
    text = "Lenovo's shares closed at HK$9.5 on Thursday and have risen about 20% since the " \
           "beginning of the year."
    fact = one(extract_text(text, published="2024-08-09"), "9.5")
    assert fact.change.basis == "vs_previous"


def test_the_quarter_of_a_fiscal_report_has_no_calendar_label():
    text = ("Applied Materials' revenue for the third fiscal quarter rose 5% to 6.78 billion US "
            "dollars. China contributed 32% of its revenue in the quarter.")
    fact = one(extract_text(text, published="2024-08-16"), "32")
    assert fact.period is not None and fact.period.label is None


def test_a_recovery_to_a_past_level_is_dated_by_the_report_not_the_base():
    text = ("二季度，携程入境游预订量同比增长超过100%，"
            "出境酒店和机票预订已恢复至2019年同期的120%以上。")
    facts = extract_text(text, lang="zh", published="2024-08-27")
    assert [f.period.label for f in facts] == ["2024-Q2", "2024-Q2"]


def test_a_comparison_across_a_semicolon_does_not_date_the_next_figure():
    text = "二季度归属于携程集团股东的净利润为39亿元，去年同期为31亿元；每股收益为5.73元。"
    facts = extract_text(text, lang="zh", published="2024-08-27")
    assert [(f.metric, f.period.label) for f in facts] == [
        ("net_profit_attributable", "2024-Q2"), ("net_profit_attributable", "2023-Q2"),
        ("eps", "2024-Q2")]


@pytest.mark.parametrize("text, amount, check", [
    ("住宿预订和交通票务两大业务收入占净营业收入的比重分别约为42%和38%。", "38",
     lambda f: f.value.qualifier == "approx"),
    ("Non-PC businesses contributed about 46% of the group's revenue, up 4 percentage points "
     "from a year earlier.", "46", lambda f: (f.metric, f.change.amount) == ("revenue_share", 4)),
    ("Net profit rose 38% to US$243 million from US$176 million in the same period last year.",
     "243000000", lambda f: f.change.basis == "vs_previous"),
    ("Revenue in China, Asia Pacific and the Americas grew 10%, 32% and 17% year-on-year "
     "respectively.", "10", lambda f: f.change.basis == "yoy"),
    ("Lenovo revenue rose 20% in the quarter. AI PCs accounted for about 8% of the group's total "
     "PC shipments in the quarter.", "8",
     lambda f: (f.metric, f.subject.name) == ("adoption_rate", "Lenovo")),
])
def test_lists_shares_and_bases(text, amount, check):
    facts = extract_text(text, lang="en" if text.isascii() else "zh", published="2024-08-27")
    fact = next(f for f in facts if (f.value or f.change).amount == Decimal(amount))
    assert check(fact)


@pytest.mark.parametrize("text, amount, check", [
    ("Basic earnings per share were 1.96 US cents.", "0.0196",
     lambda f: (f.metric, f.value.unit) == ("eps", "USD")),
    ("Lenovo expects revenue of US$65.5 billion for the fiscal year ending March 2025.",
     "65500000000", lambda f: f.horizon.label == "2024-04/2025-03"),
    ("Zentrix claimed that its laptop offers about 20% longer battery life than Apple's MacBook "
     "Air.", None, lambda f: (f.modality, f.object.name) == ("claim", "MacBook Air")),
    ("Lenovo revenue rose 20% to US$15.45 billion in the quarter. The figure was higher than the "
     "average analyst estimate of US$14.9 billion.", "14900000000",
     lambda f: (f.metric, f.modality) == ("revenue", "forecast")),
])
def test_cents_fiscal_spans_rivals_and_the_figure(text, amount, check):
    facts = extract_text(text, published="2024-08-09")
    fact = one(facts, amount) if amount else next(f for f in facts if f.modality == "claim")
    assert check(fact)


@pytest.mark.parametrize("text, lang", [
    ("LONGi has cut about 5% of its workforce this year.", "en"),
    ("员工方面，一季度小米员工总数净减少134人。", "zh"),
])
def test_a_change_in_staff_is_a_headcount_change(text, lang):
    facts = extract_text(text, lang=lang, published="2024-08-30")
    assert [f.metric for f in facts] == ["headcount_change"]


def test_a_list_of_changes_goes_to_the_levels_before_it():
    text = "贷款和垫款总额约6.84万亿元，客户存款总额约8.62万亿元，较上年末分别增长4.98%和5.69%。"
    facts = extract_text(text, lang="zh", published="2024-08-30")
    assert [(f.value.amount, f.change.amount) for f in facts] == [
        (Decimal("6840000000000"), Decimal("4.98")), (Decimal("8620000000000"), Decimal("5.69"))]


def test_the_same_period_counts_back_from_the_report_when_the_sentence_names_a_later_one():
    text = ("TSMC revenue rose 40% in the second quarter. Gross margin was 53.2%, up 0.1 "
            "percentage points quarter-on-quarter but lower than 54.1% in the same period last "
            "year; operating margin rose to 42.5% from 42.0% in the first quarter.")
    fact = one(extract_text(text, published="2024-07-19"), "54.1")
    assert (fact.period.label, fact.value.qualifier) == ("2023-Q2", "exact")


@pytest.mark.parametrize("text, lang, amount, check", [
    ("The largest IPO was ChaPanda, which raised HK$2.59 billion, but its shares plunged 26.9% "
     "on their debut.", "en", "2590000000", lambda f: (f.metric, f.change) == ("funding", None)),
    ("招商银行交出了一份营收、净利润双双小幅下滑的半年报，营收同比下降3.09%。", "zh", None,
     lambda facts: all(f.value is None or f.value.amount != 1 for f in facts)),
    ("其中，月日均总资产在50万元及以上的客户达491.86万户。", "zh", None,
     lambda facts: all(f.value is None or f.value.amount != 500000 for f in facts)),
])
def test_raised_money_one_copy_and_bands(text, lang, amount, check):
    facts = extract_text(text, lang=lang, published="2024-08-30")
    assert check(one(facts, amount) if amount else facts)


def test_guidance_goes_on_for_the_quarter_named_in_the_sentence_before():
    text = ("For the third quarter, TSMC expects revenue to be between US$22.4 billion and US$23.2 "
            "billion. Gross margin is expected to be between 53.5% and 55.5%.")
    fact = one(extract_text(text, published="2024-07-19"), "53.5")
    assert (fact.modality, fact.horizon.label, fact.horizon.text) == ("forecast", "2024-Q3", None)


def test_a_data_source_is_no_subject_and_a_roundup_has_no_main_company():
    text = ("The US market remained the most active, with IPO proceeds rising 41% year-on-year to "
            "about US$17.3 billion in the first half, according to Renaissance Capital. "
            "The largest IPO was ChaPanda, which raised HK$2.59 billion, while Meituan and "
            "Xiaomi also listed.")
    facts = extract_text(text, published="2024-07-03")
    us = one(facts, "17300000000")
    assert (us.subject.name, us.subject.type) == ("US IPO market", "market")


@pytest.mark.parametrize("text, amount", [
    ("According to Deloitte, 30 companies listed on the Hong Kong Stock Exchange in the first "
     "half of 2024.", "30"),
    ("PwC expects 100 to 120 companies to list on the A-share market for the whole of 2024.",
     "100"),
    ("HKEX had received more than 100 active listing applications as of the end of June.",
     "100"),
])
def test_counts_of_listings(text, amount):
    fact = one(extract_text(text, published="2024-07-03"), amount)
    assert (fact.value.unit, fact.metric) == ("count", "other")


@pytest.mark.parametrize("text, check", [
    ("TSMC expects revenue to be between US$22.4 billion and US$23.2 billion, based on an exchange "
     "rate assumption of 1 US dollar to 32.5 New Taiwan dollars.",
     lambda facts: [f.value.amount for f in facts] == [Decimal("22400000000")]),
    ("Revenue from HPC increased 28% quarter-on-quarter, and its share of total revenue rose "
     "from 46% in the first quarter to 52%.",
     lambda facts: one(facts, "46").metric == "revenue_share"),
    ("Wei said that the company now expects its 2024 revenue to grow by slightly more than 25%.",
     lambda facts: facts[0].change.amount == 25),
    ("He reiterated that the long-term gross margin target of 53% and higher is achievable.",
     lambda facts: facts[0].value.qualifier == "at_least"),
    ("The company's capital budget for 2024 has been narrowed to between US$30 billion and "
     "US$32 billion.", lambda facts: facts[0].metric == "capex"),
])
def test_guidance_phrasings(text, check):
    assert check(extract_text(text, published="2024-07-19"))


@pytest.mark.parametrize("text, lang, amount", [
    ("截至6月末，招商银行资产总额为11.47万亿元，管理零售客户总资产（AUM）余额为14.08万亿元。", "zh",
     "14080000000000"),
    ("As of June 30, total assets were 11.47 trillion yuan.", "en", "11470000000000"),
])
def test_balance_sheet_items_are_other(text, lang, amount):
    fact = one(extract_text(text, lang=lang, published="2024-08-30"), amount)
    assert fact.metric == "other"


@pytest.mark.parametrize("text, lang, amount", [
    ("China's GDP grew 4.7% in the April-June period from a year earlier.", "en", "4.7"),
    ("上半年，我国社会消费品零售总额同比增长3.7%。", "zh", "3.7"),
])
def test_indicators_of_the_economy_are_the_economys(text, lang, amount):
    facts = extract_text(text, lang=lang, published="2024-07-16")
    fact = next(f for f in facts if (f.value or f.change).amount == Decimal(amount))
    assert (fact.subject.name, fact.subject.type) == ("China economy", "other")


def test_data_is_no_company():
    text = "Data from the NBS show that retail sales rose 2.0% year-on-year in June."
    facts = extract_text(text, published="2024-07-16")
    assert all(f.subject is None or f.subject.name != "Data" for f in facts)


@pytest.mark.parametrize("text, lang, metric, as_change", [
    ("China's GDP grew 4.7% in the second quarter from a year earlier.", "en", "other", True),
    ("Goldman Sachs predicts that generative AI will drive global GDP growth of 7% over the next "
     "10 years.", "en", "gdp_impact", True),
    ("China's retail sales of consumer goods rose 3.7%. Industrial output rose 5.3%. Goldman "
     "Sachs maintained its full-year growth forecast of 4.9% for the Chinese economy.", "en",
     "other", True),
])
def test_growth_of_an_economy(text, lang, metric, as_change):
    facts = extract_text(text, lang=lang, published="2024-07-16")
    fact = facts[-1]
    assert fact.metric == metric and (fact.value is None) == as_change


@pytest.mark.parametrize("text, amount, basis", [
    ("Total revenue was 8.11 billion yuan, up 60.2% from 5.06 billion yuan in the same period "
     "last year and 23.8% from the previous quarter.", "23.8", "qoq"),
    ("Morgan Stanley expects XPeng to deliver about 165,000 vehicles in 2024, nearly 17% more "
     "than last year.", "17", "yoy"),
])
def test_changes_said_after_a_compared_level_or_as_more_than_last_year(text, amount, basis):
    facts = extract_text(text, published="2024-08-21")
    fact = next(f for f in facts if f.change is not None and f.change.amount == Decimal(amount))
    assert (fact.change.direction, fact.change.basis) == ("up", basis)


def test_operating_profit_in_chinese_insurance():
    text = "上半年，中国平安实现归属于母公司股东的营运利润776.78亿元，同比增长6.2%。"
    fact = one(extract_text(text, lang="zh", published="2024-08-23"), "77678000000")
    assert fact.metric == "operating_profit"


@pytest.mark.parametrize("text, modality, label", [
    # a yearless date that has not come yet this year is the coming one, not last year's
    ("Zentrix will raise the monthly price of its Nova plan from US$16.99 to US$19.99 on "
     "September 12.", "plan", "2024-09-12"),
    # a written year sets the year of the quarters, and the narrative "will" stays reported
    ("In 2023, from the first quarter to the fourth quarter, Zentrix's net profit will be 1.1 "
     "billion yuan, 1.2 billion yuan, 1.3 billion yuan and 1.4 billion yuan respectively.",
     "reported", "2023-Q4"),
])
def test_a_yearless_date_under_will_is_this_year_or_next(text, modality, label):
    fact = max(extract_text(text, published="2024-08-28"),
               key=lambda f: f.value.amount if f.value else 0)
    assert fact.modality == modality
    assert (fact.period or fact.horizon).label == label


def test_a_round_up_figure_with_no_subject_is_about_the_market_of_the_lead():
    text = ("Japan's IPO market had a quiet first half.\n\n"
            "According to data released on Tuesday, 30 companies listed in the first half of "
            "2024, compared with 31 a year earlier. The new listings raised a total of 13.1 "
            "billion yen, down 26% year-on-year.")
    facts = extract_text(text, published="2024-07-03")
    raised = one(facts, "13100000000")
    assert raised.subject is not None and raised.subject.name == "Japan IPO market"
    assert raised.subject.type == "market"


def test_a_company_article_keeps_its_company_when_the_lead_names_a_market():
    text = ("Zentrix Inc. said the smartphone market stayed weak.\n\n"
            "Zentrix Inc. reported revenue of 13.1 billion yuan in the first half, and Zentrix "
            "Inc. shipped 2 million phones.")
    raised = one(extract_text(text, published="2024-08-03"), "13100000000")
    assert raised.subject is not None and raised.subject.name == "Zentrix"


def test_a_round_up_naming_two_companies_equally_has_no_main_company():
    text = ("The global games market slowed this year.\n\n"
            "Tencent and NetEase each launched two titles. Tencent said sales were steady, and "
            "NetEase said the same.\n\n"
            "Researchers expect mobile game revenue to grow 2.8% to US$92.6 billion this year.")
    revenue = one(extract_text(text, published="2024-08-28"), "92600000000")
    assert revenue.subject is not None and revenue.subject.type == "market"
    assert "Tencent" not in revenue.subject.name


def test_a_clause_ending_in_market_is_not_a_market_name():
    text = "China remained the largest market, accounting for 40% of equipment sales."
    share = one(extract_text(text, published="2024-08-28"), "40")
    assert share.subject is None or "remained" not in share.subject.name


def test_the_previous_quarter_dates_its_figure_one_quarter_before_the_report():
    text = ("In the second quarter, Zentrix's net revenues were 6.13 billion yuan. Gross margin "
            "reached 29.9%, up from 24.9% in the same period last year and 28.3% in the previous "
            "quarter. Revenue rose 5% from the previous quarter.")
    facts = extract_text(text, published="2024-08-23")
    assert one(facts, "29.9").period.label == "2024-Q2"
    assert one(facts, "24.9").period.label == "2023-Q2"
    assert one(facts, "28.3").period.label == "2024-Q1"
    rise = next(f for f in facts if f.change is not None and f.change.amount == 5)
    assert (rise.change.basis, rise.period.label) == ("qoq", "2024-Q2")


def test_the_second_comparison_point_of_a_list_does_not_date_the_figure():
    text = ("In the second quarter, Zentrix's net revenues were 6.13 billion yuan. The adjusted "
            "net loss was 209 million yuan, narrowing from 1.16 billion yuan a year earlier and "
            "355 million yuan in the first quarter of 2024. Net loss per share was 1.47 yuan.")
    facts = extract_text(text, published="2024-08-23")
    assert one(facts, "-209000000").period.label == "2024-Q2"
    assert one(facts, "-355000000").period.label == "2024-Q1"
    assert one(facts, "-1.47").period.label == "2024-Q2"


def test_shang_jidu_is_the_quarter_before():
    facts = extract_text("二季度，泽瑞毛利率为20.5%，上季度为18.2%。", published="2024-08-23")
    assert one(facts, "18.2").period.label == "2024-Q1"


@pytest.mark.parametrize("text, lang, metric, amount", [
    ("In the second quarter, basic and diluted net loss per share was 1.47 yuan.", "en", "eps",
     "-1.47"),
    ("二季度，泽瑞基本每股亏损为0.35元。", "zh", "eps", "-0.35"),
    ("Diluted earnings per share were 1.2 yuan in the second quarter.", "en", "eps", "1.2"),
    ("In the second quarter, the loss from operations was 500 million yuan.", "en",
     "operating_profit", "-500000000"),
])
def test_losses_per_share_and_from_operations_are_negative(text, lang, metric, amount):
    fact = one(extract_text(text, lang=lang, published="2024-08-23"), amount)
    assert fact.metric == metric


@pytest.mark.parametrize("text, lang, market", [
    ("Data from the statistics bureau showed that China's output of industrial robots reached "
     "330,000 sets in January-July 2024, an increase of 10.2% year-on-year.", "en",
     "China industrial robot market"),
    ("据统计，1-7月中国人形机器人出货量为1.2万台，同比增长50%。", "zh",
     "China humanoid robot market"),
])
def test_robot_categories_make_markets(text, lang, market):
    facts = extract_text(text, lang=lang, published="2024-09-10")
    assert facts and all(f.subject is not None and f.subject.name == market for f in facts)


@pytest.mark.parametrize("text, lang, code", [
    ("Zentrix Automation (002747.SZ) shipped about 13,000 industrial robots in the first half.",
     "en", "2747"),
    ("Zentrix (HK: 9626) shipped about 13,000 robots in the first half.", "en", "9626"),
    ("泽瑞科技（600519.SH）上半年营业收入为834.51亿元。", "zh", "600519"),
])
def test_a_listing_code_is_no_figure(text, lang, code):
    facts = extract_text(text, lang=lang, published="2024-09-10")
    assert facts and all(f.value is None or str(f.value.amount) != code for f in facts)


def test_raising_a_forecast_raises_no_funds():
    text = ("Goldman Sachs raised its forecast for the global humanoid robot market in 2035 to 38 "
            "billion US dollars.")
    fact = one(extract_text(text, published="2024-09-10"), "38000000000")
    assert (fact.metric, fact.modality) == ("market_size", "forecast")


def test_a_plural_common_noun_opening_a_sentence_is_no_company():
    facts = extract_text("Institutions raised their expectations after the results.",
                         published="2024-09-10")
    assert all(f.subject is None or f.subject.name != "Institutions" for f in facts)


@pytest.mark.parametrize("text, lang, day", [
    ("On Tuesday, Zentrix's US-listed shares closed up 4.3% at US$7.77. However, the stock has "
     "still fallen more than 45% since the beginning of the year.", "en", "2024-08-20"),
    ("今年以来，泽瑞股价累计下跌约15%。", "zh", "2024-08-21"),
])
def test_a_share_price_change_since_the_year_began_is_read_on_a_day(text, lang, day):
    facts = extract_text(text, lang=lang, published="2024-08-21")
    since = next(f for f in facts if f.value is None and f.change is not None)
    assert since.metric == "share_price" and since.change.basis == "vs_previous"
    assert since.period.label == day


@pytest.mark.parametrize("text, lang", [
    ("上半年，泽瑞营业收入为834.51亿元。截至报告期末，泽瑞在职员工约3.4万人。", "zh"),
    ("In the first half, Zentrix's revenue was 83.4 billion yuan. As of the end of the reporting "
     "period, Zentrix had about 34,000 employees.", "en"),
])
def test_the_end_of_the_reporting_period_is_its_last_day(text, lang):
    staff = one(extract_text(text, lang=lang, published="2024-08-09"), "34000")
    assert (staff.metric, staff.period.label) == ("employees", "2024-06-30")


def test_a_target_against_last_year_is_year_on_year_and_due_in_its_own_year():
    text = "根据年初制定的经营计划，2024年泽瑞营业总收入力争较上年增长15%左右。"
    fact = next(f for f in extract_text(text, published="2024-08-09") if f.change is not None)
    assert (fact.modality, fact.change.basis, fact.horizon.label) == ("target", "yoy", "2024")


@pytest.mark.parametrize("text, rival", [
    ("Tencent claimed that its Nova service now matches Xbox Cloud Gaming in picture quality.",
     "Xbox Cloud Gaming"),
    ("Tencent claimed that the popularity of its toys has surpassed that of Hello Kitty.",
     "Hello Kitty"),
])
def test_a_claim_against_a_rival_the_gazetteer_lacks(text, rival):
    (claim,) = [f for f in extract_text(text, published="2024-08-28") if f.modality == "claim"]
    assert claim.object is not None and claim.object.name == rival


def test_a_plan_and_a_claim_joined_by_and_are_two_statements():
    text = ("NetEase reported results on Thursday. "
            "The game \"Nova Quest\" is scheduled to be launched in China by the end of the year, "
            "and the company claimed that its PC version runs more smoothly than \"Genshin "
            "Impact\" on mid-range graphics cards.")
    modalities = sorted(f.modality for f in extract_text(text, published="2024-08-28"))
    assert modalities == ["claim", "plan"]


def test_a_ranking_reported_by_a_tracker_is_no_claim():
    text = ("According to TrendForce, Zentrix held 61.7% of the global foundry market in the first "
            "quarter of 2024, far ahead of second-placed Samsung at 11.0%.")
    assert {f.modality for f in extract_text(text, published="2024-06-10")} == {"reported"}


@pytest.mark.parametrize("text, amount, product", [
    ("Zentrix released \"Star Voyage\" on Tuesday. According to Zentrix, the game had sold more "
     "than 10 million copies by August 23.", "10000000", "Star Voyage"),
    ("Zentrix unveiled the Nova X9 phone in May. The phone had sold 2 million units by the end "
     "of June.", "2000000", "Nova X9"),
])
def test_the_game_or_the_phone_is_the_product_named_before(text, amount, product):
    fact = one(extract_text(text, published="2024-08-28"), amount)
    assert fact.subject is not None and fact.subject.name.endswith(product)


def test_a_category_figure_in_a_company_article_is_the_companys_own():
    text = ("In the first half, BYD sold 1.6 million vehicles, up 28% year-on-year. BYD said "
            "exports rose. BYD also cut prices. BYD opened a plant. BYD hired staff.\n\n"
            "Among them, sales of plug-in hybrid vehicles were 320,000 units, a year-on-year "
            "increase of 117%.")
    fact = one(extract_text(text, published="2024-08-21"), "320000")
    assert fact.subject is not None and fact.subject.name == "BYD"


def test_the_source_of_a_figure_is_not_its_subject():
    text = ("According to data from Zentrix Pro, the data platform of Alibaba Pictures, the total "
            "box office of the summer season was 11.64 billion yuan.")
    fact = one(extract_text(text, published="2024-09-02"), "11640000000")
    assert fact.subject is None or fact.subject.name != "Alibaba Pictures"


@pytest.mark.parametrize("text, lang, amount", [
    ("By brand, the Zentrix Nova series sold 213,000 units, nearly 4.5 times that of the same "
     "period last year.", "en", "213000"),
    ("泽瑞新系列销量为21.3万辆，是去年同期的4.5倍。", "zh", "213000"),
])
def test_a_multiple_of_last_years_level_is_a_year_on_year_change(text, lang, amount):
    facts = extract_text(text, lang=lang, published="2024-08-21")
    sold = one(facts, amount)
    assert (sold.change.amount, sold.change.unit, sold.change.basis) == (4.5, "x", "yoy")
    assert len(facts) == 1


@pytest.mark.parametrize("text, amount, metric", [
    ("Excluding one-off items, Zentrix's core net profit attributable to shareholders was 3.28 "
     "billion yuan.", "3280000000", "adjusted_net_profit"),
    ("The rise in Zentrix's profit was mainly due to a one-off gain of about 7.4 billion yuan.",
     "7400000000", "other"),
    ("As of the end of June, Zentrix Film had 717 directly operated cinemas in China.", "717",
     "other"),
])
def test_more_metric_phrasings(text, amount, metric):
    assert one(extract_text(text, published="2024-08-21"), amount).metric == metric


def test_the_group_is_the_articles_company_not_the_investee_named_before():
    text = ("ANTA Sports reported results. ANTA Sports raised revenue. ANTA Sports opened stores. "
            "Its stake in Amer Sports lost value.\n\nAs of June 30, 2024, the group's cash and "
            "cash equivalents amounted to 22.98 billion yuan.")
    cash = one(extract_text(text, published="2024-08-27"), "22980000000")
    assert cash.subject.name == "Anta Sports"


@pytest.mark.parametrize("text, lang, amount, market", [
    ("据IDC统计，2023年中国大模型市场规模为17.65亿元。", "zh", "1765000000",
     "China large model market"),
    ("China's cross-border e-commerce imports and exports reached 1.22 trillion yuan in the first "
     "half of 2024.", "en", "1220000000000", "China cross-border e-commerce market"),
])
def test_more_categories_make_markets(text, lang, amount, market):
    fact = one(extract_text(text, lang=lang, published="2024-09-05"), amount)
    assert fact.subject is not None and fact.subject.name == market
    assert fact.metric == "market_size"


@pytest.mark.parametrize("text, lang, amount", [
    ("截至8月底，泽瑞API日均tokens调用量突破1000亿，约为今年年初的30倍。", "zh", "100000000000"),
    ("Zentrix's daily token usage exceeded 100 billion by the end of August, 30 times the level "
     "at the start of the year.", "en", "100000000000"),
])
def test_a_multiple_of_an_earlier_named_level_is_a_change_against_it(text, lang, amount):
    fact = one(extract_text(text, lang=lang, published="2024-09-05"), amount)
    assert (fact.change.amount, fact.change.unit, fact.change.basis) == (30, "x", "vs_previous")


@pytest.mark.parametrize("text, amounts", [
    ("In the second quarter, the segment's adjusted EBITA was a loss of 3.71 billion yuan, "
     "compared with a loss of 0.65 billion yuan in the same period last year.",
     {("other", -3710000000), ("other", -650000000)}),
    ("In the first half, Zentrix's share of losses of its associate was 150 million yuan.",
     {("other", -150000000)}),
    ("Zentrix recorded a net loss attributable to shareholders of 165 million yuan in the first "
     "half of the year, compared with a net profit of 112 million yuan in the same period last "
     "year.", {("net_profit_attributable", -165000000), ("net_profit_attributable", 112000000)}),
])
def test_losses_of_a_named_measure_are_negative_and_profits_compared_stay_positive(text, amounts):
    facts = extract_text(text, published="2024-08-15")
    assert {(f.metric, int(f.value.amount)) for f in facts} == amounts


@pytest.mark.parametrize("text, lang, amount, metric", [
    ("In the second quarter, Zentrix's equipment billings were 12.21 billion US dollars, "
     "accounting for 45.6% of global billings.", "en", "45.6", "market_share"),
    ("In the first half, Zentrix's advertising and promotional expenses accounted for 13.1% of "
     "revenue.", "en", "13.1", "other"),
    ("截至6月末，泽瑞员工总数超过800人，其中研发人员占比约为75%。", "zh", "75", "other"),
    ("As of June 30, Zentrix had 3,756 full-time employees, of whom about 2,630 were research "
     "and development personnel, accounting for 70% of its workforce.", "en", "70", "other"),
])
def test_what_a_share_is_a_share_of(text, lang, amount, metric):
    assert one(extract_text(text, lang=lang, published="2024-08-15"), amount).metric == metric


def test_a_plan_and_a_numeric_plan_joined_by_a_comma_are_two_facts():
    text = ("对于下半年的经营，泽瑞董事长在业绩说明会上表示，公司将继续推进数字化变革，"
            "计划年内在海外新增3个生产基地。")
    facts = extract_text(text, published="2024-08-30")
    assert sorted((f.modality, f.value is not None) for f in facts) == [("plan", False),
                                                                        ("plan", True)]
    numberless = next(f for f in facts if f.value is None)
    assert numberless.horizon.label == "2024-H2"


def test_a_forecasters_intro_is_not_a_statement_of_its_own():
    text = "华创证券预计，随着中秋、国庆旺季临近，飞天茅台批价有望在9月企稳。"
    assert len(extract_text(text, published="2024-08-09")) == 1


def test_figures_that_will_be_spent_are_a_plan():
    text = ("泽瑞科技拟募集资金不超过39.85亿元。其中，24.60亿元和11.25亿元将分别投向芯片平台项目"
            "和软件平台项目。")
    facts = extract_text(text, published="2024-08-30")
    spent = [f for f in facts if f.metric == "investment"]
    assert len(spent) == 2 and all(f.modality == "plan" for f in spent)


def test_an_investee_is_not_the_subject_of_the_holders_figures():
    text = ("ANTA Sports reported results. ANTA Sports raised revenue. ANTA Sports opened "
            "stores.\n\nProfit attributable to equity shareholders was 10.51 billion yuan, "
            "mainly due to a "
            "one-off gain from the disposal of part of its interest in Amer Sports. Basic earnings "
            "per share were 3.71 yuan.")
    facts = extract_text(text, published="2024-08-27")
    assert {f.subject.name for f in facts if f.value is not None} == {"Anta Sports"}


def test_the_year_of_a_level_compared_with_does_not_date_the_figure():
    text = ("In the second quarter, Zentrix Air carried 11.2 million passengers on international "
            "routes, recovering to about 81% of the 2019 level. Revenue was 3 billion yuan.")
    facts = extract_text(text, published="2024-08-20")
    assert {f.period.label for f in facts if f.value is not None} == {"2024-Q2"}


@pytest.mark.parametrize("text, amount, metric", [
    ("上半年，泽瑞餐饮股东应占溢利20.37亿元，同比下降9.3%。", "2037000000",
     "net_profit_attributable"),
    ("上半年，泽瑞餐饮员工成本为70.20亿元，占收入的32.8%。", "7020000000", "other"),
    ("截至2024年6月30日，泽瑞餐饮共经营1,356家餐厅。", "1356", "other"),
])
def test_hong_kong_style_chinese_report_terms(text, amount, metric):
    assert one(extract_text(text, lang="zh", published="2024-08-27"), amount).metric == metric


def test_a_count_of_a_category_is_its_market_and_a_span_of_months_carries_in_its_paragraph():
    text = ("According to customs data, China imported 312.3 billion integrated circuits in "
            "January-July 2024, a year-on-year increase of 14.5%. The import value was 1.49 "
            "trillion yuan, up 12.1% year-on-year.")
    facts = extract_text(text, published="2024-08-12")
    count = one(facts, "312300000000")
    assert count.subject.name == "China integrated circuit market"
    assert one(facts, "1490000000000").period.label == "2024-01/2024-07"


@pytest.mark.parametrize("text, kept, dropped", [
    ("Lei Jun said the company has raised the SU7's delivery target for 2024 to 120,000 units, "
     "from 100,000 units previously.", "120000", "100000"),
    ("Citi raised Zentrix's target price to HK$21.5 from HK$20.", "21.5", "20"),
])
def test_the_old_figure_of_a_revised_target_is_no_fact(text, kept, dropped):
    amounts = {str(f.value.amount) for f in extract_text(text, published="2024-08-22")
               if f.value is not None}
    assert kept in amounts and dropped not in amounts


def test_a_price_band_is_no_price():
    text = ("In mainland China, the shipment share of smartphones priced at 3,000 yuan and above "
            "reached 24.0%.")
    assert all(f.value.amount != 3000 for f in extract_text(text, published="2024-08-22"))


@pytest.mark.parametrize("text, amount, metric, change", [
    ("The net loss for the first half was 2.46 billion yuan, narrowing by 21.2% year-on-year.",
     "-2460000000", "net_profit", ("21.2", "up", "yoy")),  # a smaller loss: profit is up
    ("It is understood that in 2023, Zentrix will spend more than 100 million US dollars on "
     "computing power.", "100000000", "capex", None),
])
def test_narrowing_losses_and_computing_power_spending(text, amount, metric, change):
    fact = one(extract_text(text, published="2024-08-28"), amount)
    assert fact.metric == metric
    if change:
        assert (str(fact.change.amount), fact.change.direction, fact.change.basis) == change


@pytest.mark.parametrize("text, lang, amount, metric", [
    ("During the summer, the number of domestic tourist trips reached 2.16 billion.", "en",
     "2160000000", "usage"),
    ("上半年，泽瑞餐厅共接待顾客2.06亿人次。", "zh", "206000000", "usage"),
    ("In the second quarter, Zentrix's new orders were 4.7 billion yuan.", "en", "4700000000",
     "other"),
])
def test_uses_of_a_service_are_usage_and_money_is_not(text, lang, amount, metric):
    assert one(extract_text(text, lang=lang, published="2024-09-03"), amount).metric == metric


def test_a_narrowing_loss_is_an_upward_change_in_chinese_too():
    text = "上半年，泽瑞归母净亏损为5.3亿元，同比收窄13.4%。"
    fact = one(extract_text(text, published="2024-08-28"), "-530000000")
    assert (str(fact.change.amount), fact.change.direction) == ("13.4", "up")


def test_customs_imports_are_sales_volume_and_their_value_sales():
    text = ("In January-July 2024, China imported 312.3 billion integrated circuits, and the "
            "import value was 1.49 trillion yuan.")
    facts = extract_text(text, published="2024-08-12")
    assert one(facts, "312300000000").metric == "sales_volume"
    assert one(facts, "1490000000000").metric == "sales"


def test_the_as_of_day_of_a_paragraph_dates_its_next_stock_figure():
    text = ("ANTA Sports reported results. ANTA Sports raised revenue. ANTA Sports opened "
            "stores.\n\nAs of June 30, 2024, the ANTA brand had 9,869 stores. FILA had 2,051 "
            "stores.")
    stores = one(extract_text(text, published="2024-08-27"), "2051")
    assert stores.period.label == "2024-06-30"


def test_a_share_of_the_same_period_in_2019_does_not_date_the_figure():
    text = ("During the summer of 2024, outbound trips were about 32 million, recovering to about "
            "85% of the same period in 2019. Hotel prices fell 6%.")
    facts = extract_text(text, published="2024-09-03")
    assert all("2019" not in (f.period.label or "") for f in facts if f.period)


@pytest.mark.parametrize("text, lang, amount", [
    ("The operational stock of industrial robots in China exceeded 1.75 million units by the end "
     "of 2023, the IFR said.", "en", "1750000"),
    ("In overseas markets, the number of Zentrix stores reached 100, compared with 80 at the end "
     "of last year.", "en", "80"),
    ("截至6月末，泽瑞合同负债为4561.37万元，而上年末仅为372.45万元。", "zh", "3724500"),
])
def test_a_reported_stock_at_a_year_end_is_dated_to_its_last_day(text, lang, amount):
    fact = one(extract_text(text, lang=lang, published="2024-09-10"), amount)
    assert fact.period.label == "2023-12-31"


@pytest.mark.parametrize("text, lang, amount, subject", [
    ("SNE Research said global EV battery installations in January-August reached 2,000 units "
     "worth 50 billion US dollars.", "en", "50000000000", "global power battery market"),
    ("In the June quarter, Alibaba International Digital Commerce Group's revenue grew 32% to "
     "29.29 billion yuan.", "en", "29290000000", "Alibaba"),
])
def test_battery_markets_and_alibabas_international_unit(text, lang, amount, subject):
    fact = one(extract_text(text, lang=lang, published="2024-10-08"), amount)
    assert fact.subject.name == subject


def test_a_market_piece_whose_headline_names_no_company_has_no_main_company():
    from pipeline.extract import extract_article
    from pipeline.models import Article

    text = ("The statistics bureau released property data on Friday.\n\n"
            "Total land sales were 1.2 trillion yuan in the first three quarters.\n\n"
            "China Vanke posted a loss. China Vanke cut prices. China Vanke sold land.")
    article = Article(doc_id="t", text=text, published="2024-10-18",
                      title="New home sales fell 22.7% in the first three quarters")
    land = one(extract_article(article, "en"), "1200000000000")
    assert land.subject is None or land.subject.name != "China Vanke"


@pytest.mark.parametrize("text, amount, metric", [
    ("主要竞争对手库迪咖啡则在6月将部分饮品价格下探至8.8元，截至6月底，库迪门店总数已超过7,000家。",
     "7000", "other"),
    ("二季度，瑞幸非GAAP净利润为10.05亿元，同比下降13.9%。", "1005000000", "adjusted_net_profit"),
    ("二季度，瑞幸自营门店同店销售额同比下降20.9%。", None, "sales"),
])
def test_store_counts_non_gaap_and_same_store_sales(text, amount, metric):
    facts = extract_text(text, lang="zh", published="2024-07-31")
    fact = one(facts, amount) if amount else facts[0]
    assert fact.metric == metric


def test_a_year_to_date_span_in_the_lead_is_the_report_period():
    text = ("SNE Research released new data.\n\n"
            "From January to August 2024, global installed capacity rose 22.3% year-on-year.\n\n"
            "CATL's market share rose 1.8 percentage points year-on-year to 37.1%.")
    share = one(extract_text(text, published="2024-10-08"), "37.1")
    assert share.period.label == "2024-01/2024-08"


def test_a_business_unit_counts_toward_its_parent_as_the_articles_company():
    text = ("Alibaba announced results on Thursday. Cloud Intelligence Group revenue grew 6%. "
            "Cloud Intelligence Group raised prices. Cloud Intelligence Group cut costs. "
            "Alibaba raised guidance.\n\nThe number of outstanding shares decreased by a net 2.1% "
            "compared with March 31.")
    facts = extract_text(text, published="2024-08-15")
    net = next(f for f in facts if f.change is not None and str(f.change.amount) == "2.1")
    assert (net.change.direction, net.change.basis) == ("down", "vs_previous")
    assert net.subject.name == "Alibaba"


def test_a_companys_report_returns_to_its_period_after_an_aside_on_an_older_one():
    text = ("Alibaba announced results for the quarter ended June 30, 2024. Alibaba's revenue was "
            "243.24 billion yuan. Alibaba raised prices. Alibaba cut costs.\n\n"
            "Canalys data showed that Alibaba Cloud had a 36% share of China's cloud market in the "
            "first quarter of 2024.\n\n"
            "During the quarter, Alibaba repurchased shares for US$5.8 billion.")
    buyback = one(extract_text(text, published="2024-08-15"), "5800000000")
    assert buyback.period.label == "2024-Q2"


def test_a_metric_word_inside_a_relative_clause_does_not_name_the_figure():
    text = ("In the quarter, Zentrix's adjusted EBITA, which the company regards as its key profit "
            "indicator, was 44.97 billion yuan.")
    assert one(extract_text(text, published="2024-08-15"), "44970000000").metric == "other"


@pytest.mark.parametrize("text, lang, claims", [
    ("Geely said the E5's energy consumption is lower than that of the BYD Yuan PLUS.", "en", 1),
    ("He also claimed that in July, the SU7 outsold the Tesla Model 3 in the Chinese market.",
     "en", 1),
    ("郭谨一在业绩说明会上称，瑞幸在中国市场的门店数量已超过星巴克中国。", "zh", 1),
    ("截至7月，豆包的月活跃用户数已超过2700万，百度、阿里巴巴等大厂也在加大投放。", "zh", 0),
    ("This means that BYD's quarterly revenue has surpassed that of Tesla for the first time.",
     "en", 0),
    ("NetEase said its shooter \"Marvel Rivals\" will be launched on December 6 this year.",
     "en", 0),
])
def test_which_comparisons_are_claims(text, lang, claims):
    facts = extract_text(text, lang=lang, published="2024-08-22")
    found = [f for f in facts if f.modality == "claim"]
    assert len(found) == claims
    assert all(f.metric in (None, "benchmark_score", "benchmark_wins") for f in found
               if f.value is None)


@pytest.mark.parametrize("text", [
    "Baidu chief executive Robin Li said that the company will keep launching cheaper models.",
    "BYD said that its plant in Hungary will start production in the second half of 2025.",
])
def test_what_an_executive_says_the_company_will_do_is_a_plan(text):
    (fact,) = extract_text(text, published="2024-08-22")
    assert fact.modality == "plan"


def test_a_span_of_days_in_the_lead_is_the_report_period():
    text = ("Syntun data showed that from May 20 to June 18, total GMV reached 742.8 billion yuan."
            "\n\nOnline retail sales rose 12.4% in January-May, the statistics bureau said.\n\n"
            "Live-streaming GMV accounted for 24.6% of the total.")
    share = one(extract_text(text, published="2024-06-21"), "24.6")
    assert share.period.label == "2024-05-20/2024-06-18"


def test_its_only_makes_a_plan_in_the_companys_own_reported_words():
    text = ("In the view of the industry, how to reduce its dependence on a single IP will be the "
            "key test for Pop Mart in the next stage.")
    assert all(f.modality != "plan" for f in extract_text(text, published="2024-08-22"))


def test_a_share_of_a_named_market_is_a_market_share():
    text = ("In the second quarter of 2024, AMD's share of the x86 server CPU market by unit "
            "shipments rose to 24.1%.")
    assert one(extract_text(text, published="2024-08-30"), "24.1").metric == "market_share"


def test_counts_of_sites_without_a_counted_noun_and_bases_nearest_their_change():
    text = ("As of September 30, Zentrix had 490 retail centers and 436 after-sales service "
            "centers nationwide. Net profit was 2.82 billion yuan, down 0.4% year-on-year but up "
            "156.4% quarter-on-quarter.")
    facts = extract_text(text, published="2024-10-31")
    assert one(facts, "490").value.unit == "count"
    assert one(facts, "436").value.unit == "count"
    rise = next(f for f in facts if f.change is not None and str(f.change.amount) == "156.4")
    assert rise.change.basis == "qoq"


def test_a_time_named_as_the_same_as_is_a_comparison_point():
    text = ("In the second quarter, Zentrix's average order value was about 2,180 yuan, roughly "
            "the same as last year.")
    fact = one(extract_text(text, published="2024-08-21"), "2180")
    assert fact.period is None or fact.period.label != "2023"


@pytest.mark.parametrize("text, amount, expected", [
    ("As of June 30, Zentrix operated more than 1,600 warehouses with a total gross floor area "
     "of more than 32 million square meters.", "32000000", None),
    ("Zentrix claimed that its \"211\" next-day delivery service covers more counties than SF "
     "Express.", "211", None),
    ("In the first half, revenue from external customers reached 61.27 billion yuan.",
     "61270000000", "revenue"),
    ("The number of external customers reached 61,312, and the average revenue per customer was "
     "172,000 yuan.", "172000", "other"),
    ("More than 600 delivery vehicles were in operation, and the company plans to increase the "
     "number to more than 1,000 by the end of this year.", "1000", "other"),
])
def test_areas_quoted_names_customers_and_counts_referred_back(text, amount, expected):
    facts = extract_text(text, published="2024-08-14")
    found = [f for f in facts if f.value is not None and str(f.value.amount) == amount]
    if expected is None:
        assert found == []
    else:
        assert found and found[0].metric == expected


def test_travel_sub_markets_and_a_season_in_the_lead():
    text = ("The Civil Aviation Administration of China said that during the summer transport "
            "period (July 1 to August 31), the "
            "civil aviation industry transported 146 million passenger trips, up 8.7% "
            "year-on-year.\n\n"
            "The daily average was 2.35 million passenger trips.")
    facts = extract_text(text, published="2024-09-03")
    trips = one(facts, "146000000")
    assert trips.subject.name == "China civil aviation market"
    assert trips.period.label == "2024-07/2024-08"


def test_data_from_a_source_is_no_comparison_point():
    text = ("Data from the battery alliance showed that in August, China's power battery "
            "installations reached 47.9GWh, up 38.0% year-on-year.")
    (fact,) = extract_text(text, published="2024-10-08")
    assert fact.period.label == "2024-08"


@pytest.mark.parametrize("text, amount, subject", [
    ("Due to the weak summer, Maoyan Pro lowered its forecast for China's full-year box office in "
     "2024 to about 47 billion yuan.", "47000000000", "China film market"),
    ("Huawei said at its developer conference that its goal is to ship more than 40 million "
     "wearable devices worldwide in 2024.", "40000000", "Huawei"),
])
def test_a_company_forecasting_a_market_is_its_speaker_not_its_subject(text, amount, subject):
    assert one(extract_text(text, published="2024-09-02"), amount).subject.name == subject


@pytest.mark.parametrize("text, amount, metric", [
    ("批价方面，8月27日，泽瑞白酒批价约为930元/瓶，较6月初的约960元/瓶有所回落。", "930", "price"),
    ("成本方面，上半年泽瑞员工成本为70.20亿元，占收入的32.8%。", "32.8", "other"),
])
def test_wholesale_prices_and_a_cost_share_of_revenue(text, amount, metric):
    assert one(extract_text(text, lang="zh", published="2024-08-30"), amount).metric == metric


@pytest.mark.parametrize("text, amount, metric", [
    ("截至6月末，泽瑞银行私人银行客户超过16万户，较上年末增长6.93%。", "160000", "users"),
    ("截至8月底，泽瑞已拥有超过70万名注册开发者。", "700000", "users"),
])
def test_kinds_of_customers_are_users(text, amount, metric):
    assert one(extract_text(text, lang="zh", published="2024-08-30"), amount).metric == metric


def test_the_top_five_customers_are_no_count():
    facts = extract_text("泽瑞前五大客户合计销售额占营业收入的比例为91.27%。", lang="zh",
                         published="2024-08-30")
    assert all(f.value is None or str(f.value.amount) != "5" for f in facts)


@pytest.mark.parametrize(("text", "amount"), [
    ("The film took 1.2 billion yuan, or 28.4% of the summer box office.", "28.4"),
    ("Exports to ASEAN reached 3.4 trillion yuan, accounting for 15.8% of China's total "
     "foreign trade.", "15.8"),
])
def test_a_parts_share_of_a_markets_whole_is_a_market_share(text, amount):
    assert one(extract_text(text, published="2024-09-02"), amount).metric == "market_share"


def test_a_companys_share_of_its_own_sales_stays_a_revenue_share():
    text = "Overseas sales reached 2 billion yuan, or 30% of Midea's total sales."
    assert one(extract_text(text, published="2024-09-02"), "30").metric != "market_share"


def test_a_number_inside_a_name_is_no_figure():
    text = "茶百道上半年营收25亿元，同比下降11.6%。"
    facts = extract_text(text, lang="zh", published="2024-08-30")
    assert [f.value.text for f in facts if f.value] == ["25亿元"]
    assert facts[0].subject.name == "ChaPanda"


def test_chagee_and_chapanda_are_two_chains():
    facts = extract_text("霸王茶姬上半年营收25亿元。", lang="zh", published="2024-08-30")
    assert one(facts, "2500000000").subject.name == "Chagee"


@pytest.mark.parametrize(("text", "lang"), [
    ("IDC predicts that the China AI server market will grow from 7.8 billion dollars in 2023 "
     "to 25 billion dollars in 2028.", "en"),
    ("IDC预测，中国AI服务器市场规模将从2023年的78亿美元增长至2028年的250亿美元。", "zh"),
])
def test_a_forecast_from_a_past_level_keeps_the_past_level_reported(text, lang):
    facts = extract_text(text, lang=lang, published="2024-09-01")
    earlier = [f for f in facts if f.period and f.period.label == "2023"]
    later = [f for f in facts if f.horizon and f.horizon.label == "2028"]
    assert [f.modality for f in earlier] == ["reported"]
    assert [f.modality for f in later] == ["forecast"]


def test_city_tiers_are_no_counts():
    facts = extract_text("公司计划2025年新开门店约8,000家，重点布局三线及以下城市和二线城市。",
                         lang="zh", published="2024-11-05")
    assert [f.value.text for f in facts if f.value] == ["8,000家"]


def test_the_companys_own_ipo_is_no_ipo_market():
    text = "蜜雪集团表示，本次IPO募集资金净额约40%将用于扩大供应链能力，约18%用于海外市场拓展。"
    facts = extract_text(text, lang="zh", published="2024-11-05")
    assert {f.subject.name for f in facts} == {"Mixue"}


@pytest.mark.parametrize(("text", "modality"), [
    ("Citi maintained a buy rating, expecting Nongfu Spring's full-year revenue in 2024 to "
     "reach 45.6 billion yuan.", "forecast"),
    ("The company plans capital expenditure of about 5 billion yuan for 2025.", "plan"),
])
def test_participle_and_noun_object_cues(text, modality):
    assert extract_text(text, published="2024-08-28")[0].modality == modality


def test_shipping_counts_are_shipments():
    facts = extract_text("Xiaomi ranked third, shipping 42.8 million units in the quarter.",
                         published="2024-10-20")
    assert one(facts, "42800000").metric == "shipments"


def test_tea_chains_and_research_firms_are_known():
    facts = extract_text("灼识咨询数据显示，古茗前三季度营收64.4亿元。", lang="zh",
                         published="2024-11-05")
    assert one(facts, "6440000000").subject.name == "Guming"


def test_an_earnings_call_is_no_earnings_figure():
    text = ("Baidu said on its earnings call in August that the ERNIE models were called more "
            "than 600 million times a day.")
    fact = one(extract_text(text, published="2024-09-10"), "600000000")
    assert (fact.metric, fact.subject.name) == ("usage", "ERNIE Bot")


def test_times_that_of_a_month_is_a_change_of_the_level():
    text = ("Daily token usage of the Doubao models had exceeded 600 billion by the end of August, "
            "more than 10 times that of mid-May.")
    facts = extract_text(text, published="2024-09-10")
    assert len(facts) == 1
    assert (facts[0].change.amount, facts[0].change.unit) == (Decimal("10"), "x")


@pytest.mark.parametrize(("text", "lang"), [
    ("公司计划在未来12个月内以15亿元至30亿元回购公司股份，用于员工持股计划或注销。", "zh"),
    ("The company plans to buy back up to 3 billion yuan of shares for its employee stock "
     "ownership plan.", "en"),
])
def test_an_ownership_plan_is_no_second_plan(text, lang):
    facts = extract_text(text, lang=lang, published="2024-08-30")
    assert [f.modality for f in facts] == ["plan"]
    assert facts[0].value is not None


def test_analysts_told_are_the_audience_not_the_speaker():
    text = "CEO Joey Wat told analysts that Yum China aims to reach 20,000 stores by 2026."
    assert one(extract_text(text, published="2024-11-05"), "20000").modality == "target"


def test_an_estimate_of_a_past_year_is_reported():
    text = ("Frost & Sullivan estimates that China's civilian drone market was worth about 117.4 "
            "billion yuan in 2023, and predicts that it will reach 231.5 billion yuan in 2026.")
    facts = extract_text(text, published="2024-09-23")
    assert one(facts, "117400000000").modality == "reported"
    assert one(facts, "231500000000").modality == "forecast"


def test_a_brand_reports_into_its_parent():
    text = "KFC's revenues were US$2.38 billion, and its operating profit grew 12% to US$378m."
    facts = extract_text(text, published="2024-11-05")
    assert {f.subject.name for f in facts} == {"Yum China"}


def test_a_list_of_forecasts_takes_its_list_of_years():
    text = ("CITIC Securities expects the company's net profit to reach 58.6 billion yuan, 60.2 "
            "billion yuan and 61.5 billion yuan in 2024, 2025 and 2026 respectively.")
    facts = extract_text(text, published="2024-08-24")
    assert [f.horizon.label for f in facts] == ["2024", "2025", "2026"]


def test_a_change_from_a_year_earlier_to_a_level_is_one_fact():
    text = ("Revenue for the six months ended June 30 fell 2.3% from a year earlier to "
            "169.87 billion.")
    facts = extract_text(text, published="2024-08-24")
    assert len(facts) == 1
    assert (facts[0].change.amount, facts[0].period.label) == (Decimal("2.3"), "2024-H1")


def test_a_currency_conversion_note_is_no_figure():
    facts = extract_text("Revenue was 5 billion yuan. ($1 = 7.1475 yuan)", published="2024-08-24")
    assert [f.value.text for f in facts] == ["5 billion yuan"]


def test_drones_make_a_market():
    text = "中商产业研究院预测，2024年中国无人机市场规模将增至1,575亿元。"
    facts = extract_text(text, lang="zh", published="2024-08-30")
    assert facts[0].subject.name == "China drone market"


def test_the_company_after_a_sentence_naming_two_is_the_articles_own():
    text = ("StepFun completed a new round of financing of more than 500 million US dollars. "
            "StepFun was founded in April 2023 by Jiang Daxin, former global vice president of "
            "Microsoft. The company has about 420 employees.")
    assert one(extract_text(text, published="2024-08-07"), "420").subject.name == "StepFun"


def test_increased_by_n_times_is_a_multiple():
    facts = extract_text("The inference speed of Step-2 is increased by 2.5 times.",
                         published="2024-08-07")
    assert (facts[0].change.amount, facts[0].change.unit) == (Decimal("2.5"), "x")


@pytest.mark.parametrize(("text", "lang", "amount"), [
    ("It is estimated that BYD's net profit per vehicle in the third quarter was about 10,200 "
     "yuan.", "en", "10200"),
    ("The coal segment's profit before tax fell 8.9% to 26.1 billion yuan.", "en", "26100000000"),
    ("据测算，前三季度长城汽车单车净利润约1.26万元。", "zh", "12600"),
    ("招商银行上半年净利息收益率为2.0%。", "zh", "2.0"),
    ("圆通速递6月单票收入2.33元，同比下降7.2%。", "zh", "2.33"),
])
def test_per_unit_pretax_and_interest_margins_are_no_net_profit(text, lang, amount):
    assert one(extract_text(text, lang=lang, published="2024-10-30"), amount).metric == "other"


@pytest.mark.parametrize("text", [
    "He added that the company's second model, an SUV, will be launched in 2025.",
    "The company said it will begin commercial sightseeing flights before the end of the year.",
])
def test_the_companys_own_numberless_will_is_a_plan(text):
    facts = extract_text(text, published="2024-08-20")
    assert [f.modality for f in facts] == ["plan"]


def test_a_battery_format_is_no_count():
    text = ("Panasonic said it will start mass production of its 4680 cylindrical batteries "
            "before the end of March 2025.")
    facts = extract_text(text, published="2024-08-20")
    assert [(f.modality, f.value) for f in facts] == [("plan", None)]


@pytest.mark.parametrize("text", [
    "JD.com said that its GMV of home appliances during the festival exceeded that of Tmall.",
    "In base capabilities, Step-2 has fully approached the level of GPT-4o, Jiang Daxin said.",
])
def test_numberless_comparisons_with_a_named_rival_are_claims(text):
    assert [f.modality for f in extract_text(text, published="2024-08-20")] == ["claim"]


def test_a_rate_per_day_is_a_multiple():
    text = "上半年海底捞餐厅整体翻台率为4.2次/天，去年同期为3.8次/天。"
    facts = extract_text(text, lang="zh", published="2024-08-20")
    assert [(f.value.text, f.value.unit) for f in facts] == [("4.2次/天", "x"), ("3.8次/天", "x")]


def test_service_centres_are_facilities():
    text = "截至2024年6月30日，理想汽车已有481家零售中心；此外还有409家售后维修中心。"
    facts = extract_text(text, lang="zh", published="2024-08-30")
    assert [f.value.text for f in facts] == ["481家", "409家"]


def test_the_company_then_a_time_then_will_is_a_plan():
    text = "迈瑞医疗表示，公司下半年将加快推进墨西哥、土耳其等海外生产基地的建设。"
    facts = extract_text(text, lang="zh", published="2024-08-30")
    assert [(f.modality, f.horizon.label) for f in facts] == [("plan", "2024-H2")]


def test_shares_that_fell_on_a_day_to_close_at_a_price_are_one_fact():
    text = "Nvidia's shares fell 6.4% on August 29 to close at 117.59 US dollars."
    facts = extract_text(text, published="2024-08-30")
    assert len(facts) == 1
    assert (facts[0].value.text, facts[0].change.amount) == ("117.59 US dollars", Decimal("6.4"))


def test_a_top_n_group_is_no_count():
    text = "CRIC said sales of the top 100 real estate enterprises fell 40% year-on-year."
    facts = extract_text(text, published="2024-10-08")
    assert [f.value for f in facts] == [None]


def test_an_estimate_that_a_past_figure_reached_a_level_is_reported():
    text = ("According to estimates by research firm Momentum Works, TikTok Shop's global GMV "
            "reached about US$16.3 billion in 2023.")
    assert extract_text(text, published="2024-08-30")[0].modality == "reported"


@pytest.mark.parametrize(("text", "amount", "metric"), [
    ("As of the end of September, the company had more than 110,000 R&D engineers.", "110000",
     "employees"),
    ("Xiaomi had 38,453 full-time employees, of which 19,028 were research and development "
     "personnel.", "19028", "employees"),
    ("As of the same date, Nongfu Spring had more than 4,900 distributors.", "4900", "other"),
])
def test_counts_of_people_and_partners(text, amount, metric):
    assert one(extract_text(text, published="2024-10-30"), amount).metric == metric


def test_the_day_a_programme_was_announced_is_no_horizon():
    text = ("The company said that it would continue to implement the share repurchase program "
            "of up to US$2 billion announced in June.")
    facts = extract_text(text, published="2024-08-30")
    assert [(f.modality, f.horizon) for f in facts] == [("plan", None)]


def test_an_investment_under_way_is_a_plan():
    text = "Samsung Display is investing 4.1 trillion won in its own 8.6-generation line in Asan."
    fact = extract_text(text, published="2024-09-12")[0]
    assert (fact.modality, fact.subject.name) == ("plan", "Samsung")


def test_raising_capacity_raises_no_funds():
    text = ("The company plans to raise the annual production capacity of its plant to more than "
            "2 million units in 2025.")
    fact = extract_text(text, published="2024-11-27")[0]
    assert (fact.modality, fact.metric) == ("plan", "other")


def test_a_goal_for_the_full_year_in_a_written_year_is_due_that_year():
    text = ("He added that Hesai's goal is to be profitable for the full year on a GAAP basis "
            "in 2025.")
    assert extract_text(text, published="2024-11-27")[0].horizon.label == "2025"


def test_a_listed_share_of_the_market_is_a_market_share_for_every_item():
    text = "Samsung, SK Hynix and Micron held 42.9%, 34.5% and 19.6% of the market respectively."
    facts = extract_text(text, published="2024-10-24")
    assert [f.metric for f in facts] == ["market_share"] * 3


def test_a_quarter_on_quarter_rise_to_a_level_is_one_fact():
    text = "Global DRAM revenue rose 24.8% quarter-on-quarter to US$22.9 billion in the quarter."
    facts = extract_text(text, published="2024-10-24")
    assert len(facts) == 1
    assert (facts[0].subject.name, facts[0].change.basis) == ("global DRAM market", "qoq")


def test_an_organisation_that_says_it_will_act_states_its_own_plan():
    text = ("The People's Bank of China said on Monday that it will keep liquidity reasonably "
            "ample.")
    fact = extract_text(text, published="2024-07-16")[0]
    assert (fact.modality, fact.subject.name) == ("plan", "PBOC")


def test_pets_make_markets():
    text = "2023年我国城镇宠物（犬猫）消费市场规模为2793亿元。其中，犬消费市场规模为1488亿元。"
    facts = extract_text(text, lang="zh", published="2024-09-19")
    assert [f.subject.name for f in facts] == ["China pet market", "China pet dog market"]


def test_a_list_takes_the_names_coordinated_right_before_it():
    text = ("BOE ranked second with 16.8%, while TCL CSOT, Visionox and Tianma held 8.2%, 7.5% and "
            "6.9%, respectively.")
    facts = extract_text(text, published="2024-09-12")
    assert [f.subject.name for f in facts][1:] == ["TCL Technology", "Visionox Technology",
                                                   "Tianma Microelectronics"]


@pytest.mark.parametrize(("text", "lang", "period", "horizon"), [
    ("上半年，公司营收200亿元。董事会宣派中期股息每股0.808港元。", "zh", "2024-H1", None),
    ("Its board declared a cash dividend of US$0.16 per share, payable on December 18, 2024.",
     "en", None, "2024-12-18"),
])
def test_a_declared_dividend_keeps_the_period_its_name_gives(text, lang, period, horizon):
    fact = extract_text(text, lang=lang, published="2024-08-20")[-1]
    assert fact.modality == "plan"
    assert (fact.period and fact.period.label, fact.horizon and fact.horizon.label) == (period,
                                                                                      horizon)


@pytest.mark.parametrize(("text", "lang", "span"), [
    ("IDC estimates that China's AI agent market will reach about 5.5 billion yuan this year and "
     "expand to 52 billion yuan by 2028, a compound annual growth rate of about 75%.", "en",
     "2024/2028"),
    ("弗若斯特沙利文预计，中国AI芯片市场规模将从2023年的1206亿元增长至2027年的约3870亿元，"
     "年均复合增长率约34%。", "zh", "2023/2027"),
])
def test_a_compound_growth_rate_runs_over_the_years_written(text, lang, span):
    facts = extract_text(text, lang=lang, published="2024-11-21")
    assert facts[-1].horizon.label == span


def test_the_day_something_was_said_is_no_horizon():
    text = ("\"We will not sacrifice product quality and safety for market share,\" Zeng Yuqun, "
            "chairman of CATL, said at the company's earnings call in July.")
    facts = extract_text(text, published="2024-08-20")
    assert [(f.modality, f.horizon) for f in facts] == [("plan", None)]


def test_revenue_from_a_segment_is_no_comparison_point():
    facts = extract_text("Profit before tax from the power segment surged 20.3% to 5.2 billion "
                         "yuan.", published="2024-08-24")
    assert facts[0].change.basis is None


@pytest.mark.parametrize(("text", "published"), [
    ("TrendForce estimates that global AI server shipments will reach about 1.67 million units "
     "this year, an increase of 41.5% over 2023.", "2024-09-01"),
    ("Honor CEO Zhao Ming said that Honor's goal is to double its overseas shipments in 2024.",
     "2024-05-01"),
])
def test_a_change_over_the_year_before_is_year_on_year(text, published):
    fact = next(f for f in extract_text(text, published=published) if f.change is not None)
    assert fact.change.basis == "yoy"


def test_the_company_named_in_the_clause_owns_its_figure_whatever_market_follows():
    text = ("长城汽车前三季度营收1422亿元。他还表示，公司计划在2025年将海外销量提升至50万辆以上，"
            "并在巴西工厂投产后进一步扩大南美市场。")
    facts = extract_text(text, lang="zh", published="2024-10-27")
    assert one(facts, "500000").subject.name == "Great Wall Motor"


def test_a_raw_material_price_is_its_markets():
    text = ("CATL's gross margin rose to 31.2%. The price of battery-grade lithium carbonate in "
            "China was about 75,000 yuan per ton at the end of September.")
    facts = extract_text(text, published="2024-10-20")
    assert one(facts, "75000").subject.name == "China battery-grade lithium carbonate market"


def test_freshly_made_beverages_make_a_market():
    text = "灼识咨询预测，中国现制饮品市场规模将从2023年的5,175亿元增长至2028年的11,634亿元。"
    facts = extract_text(text, lang="zh", published="2024-11-05")
    assert {f.subject.name for f in facts} == {"China freshly-made beverage market"}


@pytest.mark.parametrize("text", [
    "In Germany, the BYD Dolphin starts at 32,990 euros.",
    "The average on-grid tariff was 409 yuan per megawatt-hour, down 1.4%.",
])
def test_starting_prices_and_tariffs_are_prices(text):
    assert extract_text(text, published="2024-08-20")[0].metric == "price"


def test_a_second_numberless_claim_shares_the_first_claims_subject():
    text = ("In 10 mainstream evaluation sets such as MMLU and C-Eval, abab 7 surpassed GPT-4 in 6 "
            "of them, and its overall performance is on par with Claude 3 Opus.")
    facts = extract_text(text, published="2024-08-20")
    assert [(f.modality, f.subject.name) for f in facts] == [("claim", "abab 7")] * 2


def test_a_chinese_comparison_word_before_a_named_rival_is_a_claim():
    facts = extract_text("他还称，海底捞的翻台率明显高于呷哺呷哺等同行。", lang="zh",
                         published="2024-08-20")
    assert [(f.modality, f.subject.name, f.object.name) for f in facts] == [
        ("claim", "Haidilao", "Xiabuxiabu Catering Management")]


def test_a_chinese_comparison_word_before_a_figure_stays_a_qualifier():
    facts = extract_text("张鹏表示，公司2024年的目标是商业化收入同比增长超过100%。", lang="zh",
                         published="2024-08-20")
    assert [f.modality for f in facts] == ["target"]


def test_a_launch_date_said_by_the_maker_is_a_plan():
    text = ("Bona said its war epic The Volunteers will be released on September 30, ahead of the "
            "National Day holiday.")
    facts = extract_text(text, published="2024-09-02")
    assert [(f.modality, f.horizon.label) for f in facts] == [("plan", "2024-09-30")]


def test_a_stock_compared_with_last_years_close_is_counted_on_the_period_end():
    text = ("上半年，招商银行营收1729亿元。贷款和垫款总额约6.84万亿元，客户存款总额约8.62万亿元，"
            "较上年末分别增长4.98%和5.69%。")
    facts = extract_text(text, lang="zh", published="2024-08-20")
    loans = one(facts, "6840000000000")
    assert (loans.change.basis, loans.period.label) == ("vs_previous", "2024-06-30")


@pytest.mark.parametrize(("text", "lang"), [
    ("In May, Baidu will release the RT6, and the cost of a single vehicle is less than 200,000 "
     "yuan.", "en"),
])
def test_a_cost_is_no_price(text, lang):
    assert one(extract_text(text, lang=lang, published="2024-04-20"), "200000").metric != "price"


@pytest.mark.parametrize(("text", "lang"), [
    ("He added that the price war in the domestic market is expected to continue, but Geely will "
     "not sacrifice quality for volume.", "en"),
    ("她同时表示，蔚来不会主动挑起新一轮价格战。", "zh"),
])
def test_a_price_war_names_no_measure(text, lang):
    assert all(f.metric is None for f in extract_text(text, lang=lang, published="2024-08-20"))


def test_a_short_form_of_an_unknown_company_is_the_same_company():
    text = ("Zentravo Lifestyle Holdings posted net revenue of 1.97 billion yuan. Zentravo's "
            "retail revenue grew 28.6% to 1.09 billion yuan.")
    facts = extract_text(text, published="2024-11-27")
    assert len({f.subject.name for f in facts}) == 1


def test_hotel_rates_and_revpar():
    text = ("Atour Lifestyle said its average daily rate was 455 yuan, and RevPAR was 365 yuan in "
            "the quarter.")
    facts = extract_text(text, published="2024-11-27")
    assert [f.metric for f in facts] == ["price", "other"]


def test_as_of_a_month_is_its_last_day_for_a_stock():
    text = ("CNNIC said that as of June 2024, the number of micro-short drama users in China "
            "reached 576 million.")
    fact = extract_text(text, published="2024-11-12")[0]
    assert (fact.period.label, fact.subject.name) == ("2024-06-30", "China micro-drama market")


def test_monthly_users_as_of_a_month_keep_the_month():
    fact = extract_text("截至7月，豆包的月活跃用户数已超过2700万。", lang="zh",
                        published="2024-08-20")[0]
    assert fact.period.label == "2024-07"


def test_head_of_livestock_sold_are_sales_volume():
    text = "牧原股份前三季度共销售生猪5128.3万头，同比增长4.63%。"
    fact = extract_text(text, lang="zh", published="2024-10-25")[0]
    assert (fact.value.amount, fact.value.unit, fact.metric) == (Decimal("51283000"), "count",
                                                                 "sales_volume")


def test_parcels_are_counted_usage_of_the_express_delivery_market():
    text = ("国家邮政局数据显示，2024年上半年，全国快递服务企业业务量累计完成801.6亿件，"
            "同比增长23.1%。顺丰控股6月速运物流业务量为10.43亿票，同比增长9.0%。")
    facts = extract_text(text, lang="zh", published="2024-07-26")
    assert [(f.subject.name, f.metric, f.value.unit) for f in facts] == [
        ("China express delivery market", "usage", "count"), ("SF Holding", "usage", "count")]


def test_cutting_something_by_a_percentage_is_a_change():
    fact = extract_text("Alibaba cut the prices of its main models by more than 90% this year.",
                        published="2024-10-17")[0]
    assert (fact.value, fact.change.direction, fact.metric) == (None, "down", "price")


def test_a_change_from_a_written_figure_is_against_that_figure():
    text = ("The price is 0.99 yuan per million tokens, down about 95% from the 20 yuan charged "
            "for its previous flagship.")
    fact = one(extract_text(text, published="2024-10-17"), "0.99")
    assert fact.change.basis == "vs_previous"


@pytest.mark.parametrize(("text", "lang"), [
    ("公司表示，5000万像素以上高端摄像模组出货占比提升。", "zh"),
    ("Xiaomi launched a phone with a 50-megapixel camera and a 5,000 mAh battery.", "en"),
])
def test_camera_resolutions_and_battery_capacities_are_no_figures(text, lang):
    assert extract_text(text, lang=lang, published="2024-08-20") == []


def test_shares_bought_back_under_a_programme_are_reported():
    text = "腾讯音乐二季度根据股份回购计划累计回购约1510万股美国存托股，总金额约1.46亿美元。"
    facts = extract_text(text, lang="zh", published="2024-08-20")
    assert {f.modality for f in facts} == {"reported"}


@pytest.mark.parametrize(("text", "lang"), [
    ("ByteDance, Alibaba and Baidu have all cut the prices of their main models by more than 90% "
     "this year.", "en"),
    ("今年以来，字节跳动、阿里巴巴和百度均已将主力模型价格下调90%以上。", "zh"),
])
def test_a_figure_shared_by_all_of_a_list_of_companies_is_each_ones(text, lang):
    facts = extract_text(text, lang=lang, published="2024-10-17")
    assert [f.subject.name for f in facts] == ["ByteDance", "Alibaba", "Baidu"]


def test_a_list_of_companies_with_figures_of_their_own_is_not_shared():
    text = "三季度三星以20%的份额位居第一，OPPO与传音的份额均为10%左右。"
    facts = extract_text(text, lang="zh", published="2024-10-20")
    assert [f.subject.name for f in facts if f.value.text == "20%"] == ["Samsung"]


def test_an_estimate_of_what_was_shipped_last_quarter_is_reported():
    text = ("Canalys estimates that Apple shipped 9.7 million iPhones in the mainland in the "
            "April-June quarter, down 6.7% year-on-year.")
    assert extract_text(text, published="2024-08-02")[0].modality == "reported"


def test_what_analysts_had_been_looking_for_is_a_forecast():
    text = ("Greater China revenue was US$14.73 billion. Analysts polled by Visible Alpha had been "
            "looking for about US$15.3 billion.")
    assert one(extract_text(text, published="2024-08-02"), "15300000000").modality == "forecast"


def test_a_declared_interim_dividend_is_a_plan_for_its_half():
    text = ("Revenue rose 14% in the first half. The board declared an interim dividend of HK$1.37 "
            "per share for the first half, which will be paid on or about September 20.")
    fact = one(extract_text(text, published="2024-08-20"), "1.37")
    assert (fact.modality, fact.period.label) == ("plan", "2024-H1")


def test_proposed_duties_are_planned_and_the_news_day_is_no_horizon():
    text = ("On August 20, the European Commission published its draft final decision, proposing "
            "additional countervailing duties of 17.0% on BYD, 19.3% on Geely and 36.3% on SAIC "
            "Motor.")
    facts = extract_text(text, published="2024-09-01")
    assert {(f.modality, f.horizon) for f in facts} == {("plan", None)}
    assert [f.subject.name for f in facts] == ["BYD", "Geely Automobile", "SAIC Motor"]


@pytest.mark.parametrize(("text", "subject"), [
    ("EHang also claimed that its VT35 long-range model offers about twice the range of rival "
     "multicopter air taxis such as Volocopter's VoloCity.", "EHang VT35"),
    ("AMD launched its fifth-generation EPYC chips. The company claimed that the new chips deliver "
     "up to 2.7 times the performance of Intel's flagship Xeon processors.", "AMD"),
])
def test_n_times_the_range_of_a_rival_is_a_claim(text, subject):
    fact = extract_text(text, published="2024-09-23")[-1]
    assert (fact.modality, fact.subject.name) == ("claim", subject)


def test_a_target_completion_rate_is_no_target():
    fact = extract_text("按前三季度数据计算，长城汽车销量目标完成率仅约43.7%。", lang="zh",
                        published="2024-10-27")[0]
    assert fact.modality == "reported"


def test_charging_facilities_are_counted_in_their_market():
    text = "As of the end of June, China had 10.24 million charging facilities, up 54.0%."
    fact = extract_text(text, published="2024-07-22")[0]
    assert (fact.subject.name, fact.value.amount, fact.change.amount) == (
        "China EV charging market", Decimal("10240000"), Decimal("54.0"))


def test_city_tiers_in_english_are_no_counts():
    text = "The average service fee in tier-one cities fell to about 0.58 yuan per kWh in June."
    assert [f.value.text for f in extract_text(text, published="2024-07-22")] == ["0.58 yuan"]


@pytest.mark.parametrize("text", [
    "It said the S4000 trains large language models with 70 billion parameters.",
    "What matters is how long a 10,000-card system can run without failure, an analyst said.",
])
def test_model_parameters_and_cluster_sizes_are_specs(text):
    assert extract_text(text, published="2024-07-05") == []


def test_a_brokerage_reporting_its_own_results_is_the_articles_company():
    text = ("中信证券上半年归母净利润105.73亿元，同比下降6.5%。中信证券表示，二季度经纪业务"
            "有所回升。中信证券上半年营业收入301.0亿元。")
    article = Article(doc_id="t", text=text, published="2024-08-30",
                      title="中信证券上半年归母净利润105.73亿元")
    facts = extract_article(article, "zh")
    assert {f.subject.name for f in facts if f.value} == {"CITIC Securities"}


def test_a_bare_comparison_count_of_a_past_year_is_reported():
    text = ("Moore Threads said the company aims to ship more than 100,000 GPUs this year, "
            "compared with roughly 40,000 in 2023.")
    facts = extract_text(text, published="2024-07-05")
    assert [(f.modality, f.value.amount) for f in facts] == [("target", Decimal("100000")),
                                                              ("reported", Decimal("40000"))]


@pytest.mark.parametrize("text, lang, subject, rival, basis", [
    ("Zentrix unveiled Velo-5. It said the first-token latency of Velo-5 has been cut by 50% "
     "compared with Velo-2, while throughput is up 40%.", "en", "Velo-5", "Velo-2", "vs_previous"),
    ("Zentrix said the inference speed of its Orbis-7 model improved by 30% compared with "
     "Kappa-3.", "en", "Orbis-7", "Kappa-3", None),
    ("与上一代GLM-4相比，GLM-4-Plus的推理速度提升约50%。", "zh", "GLM-4-Plus", "GLM-4",
     "vs_previous"),
])
def test_a_change_against_a_named_model_is_a_claim(text, lang, subject, rival, basis):
    facts = [f for f in extract_text(text, lang=lang, published="2024-10-20")
             if f.change is not None]
    assert facts and all(f.modality == "claim" and f.horizon is None for f in facts)
    first = facts[0]
    assert (first.subject.name, first.object.name, first.change.basis) == (subject, rival, basis)


@pytest.mark.parametrize("text", [
    "As of June 30, the number of outstanding shares had decreased by a net 2.1% compared with "
    "March 31.",
    "Revenue rose 30% compared with the same period last year.",
    "Zentrix revenue rose 30% compared with Tencent.",
])
def test_a_change_against_a_day_period_or_company_is_no_model_claim(text):
    facts = extract_text(text, published="2024-08-20")
    assert facts and all(f.modality == "reported" for f in facts)


@pytest.mark.parametrize("text, lang, subject, rival", [
    ("Zentrix said its Velo-5 chip achieves about 70% of the training performance of Nvidia's "
     "A100.", "en", "Velo-5", "Nvidia A100"),
    ("据公司介绍，其新一代芯片思元590（MLU590）在部分推理场景下的性能已达到英伟达A100的约90%。",
     "zh", "MLU590", "Nvidia A100"),
])
def test_a_share_of_a_named_products_performance_is_a_claim(text, lang, subject, rival):
    claim = next(f for f in extract_text(text, lang=lang, published="2024-07-05")
                 if f.value is not None)
    assert (claim.modality, claim.metric, claim.subject.name, claim.object.name) == (
        "claim", "benchmark_score", subject, rival)


def test_a_multiple_of_its_predecessor_shares_the_first_claims_subject():
    text = ("Zentrix said the Velo-5 achieves about 70% of the training performance of Nvidia's "
            "A100, and that its inference throughput is twice that of its predecessor, the "
            "Velo-4.")
    facts = extract_text(text, published="2024-07-05")
    twice = next(f for f in facts if f.change is not None)
    assert (twice.modality, twice.subject.name, twice.object.name, twice.change.basis) == (
        "claim", "Velo-5", "Velo-4", "vs_previous")


def test_a_share_of_a_market_is_no_claim():
    facts = extract_text("Zentrix said its chips took about 70% of the market in China.",
                         published="2024-07-05")
    assert facts and all(f.modality == "reported" for f in facts)


def test_a_second_that_clause_is_a_statement_of_its_own():
    text = ("Zentrix CEO Li Ming claimed that Kling performs better than OpenAI's Sora in "
            "generating videos, and that it won 7 of 10 evaluation dimensions against Runway "
            "Gen-3 in an internal assessment.")
    facts = extract_text(text, published="2024-08-20")
    assert sorted((f.metric or "", f.object.name) for f in facts if f.modality == "claim") == [
        ("", "Sora"), ("benchmark_wins", "Runway Gen-3")]


@pytest.mark.parametrize("text, rival", [
    ("JD Logistics claimed that its delivery service covers more counties and districts than "
     "SF Express, its largest domestic rival.", "SF Holding"),
    ("Hua Hong also said that the performance of its new platform is comparable with that of "
     "similar products from Infineon.", "Infineon"),
])
def test_a_said_comparison_with_a_rival_is_a_claim(text, rival):
    facts = extract_text(text, published="2024-08-20")
    assert [(f.modality, f.object.name) for f in facts] == [("claim", rival)]


def test_an_unsaid_comparison_is_the_authors_ranking():
    assert extract_text("Zentrix sold more cars than Tesla in China in the quarter.",
                        published="2024-08-20") == []


def test_the_company_says_what_it_will_do():
    text = "珀莱雅发布半年报。公司表示，下半年将继续推进大单品策略，并计划于第四季度推出新品。"
    facts = extract_text(text, lang="zh", published="2024-08-22")
    assert [(f.modality, f.horizon.label) for f in facts] == [("plan", "2024-H2"),
                                                               ("plan", "2024-Q4")]


def test_a_plan_joined_by_and_planned_is_a_second_statement():
    text = ("China Shenhua reported results. He said the company would start construction of two "
            "power projects this year and planned to invest about 28 billion yuan by 2026.")
    facts = extract_text(text, published="2024-08-24")
    assert sorted((f.modality, f.value is None) for f in facts) == [("plan", False),
                                                                    ("plan", True)]


def test_projects_as_a_noun_is_no_forecast():
    facts = extract_text("China Shenhua said it would build two power projects in Xinjiang.",
                         published="2024-08-24")
    assert [f.modality for f in facts] == ["plan"]


def test_a_metric_word_inside_a_company_name_names_no_metric():
    text = ("Poly Developments ranked first with sales of 235.6 billion yuan in the first nine "
            "months, followed by China Overseas Land & Investment with 180.2 billion yuan.")
    fact = one(extract_text(text, published="2024-10-20"), "180200000000")
    assert (fact.subject.name, fact.metric) == ("China Overseas Land & Investment", "sales")


def test_monetary_funds_are_cash():
    fact = one(extract_text("As of the end of June, Vanke's monetary funds were 86.23 billion "
                            "yuan.", published="2024-09-01"), "86230000000")
    assert fact.metric == "cash"


@pytest.mark.parametrize("text, lang", [
    ("The CAAC said that during the summer transport period (July 1 to August 31), airlines "
     "carried 146 million passenger trips, up 8.7% year-on-year. The national railway sent 906 "
     "million passengers during the summer, an increase of 6.9% year-on-year.", "en"),
    ("民航局表示，暑运期间（7月1日至8月31日），民航旅客运输量1.46亿人次，同比增长8.7%。铁路方面，暑运期间"
     "全国铁路发送旅客9.06亿人次，同比增长6.9%。", "zh"),
])
def test_a_period_defined_in_brackets_dates_its_later_mentions(text, lang):
    facts = extract_text(text, lang=lang, published="2024-09-05")
    assert [f.period.label for f in facts] == ["2024-07/2024-08"] * 2


def test_the_same_period_in_brackets_defines_no_name():
    text = ("Revenue for the same period (January to May) rose 8% year-on-year. During the same "
            "quarter, Zentrix sold 100 million units.")
    facts = extract_text(text, published="2024-09-05")
    assert len(facts) == 2 and facts[0].period.label == "2024-01/2024-05"
    assert facts[1].period is None or facts[1].period.text is None  # carried, not "named"


def test_a_figure_with_no_subject_is_about_its_paragraphs_market():
    text = ("China's travel market boomed this summer, with domestic trips up 10%.\n\nThe CAAC "
            "said that from July to August, China's civil aviation market carried 146 million "
            "passenger trips, up 8.7% year-on-year. The daily average was 2.35 million passenger "
            "trips.")
    article = Article(doc_id="doc", text=text, lang="en", published="2024-09-05",
                      title="China's summer travel market heats up")
    daily = one(extract_article(article, "en"), "2350000")
    assert daily.subject.name == "China civil aviation market"


def test_a_forecast_clause_beside_a_numeric_one_is_its_own_statement():
    text = ("宁德时代发布三季报。东吴证券则预测，四季度宁德时代出货量有望超过130GWh，"
            "全年毛利率有望维持在28%以上。")
    facts = extract_text(text, lang="zh", published="2024-10-20")
    assert sorted((f.modality, f.metric, f.value is None) for f in facts) == [
        ("forecast", "gross_margin", False), ("forecast", "shipments", True)]


def test_a_speakers_forecast_frame_is_one_statement():
    text = ("迈瑞医疗发布半年报。他预计，随着设备更新项目的招标陆续落地，"
            "公司国内收入有望在第四季度恢复较快增长。")
    facts = extract_text(text, lang="zh", published="2024-08-30")
    assert [f.modality for f in facts] == ["forecast"]


def test_a_market_forecast_by_a_pronoun_speaker_is_a_statement():
    text = ("SNE Research said global installations rose. It also predicts that global EV battery "
            "demand will approach 1,000GWh in 2025.")
    facts = extract_text(text, published="2024-10-20")
    assert [(f.modality, f.subject.type, f.horizon.label) for f in facts] == [
        ("forecast", "market", "2025")]


def test_an_n_percent_increase_after_a_figure_is_its_change():
    fact = one(extract_text("Diluted earnings per share came in at US$1.40, an 11% increase from "
                            "a year earlier.", published="2024-08-02"), "1.40")
    assert (fact.change.amount, fact.change.direction, fact.change.basis) == (
        Decimal("11"), "up", "yoy")


def test_an_earlier_change_keeps_the_basis_of_the_change_it_is_compared_with():
    text = ("Prices in first-tier cities fell 1.0% month-on-month in September, compared with a "
            "1.4% decline in August.")
    facts = extract_text(text, published="2024-10-20")
    assert [(f.change.basis, f.period.label) for f in facts] == [("mom", "2024-09"),
                                                                 ("mom", "2024-08")]


@pytest.mark.parametrize("text, label", [
    ("Apple reported results for the quarter ended June 29. The iPad was the standout: revenue "
     "jumped 24% to US$7.16 billion after the company refreshed its iPad Pro lineup in May.",
     "2024-Q2"),
    ("01.AI was valued at more than US$1 billion after a funding round led by Alibaba Cloud in "
     "November 2023.", "2023-11"),
])
def test_the_time_of_an_explaining_event_is_not_the_figures(text, label):
    fact = next(f for f in extract_text(text, published="2024-08-02") if f.value is not None)
    assert fact.period.label == label


def test_the_year_ago_quarter_is_the_same_quarter_last_year():
    facts = extract_text("In the second quarter, gross margin rose to 46.3%, from 44.5% in the "
                         "year-ago quarter.", published="2024-08-02")
    assert [f.period.label for f in facts] == ["2024-Q2", "2023-Q2"]


def test_a_quarter_of_its_fiscal_year_is_fiscal():
    facts = extract_text("For the September quarter, the fourth quarter of its fiscal year, "
                         "Apple expects revenue to grow 5%.", published="2024-08-02")
    assert [(f.modality, f.horizon.label) for f in facts] == [("forecast", None)]
    assert facts[0].horizon.text.endswith("fourth quarter of its fiscal year")


def test_a_new_clause_stating_what_was_leaves_the_forecast_cue_behind():
    text = ("Tokyo Electron raised its net sales forecast for the year to 2.3 trillion yen, and "
            "China accounted for 49.9% of its sales in the April-June quarter.")
    facts = extract_text(text, published="2024-08-20")
    share = one(facts, "49.9")
    assert (share.modality, share.period.label) == ("reported", "2024-Q2")


def test_money_lost_is_a_loss_not_a_fall():
    fact = one(extract_text("In the second quarter, Leapmotor had lost 1.16 billion yuan.",
                            published="2024-10-20"), "-1160000000")
    assert (fact.metric, fact.change) == ("net_profit", None)


def test_a_categorys_proportion_of_total_sales_is_its_adoption_rate():
    text = ("CAAM expects that the sales of new energy vehicles in China will exceed 12 million "
            "units in 2024, and the proportion of new energy vehicles in total new car sales will "
            "reach nearly 40%.")
    share = one(extract_text(text, published="2024-07-20"), "40")
    assert (share.metric, share.subject.name) == ("adoption_rate",
                                                  "China new energy vehicle market")


def test_uses_of_a_service_are_counted_over_the_period():
    text = ("In the second quarter, the CAAC said airlines carried 180 million passenger trips, up "
            "10% year-on-year. International routes carried 11.2 million passenger trips.")
    facts = extract_text(text, published="2024-08-20")
    assert [(f.metric, f.period.label) for f in facts] == [("usage", "2024-Q2")] * 2


def test_a_vendors_bare_percentage_in_a_ranking_is_its_market_share():
    text = ("Samsung Display led the market with a 41.3% share. BOE ranked second with 16.8%, "
            "while Visionox and Tianma held 7.5% and 6.9%, respectively.")
    facts = extract_text(text, published="2024-08-20")
    assert [f.metric for f in facts] == ["market_share"] * 4


def test_a_stake_held_is_no_market_share():
    fact = one(extract_text("Samsung Display led the market with a 41.3% share. As of the end of "
                            "June, ANTA held about 36.9% of the shares of Amer Sports.",
                            published="2024-08-20"), "36.9")
    assert fact.metric != "market_share"


def test_running_totals_of_one_window_share_its_period():
    text = ("国家邮政局发布的数据显示，2024年上半年，全国快递业务量累计完成801.6亿件，"
            "同比增长23.1%；业务收入累计完成6,727.4亿元，同比增长13.7%。"
            "其中，同城快递业务量累计完成64.9亿件，同比增长10.9%。")
    facts = extract_text(text, lang="zh", published="2024-07-26")
    assert [f.period.label for f in facts] == ["2024-H1"] * 3


def test_a_running_total_after_another_periods_figure_stays_undated():
    facts = extract_text("一季度投入11亿元，累计投入已达42亿元。", lang="zh",
                         published="2024-07-26")
    total = one(facts, "4200000000")
    assert total.period is None or total.period.label is None


@pytest.mark.parametrize("text, basis", [
    ("JD Logistics said it aims to double its overseas warehouse area by the end of 2025.",
     "vs_previous"),
    ("JD Logistics plans to triple the size of its overseas sales team next year.", "vs_previous"),
    ("JD Logistics aims to double its overseas shipments in 2024.", "yoy"),
])
def test_a_multiple_due_after_this_year_is_against_todays_level(text, basis):
    fact = next(f for f in extract_text(text, published="2024-08-20") if f.change is not None)
    assert (fact.change.unit, fact.change.basis) == ("x", basis)


def test_a_gain_so_far_this_year_is_against_the_years_start():
    fact = next(f for f in extract_text("Nvidia reported results. The stock has gained about 14% "
                                        "so far this year.", published="2024-08-29")
                if f.change is not None)
    assert (fact.metric, fact.change.basis) == ("share_price", "vs_previous")


@pytest.mark.parametrize("text, direction", [
    ("Leased hotels brought in 187 million yuan, 14.2% less than a year earlier.", "down"),
    ("Coal averaged about 868 yuan per tonne in the first half, 12.1% lower than in the same "
     "period last year.", "down"),
])
def test_n_percent_less_than_a_year_earlier_is_a_yearly_change(text, direction):
    fact = next(f for f in extract_text(text, published="2024-08-20") if f.value is not None)
    assert (fact.change.direction, fact.change.basis) == (direction, "yoy")


def test_a_round_up_paragraph_on_one_company_stays_on_it():
    text = ("截至6月底，全国注册无人机187.5万架。\n\n8月27日，亿航智能（EH.US）发布第二季度财报。"
            "二季度公司实现营收1.28亿元；交付EH216系列产品63架。得益于规模效应，当季毛利率达62.6%。")
    article = Article(doc_id="doc", text=text, lang="zh", published="2024-08-30",
                      title="低空经济加速起飞：注册无人机超187万架")
    facts = extract_article(article, "zh")
    margin = one(facts, "62.6")
    assert (margin.metric, margin.subject.name) == ("gross_margin", "EHang")


def test_a_city_names_its_own_market():
    text = "地方层面，深圳市政府提出，力争到2025年低空经济产值突破1000亿元。"
    fact = one(extract_text(text, lang="zh", published="2024-08-30"), "100000000000")
    assert (fact.modality, fact.subject.name) == ("target", "Shenzhen low-altitude economy market")


def test_overseas_names_a_market_of_its_own():
    text = ("DataEye expects the overseas micro-drama market to reach 3.5 billion US dollars in "
            "2025.")
    fact = one(extract_text(text, published="2024-11-20"), "3500000000")
    assert fact.subject.name == "overseas micro-drama market"


@pytest.mark.parametrize("text, lang", [
    ("宁德时代发布三季报。此外，公司表示，匈牙利德布勒森工厂建设顺利，预计2025年投产。", "zh"),
    ("CATL said its Shenxing Plus battery will be installed in vehicles in the fourth quarter.",
     "en"),
])
def test_a_companys_own_schedule_is_a_plan(text, lang):
    facts = extract_text(text, lang=lang, published="2024-10-20")
    assert [f.modality for f in facts] == ["plan"]


def test_an_outsiders_expected_launch_stays_a_forecast():
    facts = extract_text("Analysts at Bernstein expect the Apple Vision Pro to be launched in "
                         "China in 2025.", published="2024-04-20")
    assert [f.modality for f in facts] == ["forecast"]


def test_confidence_in_meeting_a_target_is_a_forecast():
    text = "中芯国际发布二季报。赵海军表示，公司对实现这一全年目标有信心。"
    facts = extract_text(text, lang="zh", published="2024-08-10")
    assert [f.modality for f in facts] == ["forecast"]


def test_a_forecasters_later_will_is_still_a_forecast():
    text = ("Newzoo expects mobile game revenue to grow 2.8% to US$92.6 billion this year, while "
            "console games and PC games will generate US$51.9 billion and US$43.2 billion "
            "respectively.")
    facts = extract_text(text, published="2024-08-20")
    assert {f.modality for f in facts} == {"forecast"} and len(facts) == 3


def test_a_sum_of_money_is_never_a_share():
    text = ("Newzoo expects mobile game revenue to grow 2.8% to US$92.6 billion this year, while "
            "console games and PC games will generate US$51.9 billion and US$43.2 billion "
            "respectively, or 28% and 23% of the market.")
    facts = extract_text(text, published="2024-08-20")
    money = [f for f in facts if f.value is not None and f.value.unit == "USD"]
    assert len(money) == 3 and not any(f.metric in ("market_share", "revenue_share")
                                       for f in money)


def test_revenue_per_parcel_is_no_market_size():
    text = ("国家邮政局数据显示，上半年全国快递业务收入6727.4亿元。"
            "据测算，上半年全国快递平均单票收入约为8.39元，同比下降约7.6%。")
    facts = extract_text(text, lang="zh", published="2024-07-26")
    assert [f.metric for f in facts] == ["market_size", "other"]


def test_attributable_profit_after_nonrecurring_items_is_the_excluded_profit():
    text = "上半年，公司扣除非经常性损益后的归母净利润为104.92亿元，同比下降6.84%。"
    fact = one(extract_text(text, lang="zh", published="2024-08-30"), "10492000000")
    assert fact.metric == "net_profit_excl_nonrecurring"


def test_a_round_that_values_a_company_gives_its_valuation():
    text = ("People familiar with the matter said the round values Moore Threads at about 25 "
            "billion yuan.")
    fact = one(extract_text(text, published="2024-07-05"), "25000000000")
    assert fact.metric == "valuation"


def test_a_sum_of_money_is_never_a_headcount():
    text = "People familiar with the matter said Zentrix Group earned about 25 billion yuan."
    fact = one(extract_text(text, published="2024-07-05"), "25000000000")
    assert fact.metric != "employees"


def test_a_shareholder_named_after_including_is_not_what_its_refers_to():
    text = ("Moore Threads unveiled a cluster. The company completed a new round of financing of "
            "2.5 billion yuan, with existing shareholders including Tencent participating. The "
            "deal brings the total raised since its founding to more than 10 billion yuan.")
    fact = one(extract_text(text, published="2024-07-05"), "10000000000")
    assert fact.subject.name == "Moore Threads"


def test_the_company_a_headline_opens_with_is_the_articles_beside_a_much_named_rival():
    text = ("Moore Threads launched a GPU cluster on Thursday. Moore Threads said the cluster "
            "rivals Nvidia systems. Nvidia dominates the market, and Nvidia chips are scarce. "
            "Moore Threads has raised funds. Nvidia declined to comment.\n\nIts revenue "
            "reached 1 billion yuan last year.")
    article = Article(doc_id="doc", text=text, lang="en", published="2024-07-05",
                      title="Moore Threads unveils GPU cluster as it takes aim at Nvidia")
    fact = one(extract_article(article, "en"), "1000000000")
    assert fact.subject.name == "Moore Threads"


def test_a_component_for_a_device_names_the_devices_component_market():
    text = ("Global shipments of AMOLED panels for smartphones reached 210 million units in the "
            "second quarter, up 26.5% from a year earlier, Omdia said.")
    fact = one(extract_text(text, published="2024-08-20"), "210000000")
    assert fact.subject.name == "global smartphone OLED panel market"


def test_a_device_written_before_its_component_names_the_component_market():
    fact = one(extract_text("二季度全球手机OLED面板出货量达2亿片，同比增长10%。", lang="zh",
                            published="2024-08-20"), "200000000")
    assert fact.subject.name == "global smartphone OLED panel market"


def test_a_share_that_put_a_technology_into_use_is_its_adoption_rate():
    text = ("According to a survey of large Chinese enterprises published by IDC, 38% had put AI "
            "agents into use by the end of September.")
    fact = one(extract_text(text, published="2024-10-20"), "38")
    assert (fact.metric, fact.subject.name) == ("adoption_rate", "AI agent")


@pytest.mark.parametrize("text, count", [
    ("No other film exceeded the 1 billion yuan mark.", 0),
    ("The market value of iFLYTEK once exceeded the 170 billion yuan mark.", 1),
    ("A server equipped with eight H100 cards sells for about 2.5 million yuan.", 1),
])
def test_thresholds_and_configurations_are_no_figures(text, count):
    assert len(extract_text(text, published="2024-08-20")) == count


@pytest.mark.parametrize("text, lang", [
    ("公司计划在10月24日的全球1024开发者节上发布新一代星火大模型。", "zh"),
    ("Digital orders made up around 90% of the two brands' company sales.", "en"),
    ("Beijing, Shanghai, Guangzhou and Shenzhen, the four first-tier cities, relaxed rules.",
     "en"),
    ("SK Hynix will start supplying 12-layer HBM3E products to customers.", "en"),
])
def test_numbers_that_name_or_pick_out_are_no_figures(text, lang):
    facts = extract_text(text, lang=lang, published="2024-08-20")
    assert all(f.value is None or f.value.unit != "count" for f in facts)


@pytest.mark.parametrize("text, count", [
    ("TSMC reported results. TSMC also raised its full-year outlook.", 0),
    ("TSMC reported results. Global forecasts are just as bullish.", 0),
    ("TSMC reported results. TSMC forecasts that demand for AI chips will stay strong.", 1),
])
def test_a_forecast_named_with_nothing_forecast_is_no_statement(text, count):
    facts = extract_text(text, published="2024-07-20")
    assert len([f for f in facts if f.modality == "forecast"]) == count


def test_a_bare_number_compared_with_a_count_counts_the_same_thing():
    text = ("According to Deloitte, 30 companies listed on the Hong Kong Stock Exchange in the "
            "first half of 2024, compared with 31 in the same period last year.")
    earlier = one(extract_text(text, published="2024-07-10"), "31")
    assert (earlier.value.unit, earlier.value.counted, earlier.period.label) == (
        "count", "company", "2023-H1")


def test_a_few_things_a_day_is_a_rate_of_use_not_a_figure():
    text = ("Kuaishou said the number of daily active users who watched more than 10 short dramas "
            "a day increased by 24% year-on-year.")
    facts = extract_text(text, published="2024-11-20")
    assert [(f.value, f.change.amount) for f in facts] == [(None, Decimal("24"))]


def test_gmv_is_a_measure_of_its_own():
    text = ("JD.com said that during the festival, more than 500 million users placed orders on "
            "its platform, and the transaction volume of home appliance trade-ins increased by "
            "150% year-on-year.")
    facts = extract_text(text, published="2024-06-20")
    assert len(facts) == 2 and facts[0].change is None
    assert (facts[1].metric, facts[1].change.amount) == ("other", Decimal("150"))


def test_a_respectively_list_of_categories_gives_each_figure_its_market():
    text = ("Newzoo expects global console games and PC games to generate US$51.9 billion and "
            "US$43.2 billion respectively this year.")
    facts = extract_text(text, published="2024-08-20")
    assert [f.subject.name for f in facts] == ["global console game market",
                                                "global PC game market"]


def test_who_shows_the_data_is_not_what_it_is_about():
    text = ("Data from SteamDB show that the number of concurrent players on Steam peaked at about "
            "2.42 million on August 24.")
    fact = one(extract_text(text, published="2024-08-28"), "2420000")
    assert fact.subject is None or fact.subject.name != "SteamDB"


def test_money_raised_per_ipo_is_an_average_not_funding():
    fact = one(extract_text("The average amount raised per IPO was about HK$440 million.",
                            published="2024-07-10"), "440000000")
    assert fact.metric == "other"


def test_a_change_after_a_compared_list_belongs_to_the_current_figure():
    text = ("Only 44 companies went public in the first half, raising 32.4 billion yuan, compared "
            "with 189 companies and 213.6 billion yuan a year earlier, a decrease of 85% in funds "
            "raised.")
    facts = extract_text(text, published="2024-07-10")
    current, earlier = one(facts, "32400000000"), one(facts, "213600000000")
    assert current.change.amount == Decimal("85") and earlier.change is None
    assert earlier.period.label == "2023-H1"


def test_a_destination_names_no_region():
    from pipeline import attribution as attr
    from pipeline.extract import annotate
    from pipeline.sentence_view import sentence_views
    text = ("China exported 768,000 vehicles to Russia, followed by Mexico with 301,000 units, "
            "while India bought 5,000 units. Specific to the mainland China market, PC shipments "
            "fell 24%.")
    doc = annotate(Article(doc_id="t", text=text, published="2024-09-20"), "en")
    views = sentence_views(doc, doc._.quantities)
    assert [c.row for v in views for c in attr.regions_in(v)] == ["China", "India", "China"]


def test_a_nationwide_figure_in_a_companys_article_is_the_markets():
    text = ("牧原股份发布三季报，公司前三季度营收同比增长。行业方面，据国家统计局数据，"
            "三季度末全国生猪存栏43477万头，同比下降3.0%。")
    fact = one(extract_text(text, lang="zh", published="2024-10-20"), "434770000")
    assert fact.subject.name == "China hog market"


def test_a_bare_number_in_a_ranking_counts_what_the_paragraph_counts():
    text = ("BYD operated 659,000 public piles at the end of June. Geely followed with 585,000, "
            "a share of 18.8%, and Xiaomi ranked third with 196,000.")
    facts = extract_text(text, published="2024-07-22")
    counts = [f for f in facts if f.value is not None and f.value.unit == "count"]
    assert [(f.value.amount, f.metric) for f in counts] == [
        (Decimal("659000"), "other"), (Decimal("585000"), "other"), (Decimal("196000"), "other")]


def test_a_quarter_a_forecast_is_compared_with_is_not_its_due_time():
    text = ("For the September quarter, the fourth quarter of its fiscal year, Apple expects total "
            "revenue to grow at a similar rate to the June quarter, or around 5%.")
    fact = one(extract_text(text, published="2024-08-02"), "5")
    assert fact.horizon is None or fact.horizon.label != "2025-Q2"


def test_an_economy_named_as_a_product_category_is_a_market():
    text = ("According to CCID, the size of China's low-altitude economy reached 505.95 billion "
            "yuan in 2023, a year-on-year increase of 33.8%.")
    fact = one(extract_text(text, published="2024-09-20"), "505950000000")
    assert (fact.subject.name, fact.metric) == ("China low-altitude economy market", "market_size")


def test_a_share_of_units_sold_is_no_revenue_share():
    text = ("Atour's members' stays accounted for about 67% of room nights sold in the quarter. "
            "Retail accounted for 32.1% of total net revenue.")
    facts = extract_text(text, published="2024-11-27")
    assert [f.metric for f in facts] == ["other", "revenue_share"]


def test_units_in_a_paragraph_of_shipments_are_shipments():
    text = ("Global smartphone shipments reached 316 million units in the third quarter. OPPO "
            "ranked fourth with 28.6 million units.")
    fact = one(extract_text(text, published="2024-10-20"), "28600000")
    assert fact.metric == "shipments"


def test_a_region_that_grew_in_a_paragraph_of_shipments_is_its_regional_market():
    text = ("Global smartphone shipments reached 316 million units in the third quarter, up 4% "
            "year-on-year. Among the regions, Africa grew 16% year-on-year, while North America "
            "declined 3% year-on-year.")
    facts = extract_text(text, published="2024-10-20")
    assert [(f.subject.name, f.metric) for f in facts[1:]] == [
        ("Africa smartphone market", "shipments"), ("North America smartphone market", "shipments")]


def test_a_change_between_two_yearly_changes_is_yearly_too():
    text = ("Among the regions, Africa grew 16% year-on-year, Latin America grew 11%, while North "
            "America declined 3% year-on-year.")
    assert [f.change.basis for f in extract_text(text, published="2024-10-20")] == ["yoy"] * 3


@pytest.mark.parametrize("text, lang", [
    ("Li Auto aims to open 100 more stores by the end of March 2025.", "en"),
    ("Panasonic said it will start mass production of the battery before the end of March 2025.",
     "en"),
])
def test_due_by_the_end_of_a_month_is_that_month(text, lang):
    facts = extract_text(text, lang=lang, published="2024-09-20")
    assert [f.horizon.label for f in facts] == ["2025-03"]


@pytest.mark.parametrize("text, lang, metrics", [
    ("与上一季度相比，三季度营业收入和净利润分别环比增长8.1%和12.4%。", "zh",
     [("revenue", "2024-Q3"), ("net_profit", "2024-Q3")]),
    ("In the third quarter, revenue and net profit rose 8.1% and 12.4% respectively.", "en",
     [("revenue", "2024-Q3"), ("net_profit", "2024-Q3")]),
])
def test_a_list_of_changes_alone_takes_the_metrics_named_before_it_in_order(text, lang, metrics):
    facts = extract_text(text, lang=lang, published="2024-10-30")
    assert [(f.metric, f.period.label) for f in facts] == metrics


def test_a_list_of_regions_gives_each_change_its_regional_market():
    text = ("Global tablet shipments rose 4% in the second quarter. Shipments in Germany and "
            "Brazil declined 7% and 21% year-on-year respectively.")
    facts = extract_text(text, published="2024-09-16")
    assert [f.subject.name for f in facts[1:]] == [
        "Germany tablet market", "Brazil tablet market"]


def test_revenue_from_a_source_keeps_the_time_written_after_it():
    text = ("Nexa Games said its revenue rose in the first half. Nexa Games reported revenue of "
            "4.2 billion yuan from mobile titles and licensing in the first quarter, up 6 per "
            "cent from a year earlier.")
    fact = one(extract_text(text, published="2024-07-26"), "4200000000")
    assert fact.period.label == "2024-Q1"


def test_a_share_adding_a_percentage_rose_by_it():
    text = ("Bank shares rose on Monday, with Alpha Bank gaining 1.2 per cent and Beta Bank adding "
            "0.7 per cent.")
    facts = extract_text(text, published="2024-07-22")
    assert [(f.metric, f.change.direction, f.change.amount) for f in facts] == [
        ("share_price", "up", Decimal("1.2")), ("share_price", "up", Decimal("0.7"))]


def test_an_estimate_of_what_a_title_grossed_last_half_is_reported_sales():
    text = ("Appfigures estimates that the studio's titles grossed about US$640 million in "
            "the first half, down 9 per cent from a year earlier.")
    fact = one(extract_text(text, published="2024-07-26"), "640000000")
    assert (fact.modality, fact.metric) == ("reported", "sales")


@pytest.mark.parametrize("text, amount, metric", [
    ("上半年，蚂蚁基金平台基金代销规模为5200亿元，同比下降8%。", "520000000000", "sales"),
    ("截至6月末，该平台权益类基金保有规模为3100亿元。", "310000000000", "other"),
    ("公司计划年内发行不超过50亿元的公司债券，用于补充营运资金。", "5000000000", "funding"),
])
def test_fund_sales_holdings_and_bond_issues_have_their_own_metrics(text, amount, metric):
    assert one(extract_text(text, lang="zh", published="2024-08-16"), amount).metric == metric


@pytest.mark.parametrize("text, lang, name", [
    ("Black Myth: Wukong sold 10 million copies in its first three days.", "en",
     "Black Myth: Wukong"),
    ("据伽马数据，《原神》上半年流水约为80亿元。", "zh", "Genshin Impact"),
])
def test_well_known_games_are_products(text, lang, name):
    facts = extract_text(text, lang=lang, published="2024-08-25")
    assert [(f.subject.name, f.subject.type) for f in facts] == [(name, "product")]


def test_a_categorys_share_of_a_market_total_is_a_market_share():
    text = ("China's tablet market reached 30 billion yuan in the first half. Education tablets "
            "accounted for 18 per cent of the total.")
    fact = one(extract_text(text, published="2024-07-26"), "18")
    assert fact.metric == "market_share"


def test_a_companys_volume_is_no_market_size():
    text = "上半年，东方财富证券完成债券承销项目120单，承销规模为1500亿元。"
    fact = one(extract_text(text, lang="zh", published="2024-08-30"), "150000000000")
    assert (fact.subject.type, fact.metric) == ("company", "other")


def test_what_a_business_brought_in_is_revenue():
    text = "Nexa Cloud's franchised stores brought in 812 million yuan in the quarter, up 9%."
    assert one(extract_text(text, published="2024-08-30"), "812000000").metric == "revenue"


@pytest.mark.parametrize("second", [
    "That topped the 4.1 billion yuan average estimate of analysts polled by LSEG.",
    "Analysts surveyed by FactSet had expected about 4.1 billion yuan.",
])
def test_a_consensus_figure_after_a_result_measures_the_same_thing(second):
    text = "Nexa Robotics said revenue rose 20% to 4.3 billion yuan in the quarter. " + second
    assert one(extract_text(text, published="2024-08-30"), "4100000000").metric == "revenue"


def test_the_game_and_the_title_refer_to_the_product_named_before():
    text = ("Game Science released Genshin Impact on consoles in August. Analysts expect the game "
            "to generate sales of about 1.5 billion yuan in 2025. The title is priced at 198 yuan.")
    facts = extract_text(text, published="2024-09-02")
    assert [(f.subject.name, f.metric) for f in facts] == [
        ("Genshin Impact", "sales"), ("Genshin Impact", "price")]


def test_a_category_in_a_describing_aside_names_no_market():
    text = ("China's video game market grew 3% in the first half. Casual titles, which are mostly "
            "played on personal computers, generated 2.1 billion yuan, up 9 per cent.")
    fact = one(extract_text(text, published="2024-07-26"), "2100000000")
    assert fact.subject.name == "China video game market"


def test_a_shortened_list_of_regions_names_each_region():
    text = ("上半年，全国电影票房达到290亿元。按区域划分，东、中、西部地区票房比重分别为"
            "61%、22%和17%，观影人次比重分别为58%、24%和18%。")
    facts = extract_text(text, lang="zh", published="2024-07-20")
    assert [f.subject.name for f in facts[1:]] == [
        f"{region} China film market" for region in ("eastern", "central", "western")] * 2


@pytest.mark.parametrize("text, lang, amount", [
    ("Outbound travel spending reached 90 billion yuan. Spending per traveller averaged about "
     "5,400 yuan.", "en", "5400"),
    ("国庆假期国内旅游收入达到7000亿元，人均消费约为910元。", "zh", "910"),
])
def test_money_per_person_is_a_rate_not_a_market_size(text, lang, amount):
    assert one(extract_text(text, lang=lang, published="2024-10-08"), amount).metric == "other"


def test_a_claim_beside_a_reported_figure_is_a_claim_of_its_own():
    text = ("Zhipu said its GLM-4-Plus model, priced at 5 yuan per million tokens, matched GPT-4o "
            "on reasoning benchmarks.")
    facts = extract_text(text, published="2024-09-10")
    assert sorted((f.modality, f.metric) for f in facts) == [("claim", None), ("reported", "price")]
    claim = next(f for f in facts if f.modality == "claim")
    assert claim.object is not None and claim.object.name == "GPT-4o"


def test_a_models_benchmark_score_is_its_makers_claim():
    text = ("Moonshot said Kimi k1.5 scored 1,150 points on the Arena leaderboard, ahead of "
            "Claude 3.5 Sonnet.")
    fact = one(extract_text(text, published="2024-11-20"), "1150")
    assert (fact.modality, fact.metric, fact.period, fact.value.unit) == (
        "claim", "benchmark_score", None, "count")


def test_the_model_after_a_claim_is_the_claimant_not_its_rival():
    text = ("Moonshot said its Kimi model surpassed GPT-4o in math tests. In coding, the model "
            "ranked second, tied with o1-mini, the company said.")
    facts = extract_text(text, published="2024-10-16")
    assert [(f.modality, f.subject.name, f.object.name) for f in facts] == [
        ("claim", "Kimi", "GPT-4o"), ("claim", "Kimi", "OpenAI o1")]


@pytest.mark.parametrize("text, lang, bar", [
    ("JD said that 82 brands exceeded 500 million yuan in sales during the promotion.", "en",
     "500000000"),
    ("京东表示，大促期间共有82个品牌成交额突破5亿元。", "zh", "500000000"),
])
def test_the_bar_a_number_of_brands_cleared_is_no_figure(text, lang, bar):
    facts = extract_text(text, lang=lang, published="2024-11-12")
    assert not [f for f in facts if f.value is not None and f.value.amount == Decimal(bar)]


@pytest.mark.parametrize("text, amount, label", [
    ("Nexa had 12,400 employees as of June 30, 2024, compared with 11,900 as of March 31, 2024.",
     "11900", "2024-03-31"),
    ("Nexa's app had 88 million monthly users in July, compared with 61 million in the same month "
     "last year.", "61000000", "2023-07"),
])
def test_a_compared_figure_keeps_its_own_day_or_month(text, amount, label):
    assert one(extract_text(text, published="2024-08-20"), amount).period.label == label


def test_the_same_period_of_an_earlier_year_moves_both_ends_of_a_season():
    text = ("China's summer box office (June 1 to August 31) was 11.6 billion yuan. Admissions in "
            "the summer season were 297 million, compared with 505 million in the same period of "
            "2023.")
    assert one(extract_text(text, published="2024-09-01"), "505000000").period.label == \
        "2023-06/2023-08"
