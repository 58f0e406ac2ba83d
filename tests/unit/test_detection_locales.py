"""Personal data in the scripts and record layouts of the weaker locales (issue #13): names,
ages and addresses under the keys of records written in code (Objective-C, DOT, Tcl, COBOL, POD,
troff, tuples), in Devanagari with its vowel signs.

Each case is written for this test from the formats' and languages' grammar, not taken from an
evaluation set."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found
from vault.adapters.detection import PresidioDetector


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ('NSDictionary *card = @{ @"owner_name": @"Կարինե", @"id": @7 };', "Կարինե", "PERSON"),
        ('  rider_name [label="王芳"];', "王芳", "PERSON"),
        ("dict set slip holder_name {دانیال}", "دانیال", "PERSON"),
        ("       05 PILOT-NAME    PIC X(12) VALUE 'ประเสริฐ'.", "ประเสริฐ", "PERSON"),
        ("=item guest_name\n\nकविता\n\n=item room\n\n12", "कविता", "PERSON"),
        (".B tenant_name\n이수진\n.TP", "이수진", "PERSON"),
        ("record('visitor_name', 'ნინო').", "ნინო", "PERSON"),
        ('{lastName:"चौधरी", seat:"4C"}', "चौधरी", "PERSON"),
        ('  rider_age [label="39"];', "39", "AGE"),
        ('@"tenant_age": @"71",', "71", "AGE"),
        ("dict set slip pilot_age {44}", "44", "AGE"),
        (".B guest_age\n58\n.TP", "58", "AGE"),
    ],
)
def test_values_under_keys_in_the_syntax_of_code(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


def test_a_thing_named_in_code_is_no_person(detector: PresidioDetector) -> None:
    assert not {v for v, e in found(detector, '@"file_name": @"отчёт",') if e == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("سلام کامران نوری عزیز، رسید شما آماده است.", "کامران نوری"),
        ("آقای بهرام صدری، لطفاً فرم را امضا کنید.", "بهرام صدری"),
        ("नमस्ते रोहन मेहता, आपका टिकट तैयार है।", "रोहन मेहता"),
        ("श्रीमती कविता राव का खाता बंद हुआ।", "कविता राव"),
        ("Բարև Սոնա Ավետիսյան, Ձեր փաթեթը պատրաստ է։", "Սոնա Ավետիսյան"),
        ("مرحبًا خالد الشمري، تم استلام طلبك.", "خالد الشمري"),
        ('ד"ר שטרן, נא לאשר את התור.', "שטרן"),
        ("请通知王建华先生明天到店取件。", "王建华"),
        ("我们已联系司马光老师核对名单。", "司马光"),
        ("會員許雅雯，電話已更新。", "許雅雯"),
        ("周生你好，你嘅包裹已經到咗。", "周"),
        ("2025-02-11 09:40 · ارمان فرهادی · کارت 6037 9911 0000 1234", "ارمان فرهادی"),
        ("Please ask सौरभ त्रिपाठी (Saurabh) to sign the lease.", "सौरभ त्रिपाठी"),
    ],
)
def test_names_after_a_title_greeting_or_role_and_before_an_honorific(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert (name, "PERSON") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Please attach the आधार संख्या card before Monday.",
        "The मतदाता पहचान पत्र XKQ4472910 was checked twice.",
        "Send the عنوان المحفظة to the finance team.",
    ],
)
def test_identifier_labels_among_latin_words_are_no_person(
    detector: PresidioDetector, text: str
) -> None:
    assert not {v for v, e in found(detector, text) if e == "PERSON"}


def test_an_address_under_its_label_stops_at_the_next_field(detector: PresidioDetector) -> None:
    text = "آقای بهرام صدری، نشانی: مشهد، خیابان امام رضا، پلاک 12، تاریخ مراجعه 1403/05/02"
    assert ("مشهد، خیابان امام رضا، پلاک 12", "LOCATION") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("نوبت بعدی ۸ آبان ۱۴۰۲ است.", "۸ آبان ۱۴۰۲"),
        ("تاریخ تولد: 1365/04/19", "1365/04/19"),
        ("الموعد يوم ١٤ مارس ٢٠٢٦ صباحًا.", "١٤ مارس ٢٠٢٦"),
        ("Հանդիպումը 2026 թ. մարտի 3-ին է։", "2026 թ. մարտի 3-ին"),
        ("他于2023.7.15来店", "2023.7.15"),
        ("订单日期2024/02/28已确认", "2024/02/28"),
        ("请在下午4点20分到达", "下午4点20分"),
        ("於民國112年9月3日完成", "民國112年9月3日"),
        ("申請日112/09/03", "112/09/03"),
        ("진료는 오전 10시 15분입니다.", "오전 10시 15분"),
        ("会議は9時30分からです。", "9時30分"),
        ("הפגישה נקבעה ל-14/02/2025 בבוקר.", "14/02/2025"),
    ],
)
def test_dates_in_the_calendars_digits_and_glue_of_their_languages(
    detector: PresidioDetector, text: str, date: str
) -> None:
    assert (date, "DATE_TIME") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("请拨打电话138-0013-8000联系我们", "138-0013-8000", "PHONE_NUMBER"),
        ("聯絡電話+852 6123 4567。", "+852 6123 4567", "PHONE_NUMBER"),
        ("手机号+86 139 1234 5678，谢谢", "+86 139 1234 5678", "PHONE_NUMBER"),
        ("고객님의 주민등록번호는 8504121234561입니다.", "8504121234561", "KR_RRN"),
        ("주민번호 850412 1234561 확인 바랍니다", "850412 1234561", "KR_RRN"),
        ("외국인등록번호는 920305-6123454입니다.", "920305-6123454", "KR_FRN"),
    ],
)
def test_numbers_glued_to_their_label_or_particle(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


def test_an_address_glued_to_its_chinese_label_is_the_address_alone(
    detector: PresidioDetector,
) -> None:
    assert ("li.na@example.cn", "EMAIL_ADDRESS") in found(detector, "请发到邮箱li.na@example.cn")


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("Wire it with RTN 063901188 and the usual memo.", "063901188", "ABA_ROUTING_NUMBER"),
        ("उनका मतदाता पहचान पत्र XQA1234567 है।", "XQA1234567", "IN_VOTER"),
        ("Numero patente di guida: U1AIQVKX7Z", "U1AIQVKX7Z", "IT_DRIVER_LICENSE"),
        # issued after October 2020: no checksum to judge, the label says what it is
        (
            "resident registration number: 0105243968211",
            "0105243968211",
            "KR_RRN",
        ),
    ],
)
def test_identifiers_under_their_labels(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


def test_a_korean_number_without_checksum_or_label_is_no_rrn(detector: PresidioDetector) -> None:
    assert "KR_RRN" not in {e for _, e in found(detector, "Batch 0105243968211 shipped.")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("오 지민님, 예약이 변경되었습니다.", "오 지민님"),
        ("한 선생님께 서류를 보냈습니다.", "한"),
        ("회원 장서윤(31살)의 주소가 바뀌었습니다.", "장서윤"),
        ("Ask 임 수아 about the spare keys.", "임 수아"),
    ],
)
def test_korean_names_apart_titled_or_aged(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert (name, "PERSON") in found(detector, text)


def test_a_korean_word_after_a_family_name_syllable_is_no_name(
    detector: PresidioDetector,
) -> None:
    assert "PERSON" not in {e for _, e in found(detector, "이 사람은 누구입니까?")}


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("राकेश जी का फॉर्म जमा हो गया।", "राकेश", "PERSON"),
        ("ქალბატონი თამარ ჯაფარიძე, გთხოვთ დაგვიკავშირდეთ.", "თამარ ჯაფარიძე", "PERSON"),
        ("ტელეფონი: 599 123 456", "599 123 456", "PHONE_NUMBER"),
        ("ชื่อ วิภาวดี สุขใจ อีเมล wipa@example.com", "วิภาวดี สุขใจ", "PERSON"),
        ("ゆいちゃん、明日は休みです。", "ゆい", "PERSON"),
        ("地址臺南市東區大學路1號", "臺南市東區大學路1號", "LOCATION"),
        ("Please ask สมศักดิ์ ดีมาก (Somsak) to call back.", "สมศักดิ์ ดีมาก", "PERSON"),
    ],
)
def test_names_phones_and_addresses_of_more_scripts(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "user"),
    [
        ("2025-03-02 10:14 login for tranvu from 10.1.2.3 to the portal", "tranvu"),
        ("The terminal was last used by mehta_k on 2 May 2025.", "mehta_k"),
        ("Rotate this key before Friday (owner ngoc.anh)", "ngoc.anh"),
        ("Blocked after five failed attempts on sergei.volkov's invoice page.", "sergei.volkov"),
        ("Locked after three failed attempts on oyelaran's billing page.", "oyelaran"),
    ],
)
def test_accounts_of_log_lines(detector: PresidioDetector, text: str, user: str) -> None:
    assert (user, "PERSON") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "The report was used by everyone on the team.",
        "login for maintenance from 10.0.0.2 failed",
        "SIM swap request for 0151 04405286 by caller claiming to be the owner.",
        "Blocked after five failed attempts on everyone's patience.",
    ],
)
def test_ordinary_words_after_log_cues_are_no_account(
    detector: PresidioDetector, text: str
) -> None:
    assert "PERSON" not in {e for _, e in found(detector, text)}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Ольга Кузнецова, 41 год, тел. не указан", "41"),
        ("пані Оксана Левченко, 33 роки, адреса невідома", "33"),
        ("Eero Laine (52 v.) soitti eilen.", "52"),
        ("המטופל בגיל 63 הגיע לבדיקה.", "63"),
        ("患者王芳（45周岁）已登记", "45"),
        ("=item age\n\n29\n\n=item city", "29"),
    ],
)
def test_ages_of_more_languages_and_layouts(
    detector: PresidioDetector, text: str, age: str
) -> None:
    assert (age, "AGE") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Card holder: 'HERNANDEZ LUCIA, account 4431'", "HERNANDEZ LUCIA"),
        ("Guest ADEYEMI GRACE checked in late.", "ADEYEMI GRACE"),
        ("O'BRIEN MAEVE | 0871 234 567", "O'BRIEN MAEVE"),
        ("holder MEI-LING TAN, exp 04/29", "MEI-LING TAN"),
    ],
)
def test_names_in_capitals_after_a_quote_with_an_apostrophe_or_a_word_given_name(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert (name, "PERSON") in found(detector, text)


def test_capitals_of_ordinary_words_are_no_name(detector: PresidioDetector) -> None:
    assert "PERSON" not in {e for _, e in found(detector, "AMAZING GRACE TOUR starts at 8.")}


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        (
            "BUILD_PAT=q8v2mz7k1x0c9w3n5b4l6j2h8g7f1d0s9a3p5o7i2u4y6t8r1e3w",
            "q8v2mz7k1x0c9w3n5b4l6j2h8g7f1d0s9a3p5o7i2u4y6t8r1e3w",
            "SECRET",
        ),
        (
            "use sgp_0123456789abcdef_0123456789abcdef0123456789abcdef01234567 here",
            "sgp_0123456789abcdef_0123456789abcdef0123456789abcdef01234567",
            "SECRET",
        ),
        (
            "scanner squ_0123456789abcdef0123456789abcdef01234567 today",
            "squ_0123456789abcdef0123456789abcdef01234567",
            "SECRET",
        ),
        ("كلمة المرور: amber-k2x9-77-qz", "amber-k2x9-77-qz", "SECRET"),
        ("Kart numarası 9792 0000 1234 5677 ile ödendi.", "9792 0000 1234 5677", "CREDIT_CARD"),
        ("Her SA ID number is 4501015000089.", "4501015000089", "ZA_ID_NUMBER"),
    ],
)
def test_secrets_and_cards_of_more_issuers_and_languages(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


def test_a_path_variable_is_no_access_token(detector: PresidioDetector) -> None:
    assert "SECRET" not in {e for _, e in found(detector, "export PATH=/usr/local/bin:/usr/bin")}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("passport no.: XAB482913, issued in Madrid", "ES_PASSPORT"),
        ("número de pasaporte: PXK205731", "ES_PASSPORT"),
        ("passport number: C01X00T47", "DE_PASSPORT"),
    ],
)
def test_three_letters_and_six_digits_are_a_spanish_passport_not_a_german_one(
    detector: PresidioDetector, text: str, entity: str
) -> None:
    assert entity in {e for _, e in found(detector, text)}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Deliver to 12 شارع النيل، المعادي today.", "12 شارع النيل، المعادي"),
        ("The venue is רחוב בן יהודה 40, חיפה this year.", "רחוב בן יהודה 40, חיפה"),
        ("نشانی جدید: خیابان آزادی، کوچه 9، پلاک 21", "خیابان آزادی، کوچه 9، پلاک 21"),
        ("Send it to ჭავჭავაძის გამზ. 12, თბილისი by Monday.", "ჭავჭავაძის გამზ. 12, თბილისი"),
        ("My aunt lives in 杭州 with her cat.", "杭州"),
        ("They gave Харків as home town.", "Харків"),
    ],
)
def test_addresses_by_their_street_word_and_places_an_english_phrase_names(
    detector: PresidioDetector, text: str, place: str
) -> None:
    assert (place, "LOCATION") in found(detector, text)


def test_a_name_in_another_script_after_an_english_title(detector: PresidioDetector) -> None:
    assert ("سارا نوری", "PERSON") in found(detector, "Please call Dr سارا نوری back:\n09121234567")


@pytest.mark.parametrize(
    "text",
    [
        "2024-05-01 10:15 · Дарья Орлова · номер картки 4111 1111 1111 1111 · 050 111 22 33",
        "مساء الخير — عنوان المحفظة: bc1qexampleexampleexample (أمس)",
        'Please draft a note to ד"ר לוי about the party.',
    ],
)
def test_labels_and_abbreviations_are_no_name_or_place(
    detector: PresidioDetector, text: str
) -> None:
    spans = found(detector, text)
    assert not {
        v for v, e in spans if v in ("номер картки", "عنوان المحفظة", "المحفظة", "ד", "ר לוי")
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pair MURPHY SIOBHAN's headset with the tablet.", "MURPHY SIOBHAN"),
        ('{"name_local": "王芳", "name_latin": "Wang Fang"}', "Wang Fang"),
    ],
)
def test_names_in_capitals_before_a_possessive_and_under_a_latin_name_key(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert (name, "PERSON") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please seat Min-seo Kang by the window.", "Min-seo Kang"),
        ("Invoice for Chen Wei-ting, due Friday.", "Chen Wei-ting"),
        ("2025-04-02 11:20 · 한지우 · 카드번호 5500 0000 0000 0004 · 010-1234-5678", "한지우"),
        ("2025-04-02 11:20 · 佐藤 花 · プロフィール https://example.jp · 03-1234-5678", "佐藤 花"),
    ],
)
def test_romanized_east_asian_names_and_cells_of_a_dotted_line(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert (name, "PERSON") in found(detector, text)


def test_hyphened_words_are_no_romanized_name(detector: PresidioDetector) -> None:
    assert "PERSON" not in {e for _, e in found(detector, "Our Co-op Bank branch is open.")}


def test_an_address_under_its_key_stops_at_the_next_field_label(
    detector: PresidioDetector,
) -> None:
    text = "Ольга Орлова, адрес: г. Тула, ул. Ленина, д. 5, кв. 2, запись на 14.03.2025."
    spans = found(detector, text)
    assert ("14.03.2025", "DATE_TIME") in spans
    assert ("г. Тула, ул. Ленина, д. 5, кв. 2", "LOCATION") in spans
