"""Tests for pipeline.segment: body, furniture, paragraphs and sentences, with exact offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import RuleFileError
from pipeline.segment import (
    Segmentation,
    find_date,
    furniture_rules,
    parse_furniture_rules,
    segment,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
EDGE_JUNK = " \t\n\r\xa0\u3000\ufeff*_"


def sentence_texts(text: str, lang: str = "en") -> list[str]:
    return [text[s.start:s.end] for s in segment(text, lang).sentences]


def assert_invariants(text: str, seg: Segmentation) -> None:
    """Offsets are grounded, ordered, inside kept paragraphs and outside dropped lines."""
    previous_end = 0
    for sentence in seg.sentences:
        piece = text[sentence.start:sentence.end]
        assert piece, sentence
        assert piece[0] not in EDGE_JUNK and piece[-1] not in EDGE_JUNK, piece
        assert sentence.start >= previous_end, sentence
        previous_end = sentence.end
        p_start, p_end = seg.paragraphs[sentence.paragraph]
        assert p_start <= sentence.start < sentence.end <= p_end
        for d_start, d_end, _ in seg.dropped:
            assert sentence.end <= d_start or sentence.start >= d_end
    for (s1, e1), (s2, e2) in zip(seg.paragraphs, seg.paragraphs[1:]):
        assert s1 < e1 <= s2 < e2
    if seg.paragraphs:
        assert (seg.body_start, seg.body_end) == (seg.paragraphs[0][0], seg.paragraphs[-1][1])


# --- sentences: exact offsets -------------------------------------------------------------

OFFSET_CASES = [
    ("Revenue was 9.325 billion yuan. Profit fell.", "en", [(0, 31), (32, 44)]),
    ("**Lu said that the team was set up in April. There are 1,200 people. **", "en",
     [(2, 44), (45, 68)]),
    ("said that **Xiaomi will not study it. **In contrast, others did.", "en",
     [(0, 37), (40, 64)]),
    ("Xiaomi said that revenue in the first quarter\nfell 18.9% to 59.5 billion yuan.", "en",
     [(0, 78)]),
    ("公司营收93.25亿元，同比增长18.91%；净利润亏损4.01亿元。", "zh", [(0, 35)]),
    ("Revenue rose 5%.\n\n01 Concentrate on models\n\nFrom the start, it grew.", "en",
     [(0, 16), (21, 42), (44, 68)]),
]


@pytest.mark.parametrize(("text", "lang", "spans"), OFFSET_CASES)
def test_sentence_offsets(text: str, lang: str, spans: list[tuple[int, int]]) -> None:
    seg = segment(text, lang)
    assert [(s.start, s.end) for s in seg.sentences] == spans
    assert_invariants(text, seg)


# --- sentences: English rules -------------------------------------------------------------

ENGLISH_CASES = [
    # numbers
    ("There are 1,200 staff. Costs fell 21%.", ["There are 1,200 staff.", "Costs fell 21%."]),
    ("It moved from version 4.0 to version 4.1. Then it stopped.",
     ["It moved from version 4.0 to version 4.1.", "Then it stopped."]),
    # abbreviations
    ("The U.S. market grew. Xiaomi Inc. said sales rose.",
     ["The U.S. market grew.", "Xiaomi Inc. said sales rose."]),
    ("Mr. Lu spoke. It was No. 1 in sales.", ["Mr. Lu spoke.", "It was No. 1 in sales."]),
    ("Shares of Apple Inc. The company said so.", ["Shares of Apple Inc.", "The company said so."]),
    ("Apple Inc. CEO Tim Cook spoke.", ["Apple Inc. CEO Tim Cook spoke."]),
    ("Peers, e.g. Xiaomi, grew.", ["Peers, e.g. Xiaomi, grew."]),
    ("Sales in the U.S. The rest fell.", ["Sales in the U.S.", "The rest fell."]),
    ("When Samsung, Apple, etc. stepped up, Xiaomi moved.",
     ["When Samsung, Apple, etc. stepped up, Xiaomi moved."]),
    # a letter glued to a version number is no initial
    ("It is comparable to GPT-4o. Lau expects growth.",
     ["It is comparable to GPT-4o.", "Lau expects growth."]),
    # brands that start lowercase still start a sentence
    ("Losses grew. iFLYTEK said so.", ["Losses grew.", "iFLYTEK said so."]),
    # other terminators
    ("Prices dropped! Who gains? Nobody.", ["Prices dropped!", "Who gains?", "Nobody."]),
    ("Sales rose... Then they fell.", ["Sales rose...", "Then they fell."]),
    ("It was the norm. , and after that it changed.",
     ["It was the norm. , and after that it changed."]),
    ("the views of Business Xinzhi.If there is any doubt, ask.",
     ["the views of Business Xinzhi.", "If there is any doubt, ask."]),
    # semicolons do not end sentences by default (see SEMICOLON_CASES)
    ("Losses reached 401 million yuan; After deducting items, the loss was 483 million yuan.",
     ["Losses reached 401 million yuan; After deducting items, the loss was 483 million yuan."]),
    # quotes
    ('Lei Jun once said, "Pigs can fly." Of course not.',
     ['Lei Jun once said, "Pigs can fly."', "Of course not."]),
    ('He said, "Revenue rose. Profit fell." Then he left.',
     ['He said, "Revenue rose. Profit fell."', "Then he left."]),
    ('"It rose." he said. Sales grew.', ['"It rose." he said.', "Sales grew."]),
    ("Cook said, “We believe it. We will weave it in.” Apple rose.",
     ["Cook said, “We believe it. We will weave it in.”", "Apple rose."]),
    ('It is "one billion users" of it. "And revenue is less than 19 billion.',
     ['It is "one billion users" of it.', "And revenue is less than 19 billion."]),
    # markdown emphasis at sentence edges
    ("** This is the fifth quarter. **", ["This is the fifth quarter."]),
    ("It fell. ** Overseas revenue also fell. ** In the last quarter, it was 27 billion yuan.",
     ["It fell.", "Overseas revenue also fell.", "In the last quarter, it was 27 billion yuan."]),
    ("Sales slowed. **", ["Sales slowed."]),
    # list markers are not sentences
    ("1. Revenue rose. 2. Profit fell.", ["Revenue rose.", "Profit fell."]),
    ("* Revenue rose 5%.\n* Profit fell.", ["Revenue rose 5%.", "Profit fell."]),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_CASES)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert sentence_texts(text) == expected
    assert_invariants(text, segment(text))


# With split_semicolons=True: "；" always splits, ";" only before an uppercase word.
SEMICOLON_CASES = [
    ("Revenue fell 18.9%; its profit rose 13.1%.", "en",
     ["Revenue fell 18.9%; its profit rose 13.1%."]),
    ("Losses reached 401 million yuan; After deducting items, the loss was 483 million yuan.", "en",
     ["Losses reached 401 million yuan;", "After deducting items, the loss was 483 million yuan."]),
    ("Cost of sales fell 21%; sales expenses fell 21.9%; IoT revenue fell 13.6%.", "en",
     ["Cost of sales fell 21%; sales expenses fell 21.9%;", "IoT revenue fell 13.6%."]),
    ('It is a "hexagonal warrior"; On the other hand, it loses money.', "en",
     ['It is a "hexagonal warrior";', "On the other hand, it loses money."]),
    ("公司营收93.25亿元，同比增长18.91%；净利润亏损4.01亿元。", "zh",
     ["公司营收93.25亿元，同比增长18.91%；", "净利润亏损4.01亿元。"]),
]


@pytest.mark.parametrize(("text", "lang", "expected"), SEMICOLON_CASES)
def test_split_semicolons(text: str, lang: str, expected: list[str]) -> None:
    seg = segment(text, lang, split_semicolons=True)
    assert [text[s.start:s.end] for s in seg.sentences] == expected
    assert [s.continues for s in seg.sentences] == [False] + [True] * (len(expected) - 1)
    assert_invariants(text, seg)
    assert len(segment(text, lang).sentences) == 1


def test_split_semicolon_offsets() -> None:
    text = "公司营收93.25亿元，同比增长18.91%；净利润亏损4.01亿元。"
    seg = segment(text, "zh", split_semicolons=True)
    assert [(s.start, s.end) for s in seg.sentences] == [(0, 23), (23, 35)]


# --- sentences: Chinese rules -------------------------------------------------------------

CHINESE_CASES = [
    ("营收增长！利润下降？成本持平。", ["营收增长！", "利润下降？", "成本持平。"]),
    ("刘庆峰表示：“讯飞不会犹豫。我们要饱和投入！”随后公司宣布投入。",
     ["刘庆峰表示：“讯飞不会犹豫。我们要饱和投入！”", "随后公司宣布投入。"]),
    ("“今年是星火燎原之年。”刘庆峰说。", ["“今年是星火燎原之年。”刘庆峰说。"]),
    ("他说：「收入增长。」然后离开。", ["他说：「收入增长。」", "然后离开。"]),
    ("第一行没有句号\n第二行也没有", ["第一行没有句号", "第二行也没有"]),
    ("市值约为700亿元?投资者怎么看", ["市值约为700亿元?", "投资者怎么看"]),
    ("**一季度营收595亿元。**", ["一季度营收595亿元。"]),
]


@pytest.mark.parametrize(("text", "expected"), CHINESE_CASES)
def test_chinese_sentences(text: str, expected: list[str]) -> None:
    assert sentence_texts(text, "zh") == expected
    assert_invariants(text, segment(text, "zh"))


# --- paragraphs ---------------------------------------------------------------------------

PARAGRAPH_CASES = [
    ("A rose 5%.\n\nB fell 3%.", "en", [(0, 10), (12, 22)]),
    ("A rose 5%.\nB fell 3%.", "en", [(0, 10), (11, 21)]),
    ("A rose 5%.\r\n\r\nB fell 3%.\r\n", "en", [(0, 10), (14, 24)]),
    ("Xiaomi said that revenue in the first quarter\nfell 18.9% to 59.5 billion yuan.", "en",
     [(0, 78)]),
    ("营收增长。\n利润下降。", "zh", [(0, 5), (6, 11)]),
]


@pytest.mark.parametrize(("text", "lang", "paragraphs"), PARAGRAPH_CASES)
def test_paragraphs(text: str, lang: str, paragraphs: list[tuple[int, int]]) -> None:
    seg = segment(text, lang)
    assert list(seg.paragraphs) == paragraphs
    assert_invariants(text, seg)


def test_sentence_never_spans_a_blank_line() -> None:
    text = "It grew.\n\nRevenue rose sharply, said the CFO of the group\n\nto 5 billion yuan."
    assert sentence_texts(text) == ["It grew.", "Revenue rose sharply, said the CFO of the group",
                                    "to 5 billion yuan."]


def test_sentence_paragraph_index() -> None:
    seg = segment("A rose 5%. B fell.\n\nC fell 3%.")
    assert [s.paragraph for s in seg.sentences] == [0, 0, 1]


# --- furniture ----------------------------------------------------------------------------

BEFORE = "Revenue rose 5% in the quarter.\n\n"
AFTER = "\n\nProfit fell 3% in the quarter."

FURNITURE_CASES = [
    ("Home About us", "menu"),
    ("首页 | 财经 | 科技", "menu"),
    ("AI前哨站 > 大模型 > 正文", "menu"),
    ("鹰眼财经 | 首页 > 公司 > 正文", "menu"),
    ("Author | Forest system", "byline"),
    ("Source: Alphabet List, Author: Zhao Jinjie, Editor: Yan Fei", "byline"),
    ("By John Smith", "byline"),
    ("(Reporting by Jane Doe; Editing by Tom Lee)", "byline"),
    ("来源：鹰眼财经  作者：周立新", "byline"),
    ("责任编辑：王蕾", "byline"),
    ("（编辑：孙悦）", "byline"),
    ("文｜林系", "byline"),
    ("Bohu Finance 2024/08/23 10:42", "dateline"),
    ("2023年5月25日 07:52", "dateline"),
    ("View Original", "link"),
    ("阅读原文", "link"),
    ("The content is for reference only, not a solicitation or offer. See Disclaimer.",
     "disclaimer"),
    ("免责声明：本文仅供参考，不构成投资建议。", "disclaimer"),
    ("*The copyright of the first image belongs to the copyright owner.", "copyright"),
    ("版权声明：本文为原创，转载请注明出处。", "copyright"),
    ("This article is from Xinzhi self-media and does not represent the views of the site.",
     "source_note"),
    ("本文来自微信公众号“博虎财经”，不代表本站观点。", "source_note"),
    ("原标题：讯飞大模型之战", "original_title"),
    ("Contact: system@example.com", "contact"),
    ("Comment", "comment_box"),
    ("0/400", "comment_box"),
    ("No comments", "comment_box"),
    ("发表评论 0/400", "comment_box"),
    ("  • Reward", "share_bar"),
    ("• Comment", "share_bar"),
    ("点赞 | 分享 | 收藏", "share_bar"),
    ("分享到：微信 微博 QQ空间", "share_bar"),
    ("扫码关注我们", "share_bar"),
    ("01", "section_number"),
    ("03", "section_number"),
    ("---", "separator"),
    ("阅读 2.3万", "meta"),
    ("Titanium Media APP will continue to pay attention.", "signoff"),
    ("钛媒体APP将持续关注。", "signoff"),
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE_CASES)
def test_furniture_is_dropped(line: str, reason: str) -> None:
    text = BEFORE + line + AFTER
    seg = segment(text)
    start = len(BEFORE) + len(line) - len(line.lstrip())
    assert seg.dropped == ((start, len(BEFORE) + len(line), reason),)
    assert sentence_texts(text) == ["Revenue rose 5% in the quarter.",
                                    "Profit fell 3% in the quarter."]


KEPT_CASES = [
    "By 2026, the company aims for 100 million users.",
    "Sources said the deal is worth 5 billion yuan.",
    "Comments from the CEO were upbeat.",
    "Home sales rose 5% in May.",
    "扫码支付用户达1亿。",
    "01 Concentrate on large-scale models",
    "On 2024/08/23 the company reported revenue of 9 billion yuan.",
    "The regulator said it will continue to pay attention to pricing in the sector.",
]


@pytest.mark.parametrize("line", KEPT_CASES)
def test_body_lines_are_kept(line: str) -> None:
    text = BEFORE + line + AFTER
    seg = segment(text)
    assert seg.dropped == ()
    assert len(seg.paragraphs) == 3


def test_repeated_banner_is_dropped_everywhere() -> None:
    banner = "Bohu Finance, Big model, iFLYTEK can't lose a battle"
    text = f"Revenue rose 5%.\n\n{banner}\n\nProfit fell 3%.\n\n{banner}\n\nCosts fell."
    seg = segment(text)
    assert seg.dropped == ((18, 70, "repeated_banner"), (89, 141, "repeated_banner"))
    assert sentence_texts(text) == ["Revenue rose 5%.", "Profit fell 3%.", "Costs fell."]


def test_a_repeated_sentence_is_not_a_banner() -> None:
    text = "Revenue rose 5%.\n\nProfit fell.\n\nRevenue rose 5%."
    assert segment(text).dropped == ()


def test_related_articles_drop_the_rest() -> None:
    text = ("Revenue rose 5% in the first half of the year, the company said on Monday.\n\n"
            "Profit fell.\n\nRelated articles\n\nXiaomi revenue falls 18.9%\n\nApple gains")
    seg = segment(text)
    assert [reason for _, _, reason in seg.dropped] == ["related"] * 3
    assert sentence_texts(text)[-1] == "Profit fell."


# --- header: title, published -------------------------------------------------------------

HEADER_CASES = [
    ("Home About us\n\nLarge model, a battle\n\nBohu Finance 2024/08/23 10:42\n\n"
     "Author | Forest system\n\nOn August 21, it reported.", "Large model, a battle", "2024-08-23"),
    ("# Xiaomi results\n\nRevenue fell.", "Xiaomi results", None),
    ("新消费日报 > 科技 > 正文\n\n小米一季度营收595亿元\n\n2023年5月25日 07:52\n\n一季度营收下降。",
     "小米一季度营收595亿元", "2023-05-25"),
    ("Can Xiaomi afford AI?\n\nPublished: Aug 23, 2024\n\nRevenue fell.", "Can Xiaomi afford AI?",
     "2024-08-23"),
    ("Revenue fell 5%.", None, None),
    ("Revenue fell 5%", None, None),
    ("Xiaomi results\n\nRevenue fell 5%", None, None),
]


@pytest.mark.parametrize(("text", "title", "published"), HEADER_CASES)
def test_header(text: str, title: str | None, published: str | None) -> None:
    seg = segment(text, "zh" if "小米" in text else "en")
    assert seg.title == title
    assert seg.published == published
    assert_invariants(text, seg)
    assert seg.sentences, "a short text keeps its only line as body"
    if title is not None:
        first = seg.sentences[0]
        assert (text[first.start:first.end], first.paragraph) == (title, 0)


def test_title_is_kept_and_header_lines_are_dropped() -> None:
    text = "Big news\n\nSubtitle here\n\nRevenue rose 5%."
    seg = segment(text)
    assert seg.title == "Big news"
    assert seg.dropped == ((10, 23, "header"),)
    assert seg.paragraphs == ((0, 8), (25, 41))
    assert (seg.body_start, seg.body_end) == (0, 41)


def test_title_never_joins_the_next_line() -> None:
    text = "Xiaomi results for the first quarter of 2023\nrevenue fell 18.9% to 59.5 billion yuan."
    assert len(segment(text).paragraphs) == 1
    text = "**Xiaomi results for the first quarter of 2023**\nRevenue fell 18.9%."
    seg = segment(text)
    assert seg.title == "Xiaomi results for the first quarter of 2023"
    assert seg.paragraphs == ((0, 48), (49, 68))


DATE_CASES = [
    ("Bohu Finance 2024/08/23 10:42", "2024-08-23"),
    ("2024年8月23日 来源：博虎财经", "2024-08-23"),
    ("2024-08-22 12:08", "2024-08-22"),
    ("Published: Aug 23, 2024", "2024-08-23"),
    ("23 August 2024", "2024-08-23"),
    ("September 3rd, 2023", "2023-09-03"),
    ("2024/02/30 10:00", None),
    ("8月23日", None),
]


@pytest.mark.parametrize(("text", "iso"), DATE_CASES)
def test_find_date(text: str, iso: str | None) -> None:
    assert find_date(text) == iso


def test_empty_text() -> None:
    seg = segment("")
    assert seg == Segmentation(0, 0, (), (), None, None, ())
    assert segment(" \n\n \t").sentences == ()


def test_bom_and_crlf_keep_offsets() -> None:
    text = "\ufeffRevenue rose 5%.\r\n\r\nProfit fell."
    assert [(s.start, s.end) for s in segment(text).sentences] == [(1, 17), (21, 33)]


# --- rule files ---------------------------------------------------------------------------

def test_shipped_rule_files_load() -> None:
    for lang in ("en", "zh"):
        rules = furniture_rules(lang)
        assert rules and len({(r.id, r.pattern) for r in rules}) == len(rules)


BROKEN_RULES = [
    ('{"id": "menu.x", "reason": "menu"}', "rules.jsonl:1:"),
    ('{"id": "menu.x", "reason": "menu", "pattern": "("}', "bad regular expression"),
    ('{"id": "menu.x", "reason": "menu", "pattern": "a", "colour": "red"}', "rules.jsonl:1:"),
    ("not json", "rules.jsonl:1:"),
    ('{"id": "m.x", "reason": "menu", "pattern": "a"}\n{"id": "m.x", "reason": "m", '
     '"pattern": "b"}', "rules.jsonl:2: duplicate id"),
]


@pytest.mark.parametrize(("content", "message"), BROKEN_RULES)
def test_broken_rule_file(content: str, message: str) -> None:
    with pytest.raises(RuleFileError, match=message.replace("(", r"\(")):
        parse_furniture_rules(content, "rules.jsonl")


# --- the seed corpus and fuzzing ----------------------------------------------------------

FURNITURE_SNIPPETS = ("Home About us", "Author |", "Bohu Finance, Big model", "View Original",
                      "for reference only", "0/400", "• Share", "does not represent the views",
                      "责任编辑", "免责声明", "正文", "点赞", "作者：", "来源：", "版权声明")


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_corpus_invariants(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    meta_path = path.with_name(path.stem + ".meta.json")
    lang = json.loads(meta_path.read_text(encoding="utf-8")).get("lang", "en")
    seg = segment(text, lang)
    assert_invariants(text, seg)
    assert len(seg.sentences) >= 5
    for sentence in seg.sentences:
        piece = text[sentence.start:sentence.end]
        assert not any(snippet in piece for snippet in FURNITURE_SNIPPETS), piece


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab A.!?;:,\"“”'*_#-•\n\r 0123。！？；营收「」(1)")),
               max_size=120),
       st.sampled_from(["en", "zh"]))
def test_fuzz_offsets_are_grounded(text: str, lang: str) -> None:
    seg = segment(text, lang)
    assert_invariants(text, seg)
    assert segment(text, lang) == seg


def test_chinese_share_bar_with_bracketed_counts_is_furniture() -> None:
    text = "正文第一句。第二句在这里。\n\n评论（0）  点赞（15）  分享\n"
    seg = segment(text, "zh")
    assert all("评论" not in text[s.start:s.end] for s in seg.sentences)


def test_the_metadata_title_names_the_title_line() -> None:
    text = ("Auto Finance Observer\nHome | Industry | Data\n\n"
            "Penetration exceeded 50% for two months, can the price war be stopped?\n\n"
            "China's market continued to grow in August. Sales rose 30%.\n")
    title = "Penetration exceeded 50% for two months, can the price war be stopped?"
    seg = segment(text, "en", title=title)
    assert seg.title == title
    first = seg.sentences[0]
    assert text[first.start:first.end] == title and first.paragraph == 0
    assert text[seg.sentences[1].start:seg.sentences[1].end].startswith("China's market")
    assert segment(text, "en").title != title  # without the hint the site name looks like one


def test_an_in_body_subheading_is_dropped_not_read_as_a_sentence():
    text = ("Zentrix reports record quarter\n\n"
            "Zentrix said on Thursday that revenue rose 20% in the third quarter.\n\n"
            "Vehicle margin returned above 20%\n\n"
            "The vehicle margin was 21.5% in the third quarter, up from 18.7% in the second "
            "quarter, the company said in its report.")
    seg = segment(text, "en")
    sentences = [text[s.start:s.end] for s in seg.sentences]
    assert "Vehicle margin returned above 20%" not in sentences
    assert any(reason == "subheading" for _, _, reason in seg.dropped)
    assert any(s.startswith("The vehicle margin was 21.5%") for s in sentences)


def test_a_share_bar_with_a_comment_counter_is_furniture() -> None:
    text = ("First sentence of the body. Second sentence here.\n\n"
            "Like 56 | Collect 23 | Share | 0/400 comment\n")
    seg = segment(text, "en")
    assert all("Collect" not in text[s.start:s.end] for s in seg.sentences)


def test_a_further_statement_after_a_chinese_quote_starts_a_sentence() -> None:
    text = "他表示：“我们将继续坚持战略。”郭谨一还透露，公司的目标是2025年底海外门店达100家。"
    seg = segment(text, "zh")
    assert [text[s.start:s.end][:3] for s in seg.sentences] == ["他表示", "郭谨一"]


def test_an_attribution_after_a_chinese_quote_stays_in_its_sentence() -> None:
    text = "“我们将继续坚持战略。”郭谨一表示。下半年门店将继续扩张。"
    seg = segment(text, "zh")
    assert len(seg.sentences) == 2


def test_a_related_links_line_is_furniture() -> None:
    text = ("Moore Threads raised 2.5 billion yuan. The round was led by a state fund.\n\n"
            "Related: Biren files for Hong Kong IPO | Huawei Ascend shipments double\n")
    seg = segment(text, "en")
    assert all("Biren" not in text[s.start:s.end] for s in seg.sentences)
