"""Which numbers of a sentence can be business figures.

Not dates, years, versions, sizes, durations, bands or numbers inside names, nor a currency
conversion of a figure already given.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.drafts import is_scaled
from pipeline.lexicon import load_lexicon
from pipeline.quantities import Quantity
from pipeline.sentence_view import SentenceView

STOCK_CODE_AFTER = re.compile(r"\.(?:SZ|SH|SS|HK|BJ|TW|TWO|KS|KQ|T|N|O|OQ|US|SI)\b", re.I)
STOCK_CODE_BEFORE = re.compile(r"(?:股票代码|证券代码|stock code|ticker)\s*[:：]?\s*$|"
                               r"\b(?:HK|SZ|SH|NYSE|NASDAQ|HKEX|SEHK)\s*[:：]\s*$", re.I)
NAME_CONTEXT = re.compile(r"(?:No\.|version|V|v|Version|第|No)\s*$")
DATE_AFTER = re.compile(r"^(?:\s*(?:月|日|号|年|时|点|:\d|：\d|st\b|nd\b|rd\b|th\b))")
EQUIVALENT_BEFORE = re.compile(
    r"[(（]\s*(?:equivalent to|相当于|折合)\s*(?:about|approximately|约)?\s*$", re.I)
SCALE_ONLY = re.compile(r"[百千万亿]+(?:元|美元|港元|欧元|日元)?")
PRICE_BAND_BEFORE = re.compile(
    r"\b(?:priced|prices?|costing|selling)\s+(?:at\s+)?(?:above|below|over|under)\s*$", re.I)
PRICE_BAND_AFTER = re.compile(
    r"及?(?:以内|以下|以上)(?:的|最)|\s+(?:and|or)\s+(?:above|below|more|less)\b")
CONVERSION_BEFORE = re.compile(
    r"(?:yuan|dollars?|euros?|元|美元|[A-Z]{3}|[\d.]+\s*(?:million|billion|亿|万)?\s*\w*)\s*[(（]"
    r"\s*(?:about|approximately|around|roughly|or|约合?|合|约?折合|相当于)?\s*$", re.I)
EXCHANGE_RATE = re.compile(r"exchange rate|汇率", re.I)
RATE_TO_AFTER = re.compile(r"\s*(?:to|兑换?|=)\s*[\d.]")
RATE_TO_BEFORE = re.compile(r"\b1\s+[A-Za-z .]{2,25}\s+(?:to|=)\s*$|1\s*[^\d，。]{1,6}兑换?$")
VERSION_AFTER = re.compile(r"^\s*(?:[A-Z][a-z]|model|version|版)")
ENERGY_AFTER = re.compile(r"^\s*(?:[GMkT]Wh?\b|[GMkT]W[p]?\b|吉瓦|兆瓦|千瓦|万千瓦|瓦时|"
                          r"square (?:meters|metres|kilometers)\b|sq\.? ?m\b|平方米|平米|"
                          r"(?:metric )?tons\b|tonnes\b|吨)", re.I)  # (and area, weight)
SIZE_AFTER = re.compile(r"^(?:\s*|-)(?:英寸|寸|纳米|nm\b|inch(?:es)?\b|-?in\.|nanometers?\b|"
                        r"millimeters?\b|mm\b|像素|megapixels?\b|MP\b|mAh\b|毫安时?)", re.I)
EVENT_AFTER_NUMBER = re.compile(
    r"\s?(?:开发者节|开发者大会|Developer (?:Festival|Conference|Day)s?)", re.I)
THE_FEW_BEFORE = re.compile(r"\b(?:the|these|those|both)\s+$", re.I)
SPELLED_FEW = re.compile(r"two|three|four|five|six|seven|eight|nine|ten", re.I)
PER_TIME_AFTER = re.compile(r"\s+(?:a|per|each)\s+(?:day|week|month)\b", re.I)
COUNT_EXCEEDED_BEFORE = re.compile(
    r"\b\d[\d,.]*\s+(?:[\w-]+\s+){0,2}(?:brands|companies|firms|stores|shops|films|movies|titles|"
    r"products|merchants|sellers|cities|startups|enterprises|apps|games)\s+(?:each\s+)?"
    r"(?:exceeded|surpassed|topped|crossed|passed)\s+(?:the\s+)?$"
    r"|\d+\s*(?:个|家|款|部|只)(?:品牌|企业|公司|商家|门店|影片|电影|城市|产品|单品|游戏)"
    r"[\u4e00-\u9fff]{0,6}?(?:超过|突破|破|过)$", re.I)
MARK_AFTER = re.compile(r"\s*(?:mark|threshold|milestone|barrier)\b|\s*(?:大关|关口|门槛)")
EQUIPPED_BEFORE = re.compile(r"\b(?:equipped with|fitted with|featuring|built with|powered by|"
                             r"packs?|containing|consisting of)\s+$|(?:搭载|配备|配置)(?:了)?$",
                             re.I)
SPEC_COUNTED = re.compile(r"(?:[\w-]+ )?(?:parameters?|pixels?|megapixels?)|参数|像素", re.I)
HYPHEN_SIZE = re.compile(r"\d-(?:card|GPU|chip|layer)s?\b", re.I)  # "a 10,000-card system",
# "12-layer HBM3E products"
PIXELS_AFTER = re.compile(r"^(?:\s*|-)(?:像素|megapixels?\b|(?:个)?参数|parameters?\b|-card\b|卡)",
                          re.I)  # (a model's parameters, a "10,000-card" cluster: specs)
DURATION_AFTER = re.compile(
    r"^\s*(?:周|天|日内|个月|年内|小时|分钟|weeks?\b|days?\b|months?\b|years?\b|hours?\b|"
    r"minutes?\b)", re.I)
MODEL_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z]+\s$")
GLUED_SCALE = re.compile(r"^\d+(?:\.\d+)?[BMKbmk]\b")
VAGUE_BEFORE = "数几上"
PER_UNIT = re.compile(r"(?:/|每|per\s)\s*$")
YEAR_TEXT = re.compile(r"(?:19|20)\d{2}")
VERSION_COUNT = re.compile(r"\d+\.\d+\s+[A-Z]")


@cache
def month_before(lang: str) -> re.Pattern[str]:
    """A month name right before a number ("May 24"): the number is a day, not a measure."""
    months = [s for row in load_lexicon(lang).periods if row.type == "month" for s in row.surfaces]
    words = "|".join(re.escape(m.rstrip(".")) for m in sorted(months, key=len, reverse=True))
    return re.compile(rf"(?:{words})\.?\s*$" if words else r"(?!x)x")


def after_word(text: str, end: int) -> str:
    """A few characters after a position, for look-ahead tests."""
    return text[end:end + 12]


def usable(q: Quantity, view: SentenceView, doc_text: str) -> bool:
    """Filter out dates, times, years, versions and numbers inside names."""
    before = doc_text[max(0, q.start - 12):q.start]
    after = doc_text[q.end:q.end + 3]
    if q.unit is None and not is_scaled(q):
        if YEAR_TEXT.fullmatch(q.text) or month_before(view.lang).search(before):
            return False
    if NAME_CONTEXT.search(before[-9:]) or (q.unit is None and DATE_AFTER.match(after)):
        return False
    if q.unit is None and before[-1:] in "\"“「" and after[:1] in "\"”」":
        return False  # its "211" delivery service: a number quoted as a name
    if q.unit is None and (STOCK_CODE_AFTER.match(doc_text, q.end)
                           or STOCK_CODE_BEFORE.search(doc_text[max(0, q.start - 16):q.start])):
        return False  # "(002747.SZ)", "(HK: 9626)", 股票代码：600519: a listing code
    if PER_UNIT.search(before[-2:]):
        return False
    if before[-1:] in VAGUE_BEFORE and q.text[:1] in "十百千万亿":
        return False  # 数千万元, 几十亿: no numeral, no figure
    if SCALE_ONLY.fullmatch(q.text):
        return False  # 万元以上高端冰箱: a scale word alone names a band, not a figure
    if q.unit is None and q.text == "一":
        return False  # 新一代, 上一代, 一直: a word, not a figure
    if q.unit and len(q.unit) == 3 and (PRICE_BAND_AFTER.match(doc_text[q.end:q.end + 12])
                                        or PRICE_BAND_BEFORE.search(
                                            doc_text[max(0, q.start - 30):q.start])):
        return False  # 30万元以内最好的家庭SUV, 30万元以上的中高端市场: a band, not a figure
    if q.unit in (None, "count") and ENERGY_AFTER.match(doc_text[q.end:q.end + 24]):
        return False  # "129 GW", 210吉瓦时: a unit outside the contract (its change stays)
    if q.unit in (None, "count") and (PIXELS_AFTER.match(after_word(doc_text, q.end))
                                      or SPEC_COUNTED.fullmatch(q.counted or "")
                                      or HYPHEN_SIZE.search(q.text)):
        return False  # 5000万像素, "70 billion parameters": a spec, however large
    if q.unit in (None, "count") and not is_scaled(q) and (SIZE_AFTER.match(
            after_word(doc_text, q.end)) or SIZE_AFTER.match(q.counted or "x")):
        return False  # "8英寸", "12-inch wafers", "5-nanometer chips": a size, not a figure
    if q.unit is None and not is_scaled(q) and DURATION_AFTER.match(after_word(doc_text, q.end)):
        return False  # "within 6 weeks", 6周内: a duration
    if q.unit is None and not is_scaled(q) and q.amount < 1000 and MODEL_NAME_BEFORE.search(before):
        return False  # "Mate 60", "Model 3": a number inside a product name
    if q.unit and len(q.unit) == 3 and EXCHANGE_RATE.search(view.text) and (
            RATE_TO_AFTER.match(doc_text[q.end:q.end + 8])
            or RATE_TO_BEFORE.search(doc_text[max(0, q.start - 40):q.start])):
        return False  # "an exchange rate of 1 US dollar to 32.5 New Taiwan dollars": a rate
    digits_end = q.end - len("开发者") if q.text.endswith("开发者") else q.end
    if not is_scaled(q) and EVENT_AFTER_NUMBER.match(doc_text, digits_end):
        return False  # 全球1024开发者节, "the 1024 Developer Festival": a number in an event name
    if q.unit in (None, "count") and THE_FEW_BEFORE.search(doc_text[max(0, q.start - 5):q.start]) \
            and SPELLED_FEW.fullmatch(q.text.split()[0]):
        return False  # "the two brands' company sales", "the four first-tier cities": who,
        # not how many
    if q.unit in (None, "count") and not is_scaled(q) and q.amount < 100 and \
            PER_TIME_AFTER.match(doc_text, q.end):
        return False  # "users who watched more than 10 short dramas a day": a rate of use
    if q.unit and len(q.unit) == 3 and COUNT_EXCEEDED_BEFORE.search(
            doc_text[max(0, q.start - 60):q.start]):
        return False  # "365 brands exceeded 100 million yuan in turnover", 365个品牌成交额破亿:
        # the bar they cleared, the count is the figure
    if MARK_AFTER.match(doc_text, q.end) and not any(
            view.clause(q.start)[0] <= m.start < q.start for m in view.metrics):
        return False  # "No other film exceeded the 1 billion yuan mark": a threshold (but "the
        # market value exceeded the 170 billion yuan mark" is the value's level)
    if q.unit in (None, "count") and not is_scaled(q) and q.amount < 100 and \
            EQUIPPED_BEFORE.search(doc_text[max(0, q.start - 24):q.start]):
        return False  # "a server equipped with eight H100 cards": a configuration
    if q.unit and len(q.unit) == 3 and CONVERSION_BEFORE.search(before):
        return False  # "33.9 billion yuan ($4.7 billion)": the same amount, converted
    if EQUIVALENT_BEFORE.search(doc_text[max(0, q.start - 30):q.start]):
        return False  # "524 million shares (equivalent to 65.5 million ADS)": the same, restated
    if q.unit is None and "." in q.text and VERSION_AFTER.match(after_word(doc_text, q.end)):
        return False  # "ERNIE 4.0 Turbo": a version
    if q.unit == "count" and VERSION_COUNT.match(q.text):
        return False  # "4.0 Turbo model": a version read as a count
    if q.unit in (None, "count") and GLUED_SCALE.match(q.text):
        return False  # "Ascend 910B": a model name, not 910 billion
    for s in view.subjects:
        if s.start <= q.start < s.end or s.start < q.end <= s.end:
            return False
    for t in view.times:
        if t.start <= q.start and q.end <= t.end:
            return False
    return True
