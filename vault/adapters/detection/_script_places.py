"""Places under a city key in any script ("city: Corcaigh"), and places written in a script
other than Latin: the value of an address or city key or label
(`city: "ירושלים"`, `地址：701 臺南市東區成功路28號4樓`, `მისამართი: თბილისი 0108, ...`), and
Taiwanese and Japanese addresses by their administrative units down to the building number
(`臺北市大安區成功路160號5樓`, `〒150-0002 東京都渋谷区神宮前11-26`) wherever they stand."""

from __future__ import annotations

import re

from vault.adapters.detection._lexicon import key_word_before, load_words
from vault.adapters.detection._patterns import Candidate
from vault.adapters.detection._scripts import KEY_TO_VALUE, NON_LATIN_LETTER

__all__ = ["script_place_candidates"]

_KEYED_SCORE = 0.88  # as the keyed address's: the key says what its value is
_GRAMMAR_SCORE = 0.86
_HAN = r"\u4e00-\u9fff"
_KANA = r"\u3040-\u30ff"
_LABELS = "|".join(re.escape(w) for w in sorted(load_words("place_labels.txt"), key=len)[::-1])
# The key's last word says a place ("city", "homeAddress", "ADDRESS", "town"), or a label in
# the script itself; then what stands between a key and its value; then the value:
# letters of such a script, figures, and the marks an address has, at least one such letter.
_KEYED = re.compile(
    r"(?:(?:(?<=[a-z])(?:City|Town|Address|Addr|Location|Municipality)"
    r"|(?<![^\W_])(?i:city|town|address|addr|location|municipality|village))(?![^\W\d_])"
    rf"|(?<!\w)(?i:{_LABELS}))"
    + KEY_TO_VALUE
    + rf"(?P<value>(?:〒|\d|{NON_LATIN_LETTER})(?:{NON_LATIN_LETTER}|[\d〒 ,،·・'’/-]|\.(?!\s)|\.(?=[ ]\d)){{0,100}})"
)
_TRAILING = " ,،.-/·・" + "".join(map(chr, range(0x3040, 0x30A0)))  # and a sentence's kana
# Taiwan: county or city, district, road (with its section), lane and alley, number, floor; the
# road may start the next line, the whole may be glued to its label ("地址高雄市…").
_TW_ADDRESS = (
    rf"(?:\d{{3,6}}[ ]?)?[{_HAN}]{{1,3}}[市縣][{_HAN}]{{1,3}}[區鄉鎮市]\n?"
    rf"[{_HAN}\d]{{1,8}}?(?:路|街|大道)(?:[一二三四五六七八九十]段)?"
    rf"(?:\d{{1,4}}巷)?(?:\d{{1,4}}弄)?\d{{1,5}}號(?:之\d{{1,3}})?(?:\d{{1,3}}樓(?:之\d{{1,3}})?)?"
)
# Japan: postcode, prefecture, city or ward (two of them), district and block numbers.
_JP_POSTCODE = r"〒[ ]?\d{3}-\d{4}"
_JP_ADDRESS = (
    rf"(?:{_JP_POSTCODE}[ ]?)?[{_HAN}]{{1,3}}[都道府県][{_HAN}{_KANA}]{{1,6}}?[市区町村郡]"
    rf"(?:[{_HAN}{_KANA}]{{1,6}}?[区町村])?"
    rf"(?:[{_HAN}{_KANA}]{{1,8}}?(?:\d{{1,4}}(?:丁目|番地?|号|-)){{0,3}}\d{{1,4}}(?:号)?)?"
)
# Hong Kong: the region (香港島, 九龍, 新界), the district, the road or street, the number, then
# the floor and the flat ("九龍旺角彌敦道119號23樓C室"); after 住 or 住喺 ("lives at") too.
_HK_ADDRESS = (
    rf"(?:香港島|香港|九龍|新界)[{_HAN}]{{1,10}}?(?:道|街|路|里)\d{{1,5}}號"
    r"(?:\d{1,3}樓)?(?:[A-Z]室|[A-Z]座)?"
)
_GRAMMAR = re.compile(
    rf"(?:(?<![{_HAN}{_KANA}\w])|(?<=地址|住址|住所|地點|地点|住喺|住在)|(?<=住))"
    rf"(?:{_TW_ADDRESS}|{_JP_ADDRESS}|{_JP_POSTCODE}|{_HK_ADDRESS})(?![\d])"
)
# A city on its own in a sentence of another script: "near 臺北市", "drop the old 福岡市 address".
_CITY_ALONE = re.compile(rf"(?<![{_HAN}{_KANA}\w])[{_HAN}]{{2,3}}[市縣県都府](?![{_HAN}{_KANA}\w])")
_NOT_A_PLACE = load_words("place_keys_not_personal.txt")
# Words of a label after "address" that make it another kind: wallet, e-mail, card.
_ANOTHER_KIND = load_words("script_label_words.txt")
# A place in another script that an English phrase says is one: "lives in 上海", "born in
# Дніпро", "gave 北京 as home town".
_OTHER_WORD = rf"{NON_LATIN_LETTER}{{1,24}}(?:[ -]{NON_LATIN_LETTER}{{1,24}})?"
_SAID_PLACE = re.compile(
    rf"(?i:\b(?:lives|living|based|born|located|resident|settled)[ ]in[ ])(?P<a>{_OTHER_WORD})"
    rf"(?![\w])|(?<![\w])(?P<b>{_OTHER_WORD})(?=[ ](?i:as[ ](?:home[ ]?town|birthplace|city)))"
)
# Addresses in the spaced scripts by their street word: before the street's name (Arabic,
# Persian, Hebrew: "50 شارع التحرير، الدقي", "רחוב הרצל 33, תל אביב-יפו") or after it (Georgian,
# Armenian, Hindi: "წერეთლის ქ. 95", "Մաշտոցի պող. 50"), then the parts after commas: more
# units, the district and city, a postcode. A house or postcode number somewhere in it.
_SCRIPT_LETTERS = (
    "\u05d0-\u05ea\u05f3\u0620-\u065f\u066e-\u06d3\u0670\u200c\u10d0-\u10ff"
    "\u0531-\u0556\u0561-\u0587\u0900-\u0963\u0971-\u097f"
)
_W = rf"[{_SCRIPT_LETTERS}]+(?:-[{_SCRIPT_LETTERS}]+)?"
_STREET = "|".join(
    re.escape(w) for w in sorted(load_words("script_street_words.txt"), key=len, reverse=True)
)
_SCRIPT_ADDRESS = re.compile(
    rf"(?<![{_SCRIPT_LETTERS}\w])"
    rf"(?:(?:\d{{1,5}}[ ])?(?i:{_STREET})(?:[ ]{_W}){{1,4}}(?:[ ]\d{{1,5}})?"
    rf"|(?:{_W}[ ]){{1,3}}(?i:{_STREET})[ ]\d{{1,5}})"
    rf"(?:[ ]?[,،][ ]?(?:(?i:{_STREET})[ ]?\d{{1,5}}|{_W}(?:[ ]{_W}){{0,2}}(?:[ ]\d{{4,7}})?"
    rf"|\d{{1,5}})){{0,5}}"
    rf"(?![{_SCRIPT_LETTERS}])"
)
# The label of the field after an address on the same line, where the value stops: "…، پلاک
# 73، تاریخ مراجعه ۱۲ فروردین", "…, Ռիժկովի փ. 70, ամսաթիվ՝ 19.09.2024".
_NEXT_FIELD = re.compile(
    rf"[ ]?[,،][ ]?(?i:{'|'.join(re.escape(w) for w in sorted(load_words('field_labels.txt'), key=len, reverse=True))})"
    r"(?![^\W\d_])"
)
# A city or town key's value in Latin letters, a name the place lists may not hold ("city:
# Corcaigh", cityName = "Baile Átha Cliath"): capitalised words, a district's figure after them.
_LATIN_WORD = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’.-]*"
_KEYED_CITY = re.compile(
    r"(?:(?<=[a-z])(?:City|Town)|(?<![^\W_])(?i:city|town))(?![^\W\d_])"
    r"(?:[ \t\"'`:=>|]|<<|\[/?[a-z]\]|chr(?= )){1,16}"
    rf"(?P<value>{_LATIN_WORD}(?:[ -](?:{_LATIN_WORD}|(?:na|an|de|del|la|le|am|an der|sur|upon)"
    rf"(?=[ ])|\d{{1,2}}(?![\w.]))){{0,4}})(?![\w])"
)


