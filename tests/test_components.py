"""Each stage on a blank pipeline, on small texts written for the test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import RuleFileError
from pipeline.extract import annotate
from pipeline.lexicon import MetricRow, load_lexicon, parse_rows
from pipeline.models import Article
from pipeline.nlp import STAGES, build_nlp
from pipeline.periods import find_time_mentions

DATA = Path(__file__).parent / "data"


def spans(doc, group):
    return [(s.text, s.label_, s.id_) for s in doc.spans[group]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pipeline_is_blank_plus_our_components(lang):
    nlp = build_nlp(lang)
    assert nlp.pipe_names == list(STAGES)
    assert nlp.meta.get("name", "pipeline") != "core_web_sm"


def test_stages_tag_an_english_sentence():
    text = "Xiaomi's smartphone revenue decreased by 23.6% year-on-year to 35 billion yuan."
    doc = annotate(Article(doc_id="t", text=text, published="2023-05-24"), "en")
    assert ("Xiaomi", "company", "Xiaomi") in spans(doc, "subjects")
    assert ("revenue", "revenue", "revenue") in spans(doc, "metrics")
    assert ("smartphone", "product", "smartphone") in spans(doc, "segments")
    labels = {label for _, label, _ in spans(doc, "changes")}
    assert {"down", "yoy", "to"} <= labels
    assert [q.text for q in doc._.quantities] == ["23.6%", "35 billion yuan"]


def test_a_category_opening_the_sentence_is_tagged():
    text = "New energy vehicle exports were 98,000 units; PHEV exports tripled."
    doc = annotate(Article(doc_id="t", text=text, published="2024-09-12"), "en")
    found = {(t, row) for t, label, row in spans(doc, "segments") if label == "product"}
    assert found == {("New energy vehicle", "new energy vehicle"), ("PHEV", "new energy vehicle")}


def test_stages_tag_a_chinese_sentence():
    text = "小米集团一季度营收同比下降18.9%至595亿元。"
    doc = annotate(Article(doc_id="t", text=text, published="2023-05-24"), "zh")
    assert ("小米集团", "company", "Xiaomi") in spans(doc, "subjects")
    assert any(label == "revenue" for _, label, _ in spans(doc, "metrics"))
    assert [m.label for m in doc._.time_mentions] == ["2023-Q1"]


def test_modality_cues_carry_their_category():
    text = "Gartner predicts that the market will grow, and the company aims to double sales."
    doc = annotate(Article(doc_id="t", text=text), "en")
    categories = {label for _, label, _ in spans(doc, "modality")}
    assert {"forecast", "target", "future"} <= categories


@pytest.mark.parametrize(
    ("text", "lang", "labels"),
    [
        ("in the first half of the year", "en", ["2024-H1"]),
        ("the fourth quarter", "en", ["2023-Q4"]),
        ("from the first quarter to the fourth quarter of 2023", "en", ["2023-Q1/2023-Q4"]),
        ("late 2025 or early 2026", "en", ["2025-H2/2026-H1"]),
        ("by 2026", "en", ["2026"]),
        ("in the next 5 years", "en", ["2024/2029"]),
        ("last year and this year", "en", ["2023", "2024"]),
        ("2023年第四季度", "zh", ["2023-Q4"]),
        ("去年上半年", "zh", ["2023-H1"]),
        ("前三季度", "zh", ["2024-Q1/2024-Q3"]),
        ("as of June 30, 2024", "en", ["2024-06-30"]),
        ("at the beginning of 2024", "en", ["2024-Q1"]),
        ("by the end of this year", "en", ["2024"]),
        ("since September last year", "en", ["2023-09/2024-08"]),
        ("2025年底", "zh", ["2025"]),
        ("前8个月", "zh", ["2024-01/2024-08"]),
        ("for the six months ended June 30", "en", ["2024-H1"]),
        ("in the April-to-June period", "en", ["2024-Q2"]),
        ("for the first quarter of fiscal 2025, which ended June 30", "en", ["2024-Q2"]),
        ("in the nine months ended September 30, 2023", "en", ["2023-Q1/2023-Q3"]),
        ("for the year ended December 31, 2023", "en", ["2023"]),
    ],
)
def test_periods_resolve_against_the_publication_date(text, lang, labels):
    found = find_time_mentions(text, lang, date(2024, 8, 23))
    assert [m.label for m in found] == labels
    for m in found:
        assert text[m.start:m.end] == m.text


def test_same_period_last_year_is_left_to_assembly():
    found = find_time_mentions("compared with the same period last year", "en", date(2024, 1, 1))
    assert [(m.kind, m.label) for m in found] == [("same_period", None)]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("duplicate_ids.jsonl", "duplicate_ids.jsonl:2: duplicate id 'revenue'"),
        ("unknown_metric.jsonl", "unknown_metric.jsonl:1: metric"),
        ("unknown_key.jsonl", "unknown_key.jsonl:1: colour"),
        ("bad_json.jsonl", "bad_json.jsonl:1: not valid JSON"),
    ],
)
def test_broken_rule_files_name_file_and_line(name, message):
    path = DATA / name
    with pytest.raises(RuleFileError, match=message.replace("(", r"\(")):
        parse_rows(path.read_text(encoding="utf-8"), name, MetricRow)


def test_unknown_language_is_a_clear_error():
    with pytest.raises(RuleFileError, match="no rule files for language 'fr'"):
        load_lexicon("fr")


def test_every_language_has_the_same_rule_files():
    import importlib.resources as resources

    names = {lang: sorted(p.name for p in resources.files(f"pipeline.resources.{lang}").iterdir()
                          if p.name.endswith(".jsonl")) for lang in ("en", "zh")}
    assert names["en"] == names["zh"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Zentrix Labs posted revenue of $3 million. Zentrix Labs's margin rose.", "en",
         {("Zentrix Labs", "company")}),
        ("The deal values QuantaMind at $2 billion.", "en", {("QuantaMind", "company")}),
        ("CEO Yan Junjie said the Orion 300X chip ships in May.", "en",
         {("Yan Junjie", "person"), ("Orion 300X", "product")}),
        ("The board met in May 2024. The company said revenue rose.", "en", set()),
        ("Monthly paying users (MPUs) grew 10%. MPUs and GPUs rose.", "en", set()),
        ("据群智咨询统计，出货量增长。", "zh", {("群智咨询", "organization")}),
    ],
)
def test_unknown_names(text, lang, expected):
    from pipeline.components.names import find_unknown_names

    found = find_unknown_names(text, [], lang)
    assert {(c.text, c.label) for c in found} == expected
    for cue in found:
        assert text[cue.start:cue.end] == cue.text


def test_a_canonical_name_has_one_type_in_every_language():
    from pipeline.lexicon import canonical_subjects

    types = canonical_subjects()
    assert types["iFLYTEK"] == "company" and types["iFLYTEK Spark"] == "product"


def test_a_model_variant_extends_the_known_model():
    from pipeline.extract import annotate
    from pipeline.models import Article
    text = "Tencent Cloud cut the price of Hunyuan-Pro by 55%. 讯飞星火V4.0发布，星火Pro降价。"
    doc = annotate(Article(doc_id="x", text=text, published="2024-08-15"), "en")
    names = {c.text: c.row for c in doc._.cues["subjects"] if c.label == "product"}
    assert names.get("Hunyuan-Pro") == "Hunyuan-Pro"


@pytest.mark.parametrize(("text", "lang", "label"), [
    ("2024年1-6月，泽瑞装机量同比增长29.3%", "zh", "2024-H1"),
    ("今年1至7月，销量增长", "zh", "2024-01/2024-07"),
    ("from January to June, sales rose", "en", "2024-H1"),
    ("from January to July, sales rose", "en", "2024-01/2024-07"),
])
def test_spans_of_months(text, lang, label):
    from datetime import date

    from pipeline.periods import find_time_mentions
    mentions = find_time_mentions(text, lang, date(2024, 8, 29))
    assert [m.label for m in mentions] == [label]


def test_a_business_line_with_a_company_suffix_is_no_company():
    from pipeline.components.names import find_unknown_names
    text = "智能建筑科技收入为159.75亿元，同比增长11.0%。华勤科技上半年营收增长。"
    names = {c.text for c in find_unknown_names(text, [], "zh")}
    assert "智能建筑科技" not in names and "华勤科技" in names


def test_a_model_code_glued_to_its_maker():
    from pipeline.extract import annotate
    from pipeline.models import Article
    text = "截至7月底，理想L6累计交付已超过10万辆。"
    doc = annotate(Article(doc_id="x", text=text, published="2024-08-29"), "zh")
    assert [(c.text, c.row) for c in doc._.cues["subjects"]] == [("理想L6", "Li Auto L6")]


@pytest.mark.parametrize(("text", "lang", "label"), [
    ("plans to invest 10 billion yuan over the next 12 months", "en", "2024-08/2025-08"),
    ("公司还计划在未来12个月内回购股份", "zh", "2024-08/2025-08"),
])
def test_the_next_n_months(text, lang, label):
    from datetime import date

    from pipeline.periods import find_time_mentions
    assert [m.label for m in find_time_mentions(text, lang, date(2024, 8, 27))] == [label]


@pytest.mark.parametrize("text, lang, label", [
    ("截至6月末，公司员工约2.1万人。", "zh", "2024-06-30"),
    ("截至二季度末，公司月产能为83.7万片。", "zh", "2024-06-30"),
    ("As of the end of July, Kling had 2.6 million users.", "en", "2024-07-31"),
    ("The company aims to open 100 routes by the end of 2025.", "en", "2025"),
])
def test_the_end_of_a_month_or_quarter_is_its_last_day(text, lang, label):
    found = find_time_mentions(text, lang, date(2024, 8, 9))
    assert [m.label for m in found] == [label]


@pytest.mark.parametrize("text, category", [
    ("Notebook shipments reached 50.0 million units.", "notebook"),
    ("Desktop shipments fell 1% to 12.8 million units.", "desktop"),
    ("Smartwatch shipments declined 9%.", "smartwatch"),
    ("国内冰箱市场零售额约为530亿元。", "refrigerator"),
])
def test_product_categories(text, category):
    lang = "en" if text.isascii() else "zh"
    doc = annotate(Article(doc_id="t", text=text, published="2024-08-29"), lang)
    assert category in {row for _, label, row in spans(doc, "segments") if label == "product"}


@pytest.mark.parametrize("text, lang, published, label", [
    ("Revenue in the quarter rose 20%.", "en", date(2024, 8, 9), "2024-Q2"),
    ("当季营收增长20%。", "zh", date(2024, 2, 9), "2023-Q4"),
])
def test_the_quarter_is_the_last_one_completed(text, lang, published, label):
    assert [m.label for m in find_time_mentions(text, lang, published)] == [label]


@pytest.mark.parametrize("text, lang, category", [
    ("Mobile game revenue reached US$92.6 billion.", "en", "mobile game"),
    ("Cloud gaming revenue will reach US$7.2 billion.", "en", "cloud gaming"),
    ("上半年，国内移动游戏市场实际销售收入1070.3亿元。", "zh", "mobile game"),
])
def test_game_categories(text, lang, category):
    doc = annotate(Article(doc_id="t", text=text, published="2024-08-28"), lang)
    assert category in {row for _, label, row in spans(doc, "segments") if label == "product"}


@pytest.mark.parametrize("lang, text", [
    ("en", "Revenue rose 12.5% to $3.2 billion, the company said.  Net loss: 1.1 bn."),
    ("zh", "上半年营业收入为834.51亿元，同比增长17.76%。 净利润416.96亿元。"),
])
def test_expand_span_agrees_with_char_span(lang, text):
    from pipeline.components.base import expand_span
    from pipeline.nlp import build_nlp

    doc = build_nlp(lang).make_doc(text)
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 12) + 1):
            if not text[start:end].strip():
                continue  # spaCy returns an empty span for blank ranges; we never ask for one
            want = doc.char_span(start, end, alignment_mode="expand")
            got = expand_span(doc, start, end)
            assert (want.start, want.end) == (got.start, got.end), (start, end)


@pytest.mark.parametrize("text, label", [
    ("during the summer vacation from July 1 to August 31", "2024-07/2024-08"),
    ("from June 1 to June 30", "2024-06"),
    ("from January 1 to June 30", "2024-H1"),
])
def test_a_span_of_whole_months_written_as_days_is_those_months(text, label):
    from datetime import date

    from pipeline.periods import find_time_mentions

    (mention,) = find_time_mentions(text, "en", date(2024, 9, 3))
    assert mention.label == label


def test_a_known_model_family_with_a_glued_version_is_that_family():
    from pipeline.components.names import glued_versions
    text = "Its Qwen2.5-72B and Qwen2-72B models beat Qwen-Long and Qwenx."
    found = glued_versions(text, [], "en")
    assert [(c.text, c.row) for c in found] == [("Qwen2.5-72B", "Qwen"), ("Qwen2-72B", "Qwen")]


def test_a_product_code_is_the_product_its_maker_code_named():
    from pipeline.components.names import find_unknown_names
    text = "Moore Threads launched the MTT S4000 in July. It said the S4000 is fast. GDP Q2 rose."
    found = [(c.text, c.row) for c in find_unknown_names(text, [], "en") if c.label == "product"]
    assert found == [("MTT S4000", "MTT S4000"), ("S4000", "MTT S4000")]


def test_a_verb_after_models_is_no_model_name():
    from pipeline.components.names import find_unknown_names
    text = ("Token usage of the Doubao models exceeded 500 billion. The lightweight model "
            "abab 6.5s is cheap.")
    assert [c.text for c in find_unknown_names(text, [], "en") if c.label == "product"] == [
        "abab 6.5s"]
