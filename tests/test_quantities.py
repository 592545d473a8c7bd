"""find_quantities(): table tests with exact offsets, rule-file errors, and properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import RuleFileError
from pipeline.quantities import Quantity, _currency_rows, _word_rows, find_quantities

# (lang, text, [(text, start, end, amount, unit, qualifier, counted)]); [] means nothing found.
CASES = [
    # English money, scales, signs
    ("en", "Net income rose to 12.4 billion yuan.",
     [("12.4 billion yuan", 19, 36, "12400000000", "CNY", "exact", None)]),
    ("en", "It paid HK$3.5bn for the stake.",
     [("HK$3.5bn", 8, 16, "3500000000", "HKD", "exact", None)]),
    ("en", "Revenue of US$ 88 million beat forecasts.",
     [("US$ 88 million", 11, 25, "88000000", "USD", "exact", None)]),
    ("en", "a loss of -1,234.5 million euros",
     [("-1,234.5 million euros", 10, 32, "-1234500000", "EUR", "exact", None)]),
    ("en", "¥8,000", [("¥8,000", 0, 6, "8000", "CNY", "exact", None)]),
    ("en", "($2.5 million)", [("($2.5 million)", 0, 14, "-2500000", "USD", "exact", None)]),
    ("en", "RMB 3.2 billion ($450 million)",
     [("RMB 3.2 billion", 0, 15, "3200000000", "CNY", "exact", None),
      ("$450 million", 17, 29, "450000000", "USD", "exact", None)]),
    ("en", "five hundred thousand dollars",
     [("five hundred thousand dollars", 0, 29, "500000", "USD", "exact", None)]),
    ("en", "it cost 7 dollars and 5 cents",
     [("7 dollars and 5 cents", 8, 29, "7.05", "USD", "exact", None)]),
    # percentages and points
    ("en", "Sales fell 7.25% in May.", [("7.25%", 11, 16, "7.25", "%", "exact", None)]),
    ("en", "−12%", [("−12%", 0, 4, "-12", "%", "exact", None)]),
    ("en", "Margins improved by 1.5 percentage points.",
     [("1.5 percentage points", 20, 41, "1.5", "pp", "exact", None)]),
    ("en", "The bank cut rates by 50 basis points.",
     [("50 basis points", 22, 37, "0.5", "pp", "exact", None)]),
    # counts and multiples
    ("en", "Shipments reached 4.2 million units.",
     [("4.2 million units", 18, 35, "4200000", "count", "exact", "unit")]),
    ("en", "The app was downloaded 2.5 million times.",
     [("2.5 million times", 23, 40, "2500000", "count", "exact", "time")]),
    ("en", "It employs 3,400 full-time engineers.",
     [("3,400 full-time engineers", 11, 36, "3400", "count", "exact", "full-time engineer")]),
    ("en", "Profit more than tripled.", [("tripled", 17, 24, "3", "x", "more_than", None)]),
    ("en", "Sales were 2.5x higher.", [("2.5x", 11, 15, "2.5", "x", "exact", None)]),
    # qualifiers stay out of the text
    ("en", "about 700 stores", [("700 stores", 6, 16, "700", "count", "approx", "store")]),
    ("en", "at least £12m", [("£12m", 9, 13, "12000000", "GBP", "at_least", None)]),
    ("en", "fewer than 90 employees",
     [("90 employees", 11, 23, "90", "count", "less_than", "employee")]),
    ("en", "up to €4bn", [("€4bn", 6, 10, "4000000000", "EUR", "at_most", None)]),
    # number words and fractions
    ("en", "ninety-nine thousand nine hundred",
     [("ninety-nine thousand nine hundred", 0, 33, "99900", None, "exact", None)]),
    ("en", "a hundred and twelve", [("a hundred and twelve", 0, 20, "112", None, "exact", None)]),
    ("en", "two and a half million",
     [("two and a half million", 0, 22, "2500000", None, "exact", None)]),
    ("en", "three fifths of the board", [("three fifths", 0, 12, "0.6", None, "exact", None)]),
    # years stay bare numbers; the pipeline filters dates
    ("en", "The 2019 report", [("2019", 4, 8, "2019", None, "exact", None)]),
    ("en", "In the 1990s", [("1990", 7, 11, "1990", None, "exact", None)]),
    # a change from one level to another is two quantities, not a range
    ("en", "rose from 5% to 9%",
     [("5%", 10, 12, "5", "%", "exact", None), ("9%", 16, 18, "9", "%", "exact", None)]),
    # not quantities
    ("en", "GPT-4 launched", []),
    ("en", "the Q3 results and 5G phones", []),
    ("en", "100ml bottles", []),
    ("en", "no one came", []),
    ("en", "a half-year report", []),
    ("en", "visit https://example.com/a/2023/10 now", []),
    # Chinese money, scales, qualifiers
    ("zh", "营收同比增长12.5%，达到86.3亿元。",
     [("12.5%", 6, 11, "12.5", "%", "exact", None),
      ("86.3亿元", 14, 20, "8630000000", "CNY", "exact", None)]),
    ("zh", "市值突破1.5万亿元", [("1.5万亿元", 4, 10, "1500000000000", "CNY", "more_than", None)]),
    ("zh", "人民币500万元", [("人民币500万元", 0, 8, "5000000", "CNY", "exact", None)]),
    ("zh", "港币3.2亿", [("港币3.2亿", 0, 6, "320000000", "HKD", "exact", None)]),
    ("zh", "下降-3%", [("-3%", 2, 5, "-3", "%", "exact", None)]),
    ("zh", "２０２３年营收１２．５亿元",
     [("２０２３", 0, 4, "2023", None, "exact", None),
      ("１２．５亿元", 7, 13, "1250000000", "CNY", "exact", None)]),
    ("zh", "毛利率下降2.1个百分点", [("2.1个百分点", 5, 12, "2.1", "pp", "exact", None)]),
    ("zh", "出货量约4500万台", [("4500万台", 4, 10, "45000000", "count", "approx", "台")]),
    ("zh", "员工超过3000人", [("3000人", 4, 9, "3000", "count", "more_than", "人")]),
    ("zh", "投资200多亿元", [("200多亿元", 2, 8, "20000000000", "CNY", "more_than", None)]),
    ("zh", "新增40余家门店", [("40余家门店", 2, 8, "40", "count", "more_than", "门店")]),
    ("zh", "价格在5000元左右", [("5000元", 3, 8, "5000", "CNY", "approx", None)]),
    ("zh", "这笔钱是三块五毛二", [("三块五毛二", 4, 9, "3.52", "CNY", "exact", None)]),
    # Chinese numerals, percentages, multiples
    ("zh", "三千二百万", [("三千二百万", 0, 5, "32000000", None, "exact", None)]),
    ("zh", "两亿零五百万", [("两亿零五百万", 0, 6, "205000000", None, "exact", None)]),
    ("zh", "壹佰零捌", [("壹佰零捌", 0, 4, "108", None, "exact", None)]),
    ("zh", "九万八", [("九万八", 0, 3, "98000", None, "exact", None)]),
    ("zh", "三成用户", [("三成", 0, 2, "30", "%", "exact", None)]),
    ("zh", "打八折", [("八折", 1, 3, "80", "%", "exact", None)]),
    ("zh", "百分之六十五", [("百分之六十五", 0, 6, "65", "%", "exact", None)]),
    ("zh", "五分之二", [("五分之二", 0, 4, "0.4", None, "exact", None)]),
    ("zh", "利润翻番", [("翻番", 2, 4, "2", "x", "exact", None)]),
    ("zh", "增长了2倍", [("2倍", 3, 5, "2", "x", "exact", None)]),
    ("zh", "建成万卡集群", [("万卡", 2, 4, "10000", "count", "exact", "卡")]),
    # not quantities
    ("zh", "一切正常", []),
    ("zh", "统一标准", []),
    ("zh", "万一失败", []),
    ("zh", "大陆市场", []),
    ("zh", "订单号B12345", []),
    ("zh", "5G手机", []),
    ("zh", "折旧费用3亿元", [("3亿元", 4, 7, "300000000", "CNY", "exact", None)]),
    ("zh", "成本为5亿元", [("5亿元", 3, 6, "500000000", "CNY", "exact", None)]),
    # a change and its result, or a year and an amount, are not ranges
    ("en", "cut by 9,000 yuan to 199,900 yuan",
     [("9,000 yuan", 7, 17, "9000", "CNY", "exact", None),
      ("199,900 yuan", 21, 33, "199900", "CNY", "exact", None)]),
    ("en", "from 5,000 yuan to 8,000 yuan", [("5,000 yuan", 5, 15, "5000", "CNY", "exact", None),
                                            ("8,000 yuan", 19, 29, "8000", "CNY", "exact", None)]),
    ("en", "in 2021 to 3.1 billion yuan", [("2021", 3, 7, "2021", None, "exact", None),
                                          ("3.1 billion yuan", 11, 27, "3100000000", "CNY",
                                           "exact", None)]),
]

# (lang, text, text of the range, qualifier_start, low, high, unit)
RANGES = [
    ("en", "a price of 30 to 40 dollars", "30 to 40 dollars", None, "30", "40", "USD"),
    ("en", "between 5 and 6 billion yuan", "5 and 6 billion yuan", 0, "5000000000",
     "6000000000", "CNY"),
    ("en", "a 15%-20% drop", "15%-20%", None, "15", "20", "%"),
    ("en", "costs of $3-4bn", "$3-4bn", None, "3000000000", "4000000000", "USD"),
    ("zh", "预计投入2至3亿元", "2至3亿元", None, "200000000", "300000000", "CNY"),
    ("zh", "增速在10%-15%之间", "10%-15%", None, "10", "15", "%"),
    ("zh", "五元六角到六元", "五元六角到六元", None, "5.6", "6", "CNY"),
]


def assert_grounded(q: Quantity, text: str) -> None:
    assert text[q.start:q.end] == q.text
    assert 0 <= q.start < q.end <= len(text)
    if q.qualifier_start is not None:
        assert 0 <= q.qualifier_start < len(text)


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_table(lang: str, text: str, expected: list[tuple]) -> None:
    found = find_quantities(text, lang)
    for q in found:
        assert_grounded(q, text)
    got = [(q.text, q.start, q.end, str(q.amount), q.unit, q.qualifier, q.counted)
           for q in found]
    assert got == [(t, s, e, str(Decimal(a)), u, ql, c) for t, s, e, a, u, ql, c in expected]


@pytest.mark.parametrize(("lang", "text", "surface", "qstart", "low", "high", "unit"), RANGES)
def test_ranges(lang: str, text: str, surface: str, qstart: int | None, low: str, high: str,
                unit: str) -> None:
    (q,) = find_quantities(text, lang)
    assert_grounded(q, text)
    start = text.index(surface)
    assert (q.text, q.start, q.qualifier, q.unit) == (surface, start, "range", unit)
    assert (q.low, q.high, q.amount) == (Decimal(low), Decimal(high), Decimal(low))
    assert q.qualifier_start == (None if qstart is None else text.index("between"))


def test_qualifier_start_points_at_the_word() -> None:
    text = "营收超过3000万元以上"
    (q,) = find_quantities(text, "zh")
    assert (q.text, q.qualifier, q.qualifier_start) == ("3000万元", "more_than", 2)
    text = "costs rose by nearly $2bn"
    (q,) = find_quantities(text, "en")
    assert (q.qualifier, text[q.qualifier_start:q.start]) == ("approx", "nearly ")


def test_amounts_are_exact_decimals() -> None:
    (q,) = find_quantities("9.325 billion", "en")
    assert q.amount == Decimal(9325000000) and str(q.amount) == "9325000000"
    (q,) = find_quantities("93.25亿", "zh")
    assert str(q.amount) == "9325000000"


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError):
        find_quantities("5", "fr")


# ---- rule files ----------------------------------------------------------------------------

GOOD_ROW = '{"kind": "currency", "surface": "bucks", "code": "USD", "position": "after"}'


@pytest.mark.parametrize(("raw", "message"), [
    ('{"kind": "currency", "surface": "x", "code": "ZZZ", "position": "after"}',
     "f.jsonl:2: code: 'ZZZ' is not in currencies.jsonl"),
    ('{"kind": "currency", "surface": "x", "code": "USD"}',
     "f.jsonl:2: currency row lacks position"),
    ('{"kind": "number", "surface": "x", "value": "one", "role": "unit"}',
     "f.jsonl:2: value: 'one' is not a number"),
    ('{"kind": "qualifier", "surface": "x", "qualifier": "roughly", "position": "before"}',
     "f.jsonl:2: qualifier: 'roughly' is not one of"),
    ('{"kind": "planet", "surface": "x"}', "f.jsonl:2: kind: 'planet'"),
    ('{"kind": "counted", "surface": "x", "colour": "red"}', "f.jsonl:2: counted row has unknown"),
    ("{not json", "f.jsonl:2: not valid JSON"),
    (GOOD_ROW, "f.jsonl:2: duplicate currency 'bucks'"),
])
def test_bad_word_rows_name_file_and_line(raw: str, message: str) -> None:
    with pytest.raises(RuleFileError, match=message.replace("(", r"\(").replace("[", r"\[")):
        _word_rows(GOOD_ROW + "\n" + raw, "f.jsonl", {"USD"})


def test_bad_currency_rows() -> None:
    with pytest.raises(RuleFileError, match="c.jsonl:1: code: 'usd' is not an ISO 4217 code"):
        _currency_rows('{"code": "usd", "name": "dollar"}', "c.jsonl")
    rows = '// comment\n{"code": "USD", "name": "dollar", "symbols": ["$"]}\n'
    with pytest.raises(RuleFileError, match="c.jsonl:3: duplicate code 'USD'"):
        _currency_rows(rows + '{"code": "USD", "name": "again"}', "c.jsonl")


# ---- properties ----------------------------------------------------------------------------

EN_SCALES = [("", 1), (" thousand", 10**3), (" million", 10**6), (" billion", 10**9),
             (" trillion", 10**12), ("bn", 10**9), ("k", 10**3)]
EN_UNITS = [("$", "", "USD"), ("US$", "", "USD"), ("HK$", "", "HKD"), ("€", "", "EUR"),
            ("£", "", "GBP"), ("RMB ", "", "CNY"), ("", " yuan", "CNY"), ("", " dollars", "USD"),
            ("", " euros", "EUR"), ("", " USD", "USD"), ("", "%", "%"), ("", " percent", "%"),
            ("", " percentage points", "pp"), ("", " units", "count"), ("", "", None)]
EN_QUALIFIERS = [("", "exact"), ("about ", "approx"), ("nearly ", "approx"),
                 ("more than ", "more_than"), ("over ", "more_than"), ("at least ", "at_least"),
                 ("less than ", "less_than"), ("up to ", "at_most")]
ZH_SCALES = [("", 1), ("万", 10**4), ("亿", 10**8), ("万亿", 10**12), ("千万", 10**7)]
ZH_UNITS = [("", "元", "CNY"), ("人民币", "元", "CNY"), ("", "美元", "USD"), ("", "港元", "HKD"),
            ("", "欧元", "EUR"), ("", "%", "%"), ("", "个百分点", "pp"), ("", "台", "count"),
            ("", "", None)]
ZH_QUALIFIERS = [("", "", "exact"), ("约", "", "approx"), ("近", "", "approx"),
                 ("超过", "", "more_than"), ("逾", "", "more_than"), ("至少", "", "at_least"),
                 ("不足", "", "less_than"), ("", "左右", "approx"), ("", "以上", "more_than")]
amounts = st.decimals(min_value=0, max_value=10**7, places=3, allow_nan=False,
                      allow_infinity=False)


def render(amount: Decimal, commas: bool) -> str:
    return format(amount.normalize(), ",f" if commas else "f")


@settings(max_examples=300, deadline=None)
@given(amounts, st.booleans(), st.sampled_from(EN_SCALES), st.sampled_from(EN_UNITS),
       st.sampled_from(EN_QUALIFIERS))
def test_english_renderings_parse_back(amount: Decimal, commas: bool, scale: tuple,
                                       unit: tuple, qual: tuple) -> None:
    number = render(amount, commas)
    pre, post, code = unit
    words, factor = scale
    if code == "count" and words in ("bn", "k"):
        words, factor = "", 1
    quantity = f"{pre}{number}{words}{post}"
    text = f"Revenue was {qual[0]}{quantity} last year."
    (q,) = find_quantities(text, "en")
    assert q.amount == amount * factor
    assert (q.text, q.unit, q.qualifier) == (quantity, code, qual[1])
    assert q.start == text.index(quantity)


@settings(max_examples=300, deadline=None)
@given(amounts, st.booleans(), st.sampled_from(ZH_SCALES), st.sampled_from(ZH_UNITS),
       st.sampled_from(ZH_QUALIFIERS))
def test_chinese_renderings_parse_back(amount: Decimal, commas: bool, scale: tuple,
                                       unit: tuple, qual: tuple) -> None:
    number = render(amount, commas)
    pre, post, code = unit
    words, factor = scale
    quantity = f"{pre}{number}{words}{post}"
    text = f"营收{qual[0]}{quantity}{qual[1]}，同比"
    (q,) = find_quantities(text, "zh")
    assert q.amount == amount * factor
    assert (q.text, q.unit, q.qualifier) == (quantity, code, qual[2])


CN_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int, two: bool) -> str:
    """Write 0 < n < 10**12 the standard way (一亿零五十万三千)."""
    def section(k: int) -> str:
        out, zero = "", False
        for size, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // size % 10
            if d == 0:
                zero = zero or bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += ("两" if two and d == 2 and unit in ("千", "百") else CN_DIGITS[d]) + unit
        return out

    parts, out, gap = [], "", False
    while n:
        parts.append(n % 10000)
        n //= 10000
    for index in reversed(range(len(parts))):
        k = parts[index]
        if k == 0:
            gap = bool(out)
            continue
        if out and (gap or k < 1000):
            out += "零"
        out += section(k) + ("", "万", "亿")[index]
        gap = False
    return out


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1), st.booleans())
def test_chinese_numerals_parse_back(n: int, two: bool) -> None:
    text = f"共计{chinese_numeral(n, two)}元。"
    (q,) = find_quantities(text, "zh")
    assert (q.amount, q.unit) == (n, "CNY")


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
       "fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def english_numeral(n: int, use_and: bool) -> str:
    """Write 0 < n < 10**12 in words (three hundred and five thousand twenty-one)."""
    def below_thousand(k: int) -> str:
        words = []
        if k >= 100:
            words.append(f"{ONES[k // 100]} hundred")
            k %= 100
            if k and use_and:
                words.append("and")
        if k >= 20:
            words.append(TENS[k // 10] + (f"-{ONES[k % 10]}" if k % 10 else ""))
        elif k:
            words.append(ONES[k])
        return " ".join(words)

    out = []
    for size, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"), (1, "")):
        if n >= size:
            out.append(f"{below_thousand(n // size)} {name}".strip())
            n %= size
    return " ".join(out)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1), st.booleans())
def test_english_numerals_parse_back(n: int, use_and: bool) -> None:
    words = english_numeral(n, use_and)
    text = f"They paid {words} dollars."
    (q,) = find_quantities(text, "en")
    assert (q.amount, q.unit, q.text) == (n, "USD", f"{words} dollars")


NASTY = st.lists(st.sampled_from(
    list("0123456789.,-+ $%€£¥^eE/()kKmMbBxX") +
    list("一二三四五六七八九十百千万亿零两点负分之又半成折个元块角毛%％０１２３．，几多余") +
    ["one", "hundred", "million", "and", "a", "half", "quarter", "fifths", "point", "minus",
     "dollars", "cents", "over", "between", "to", "times", "US$", "百分之", "个百分点", "至"]),
    max_size=30).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=60), NASTY), st.sampled_from(["en", "zh"]))
def test_never_raises_and_stays_grounded(text: str, lang: str) -> None:
    found = find_quantities(text, lang)
    for q in found:
        assert_grounded(q, text)
        assert q.qualifier in ("exact", "approx", "more_than", "at_least", "less_than",
                               "at_most", "range")
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert find_quantities(text, lang) == found


def test_tupo_is_more_than():
    found = find_quantities("文心一言用户规模已突破2亿", "zh")
    assert [(q.text, q.qualifier) for q in found if q.text == "2亿"] == [("2亿", "more_than")]


@pytest.mark.parametrize("text, expected", [
    ("Its goal is to double overseas shipments in 2024.", [("double", "2", "x")]),
    ("Active customers maintained double-digit growth.", []),
])
def test_double_as_a_verb_is_a_multiple_but_double_digit_is_no_number(text, expected):
    found = [(q.text, str(q.amount), q.unit) for q in find_quantities(text, "en")
             if q.unit == "x" or not expected]
    assert found == expected


def test_range_from_x_to_y_is_a_range_but_rose_from_x_to_y_is_not():
    ranged = find_quantities("Revenue is expected to range from 18.87 billion yuan to 19.44 "
                             "billion yuan.", "en")
    assert [(q.qualifier, q.low, q.high) for q in ranged] == [
        ("range", Decimal("18870000000"), Decimal("19440000000"))]
    rose = find_quantities("Revenue rose from 10 billion yuan to 12 billion yuan.", "en")
    assert [q.qualifier for q in rose] == ["exact", "exact"]


def test_a_size_between_a_number_and_its_noun_is_a_modifier():
    (q,) = find_quantities("SMIC will add about 60,000 12-inch wafers of capacity.", "en")
    assert (q.amount, q.unit, q.counted, q.qualifier) == (60000, "count", "12-inch wafer", "approx")


def test_stations_piles_stalls_and_routes_are_counted():
    from pipeline.quantities import find_quantities
    found = find_quantities("1,000 stations, 3.12 million piles, 11,500 stalls and 45 routes", "en")
    assert [q.unit for q in found] == ["count"] * 4


def test_screenings_sessions_dramas_and_automakers_are_counted():
    from pipeline.quantities import find_quantities
    text = "41.3 million screenings, 14.3 million sessions, 3,172 micro-dramas and 22 automakers"
    assert [q.unit for q in find_quantities(text, "en")] == ["count"] * 4