def script_place_candidates(text: str) -> list[Candidate]:
    """LOCATION candidates for such keyed values, addresses and cities."""
    out: list[Candidate] = []
    for m in _KEYED.finditer(text):
        start, end = m.span("value")
        stop = _NEXT_FIELD.search(text, start, end)
        end = stop.start() if stop else end
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        value = text[start:end]
        if value.split(" ", 1)[0].lower() in _ANOTHER_KIND:
            continue  # "عنوان المحفظة": a wallet's address
        if (
            re.search(NON_LATIN_LETTER, value)
            and key_word_before(text, m.start()) not in _NOT_A_PLACE
        ):
            out.append(Candidate(start, end, "LOCATION", _KEYED_SCORE, "keyed_script_place"))
    for m in _KEYED_CITY.finditer(text):
        if key_word_before(text, m.start()) not in _NOT_A_PLACE:
            out.append(Candidate(*m.span("value"), "LOCATION", _KEYED_SCORE, "keyed_city"))
    out.extend(
        Candidate(*m.span(m.lastgroup or 0), "LOCATION", _GRAMMAR_SCORE, "said_place")
        for m in _SAID_PLACE.finditer(text)
    )
    for m in _SCRIPT_ADDRESS.finditer(text):
        start, end = m.span()
        stop = _NEXT_FIELD.search(text, start, end)
        end = stop.start() if stop else end
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if any(ch.isdigit() for ch in text[start:end]):
            out.append(Candidate(start, end, "LOCATION", _GRAMMAR_SCORE, "script_address"))
    if re.search(rf"[{_HAN}]", text):
        out.extend(
            Candidate(*m.span(), "LOCATION", _GRAMMAR_SCORE, "cjk_address")
            for m in _GRAMMAR.finditer(text)
        )
        out.extend(
            Candidate(*m.span(), "LOCATION", _GRAMMAR_SCORE, "cjk_city")
            for m in _CITY_ALONE.finditer(text)
        )
    return out
