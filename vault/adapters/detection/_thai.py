"""Thai names and addresses, which the English NER model cannot read: a given name and a family
name after a title (นาย, นางสาว, คุณ, ดร.) or a name label; an address as its parts are written
(house number, หมู่, ซอย, ถนน, แขวง/ตำบล, เขต/อำเภอ, จังหวัด, the postcode)."""

from __future__ import annotations

import re

from vault.adapters.detection._patterns import Candidate

__all__ = ["thai_candidates"]

_THAI = "\u0e00-\u0e7f"
_WORD = f"[{_THAI}]+"
# Titles before a name: Mr, Mrs, Miss (in full and short), Khun, boy, girl, Dr and academic
# ranks; or a form's name label and its colon.
_TITLE = (
    r"(?:นางสาว|นาย|นาง|น\.ส\.|คุณ|เด็กชาย|เด็กหญิง|ด\.ช\.|ด\.ญ\.|ดร\.|ผศ\.|รศ\.|ศ\.)[ \t]?"
    r"|(?:ชื่อ-นามสกุล|ชื่อ-สกุล|ชื่อผู้ป่วย|ชื่อลูกค้า|ผู้ติดต่อ|ชื่อ)[ \t]*[:：][ \t]*"
)
# Words a title also begins or precedes that are no name: คุณ is also "you" ("คุณสามารถ", you
# can), นาย and นาง begin "employer", "mayor", "nurse".
_NOT_NAMES = (
    "สามารถ", "ต้อง", "จะ", "ได้", "เป็น", "มี", "ช่วย", "กรุณา", "ควร", "อาจ", "ไม่", "ก็",
    "ยัง", "เคย", "คือ", "ทำ", "ชอบ", "รู้", "ค่ะ", "ครับ", "ภาพ", "สมบัติ", "ค่า", "จ้าง",
    "กรัฐมนตรี", "กฯ", "กเทศมนตรี", "กสมาคม", "หน้า", "ทุน", "พยาบาล", "แบบ", "ร้อย", "พล",
    "ธรรม",
)  # fmt: skip
# Who a record is about, before their name: customer, patient, witness, donor, applicant.
_ROLE = r"(?:ลูกค้า|ผู้ป่วย|พยาน|ผู้บริจาค|ผู้สมัคร|ผู้โดยสาร)[ \t]"
# A name in Thai script, or in Latin letters after a Thai title ("คุณNattaya").
_NAME = re.compile(
    rf"(?P<title>{_TITLE}|{_ROLE})"
    # two letters at least: "มิถุนายน" (June) holds "นาย" and one letter more
    rf"(?P<name>[{_THAI}]{{2,}}(?:[ ]{_WORD})?|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)"
)
# One or two words of Thai after words of another script are a name ("donor สุภาพร
# วงศ์ใหญ่, born ..."), unless they are a date's month or an address's part.
_THAI_RUN = re.compile(rf"(?<![{_THAI}\w]){_WORD}(?:[ ]{_WORD})?(?![{_THAI}\w])")
# One part of an address: a house number (123/45), หมู่ 5, a named part (ถนนสุขุมวิท,
# ซ.อ่อนนุช 17), Bangkok, a postcode.
_MARKED = (
    r"(?:หมู่บ้าน|หมู่ที่|หมู่|ม\.|ซอย|ซ\.|ถนน|ถ\.|แขวง|ตำบล|ต\.|เขต|อำเภอ|อ\.|จังหวัด|จ\.|"
    r"อาคาร|ชั้น|ห้อง|บ้านเลขที่|เลขที่)"
)
_PART = (
    rf"(?:{_MARKED}[ ]?(?:{_WORD}(?:[ ]?\d{{1,4}}(?:/\d{{1,4}})?)?|\d{{1,5}}(?:/\d{{1,5}})?)"
    rf"|กรุงเทพมหานคร|กรุงเทพฯ|กรุงเทพ|\d{{1,5}}/\d{{1,5}}|\d{{1,5}}(?=[ ]{_MARKED})|\d{{5}})"
)
_ADDRESS = re.compile(rf"(?<!\d){_PART}(?:[ ,]+{_PART})+(?!\d)")
_NAME_SCORE = 0.8
_ADDRESS_SCORE = 0.88


def thai_candidates(text: str) -> list[Candidate]:
    """PERSON and LOCATION candidates in Thai script; nothing for a text without it."""
    if not re.search(f"[{_THAI}]", text):
        return []
    out: list[Candidate] = []
    for m in _ADDRESS.finditer(text):
        if re.search(_MARKED, m.group()) or "กรุงเทพ" in m.group():
            out.append(Candidate(m.start(), m.end(), "LOCATION", _ADDRESS_SCORE, "th_address"))
    for m in _NAME.finditer(text):
        if m.group("name").startswith(_NOT_NAMES):
            continue
        out.append(Candidate(m.start("name"), m.end("name"), "PERSON", _NAME_SCORE, "th_name"))
    for m in _THAI_RUN.finditer(text):
        if _NOT_A_NAME.search(m.group()):
            continue
        if _alone(text, m.start(), m.end()) or (" " in m.group() and _field(text, *m.span())):
            out.append(Candidate(m.start(), m.end(), "PERSON", _NAME_SCORE, "th_name_alone"))
    return out


_FIELD_BEFORE = re.compile(r"(?:^|[\n,;|\"\t])[ ]*$")
_FIELD_AFTER = re.compile(r"[ ]*(?:$|[\n,;|\"])")


def _field(text: str, start: int, end: int) -> bool:
    """Two Thai words that are a whole field of a record ("| อนุชา แก้วมณี |"): a given name
    and a family name."""
    return (
        _FIELD_BEFORE.search(text, max(0, start - 3), start) is not None
        and _FIELD_AFTER.match(text, end) is not None
    )


# Month names, the words of an age, a place's and an address's markers: no name.
_NOT_A_NAME = re.compile(
    rf"{_MARKED}|กรุงเทพ|คม$|ยน$|พันธ์$|อายุ|ปี$|บาท|โทร|(?:^|[ ])(?:ที่|และ|ของ)(?:$|[ ])"
)


def _alone(text: str, start: int, end: int) -> bool:
    """Words in another script right before it and around it: a Thai name in an English
    sentence."""
    before = text[max(0, start - 14) : start]
    around = text[max(0, start - 30) : start] + text[end : end + 30]
    if re.search(f"[{_THAI}]", before):
        return False
    latin = sum(ch.isalpha() and not "\u0e00" <= ch <= "\u0e7f" for ch in around)
    return latin >= 6 and sum(ch.isalpha() for ch in before) >= 3
