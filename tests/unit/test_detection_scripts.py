"""Personal data as records and the languages of our locales write it (issue #13): ages under a
key that names whose age it is and ages in Albanian, Georgian, Hebrew, Arabic, Irish, Swahili,
Luxembourgish and Chinese.

Each case is written for this test from the languages' grammar, not taken from an evaluation
set."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found, types
from vault.adapters.detection import PresidioDetector


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ('  tenant_age => "57",', "57"),
        ('    renterAge = "33",', "33"),
        ('Environment="BORROWER_AGE=61"', "61"),
        ("[*][i]tenant age:[/i] 28", "28"),
        ("| caller_age\n| 45\n", "45"),
        ('    rider_age => <<"19"/utf8>>,', "19"),
        (' $ owner_age      : chr "70"', "70"),
        ('HSET members:1201 member_age "64"', "64"),
        ('{"visitor_age":"38","city":"Leeds"}', "38"),
        ("usr=ab12 visitorAge=52 src=10.0.0.1", "52"),
        ('    ex:riderAge "27" ;', "27"),
    ],
)
def test_ages_under_a_key_of_whose_age_it_is(
    detector: PresidioDetector, text: str, age: str
) -> None:
    assert (age, "AGE") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Cache-Control: max-age=60",
        "maxAge: 30",
        'cookie_age = "45"',
        "page 5 of 9",
        "usage: 12",
        "Stage 3 rollout",
        'token_age: "90"',
        "avg_age=41",
        "member_age: 45.5",
        "patient_age: 300",
    ],
)
def test_ages_of_things_and_other_numbers_are_not_ages(
    detector: PresidioDetector, text: str
) -> None:
    assert "AGE" not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Mosha: 52 vjeç.", "52"),
        ("ასაკი: 41 წლის.", "41"),
        ("גיל: בת 64.", "64"),
        ("العمر: 29 عامًا.", "29"),
        ("عمره 70 عاما", "70"),
        ("Aois: 33 bliain d'aois.", "33"),
        ("Jina: Amani Wanjiru, miaka 31.", "31"),
        ("umri 48", "48"),
        ("de Rendez-vous vum Marc (58 Joer al) ass", "58"),
        ("年齡：66歲。", "66"),
        ("患者今年72歲", "72"),
    ],
)
def test_ages_in_the_languages_of_our_locales(
    detector: PresidioDetector, text: str, age: str
) -> None:
    assert (age, "AGE") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "2024 წლის იანვარი",
        "בשנת 2024",
        "ضمان لمدة 2025",
    ],
)
def test_years_in_those_languages_are_not_ages(detector: PresidioDetector, text: str) -> None:
    assert "AGE" not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("您的門診時間為2025年6月9日的上午", "2025年6月9日"),
        ("ご来店は2025年6月9日です", "2025年6月9日"),
        ("受付 10:40です", "10:40"),
        ("박서준 | 2025. 6. 9.", "2025. 6. 9"),
        ("(born 1987. 12. 1.)", "1987. 12. 1"),
        ("<DTPOSTED>20250609\n<TRNAMT>12.00", "20250609"),
        ("(0008,0020) DA [20250609]", "20250609"),
        ("თარიღი: 9 ივნისი 2025", "9 ივნისი 2025"),
        ("Dáta: 9 Meitheamh 2025", "9 Meitheamh 2025"),
        ("Data: 9 qershor 2025", "9 qershor 2025"),
        ("de 9. Abrëll 2025", "9. Abrëll 2025"),
    ],
)
def test_dates_as_these_languages_and_formats_write_them(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert (value, "DATE_TIME") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "2021年度の予算",
        "2025. 13. 40.",
        "v2.5. 6. 9",
        "<TRNAMT>20250609",
        "DATA [20250609]",
    ],
)
def test_look_alikes_of_those_dates_are_not_dates(detector: PresidioDetector, text: str) -> None:
    assert "DATE_TIME" not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "00:00:01.000 --> 00:00:03.000\n<v Aoife Byrne>Hello?\n<v 美玲>Hi.",
            {"Aoife Byrne", "美玲"},
        ),
        (
            "[03/02/2025, 09:14] Tomasz: ok\n[03/02/2025, 09:15] Ewa Nowak: fine",
            {"Tomasz", "Ewa Nowak"},
        ),
        ("3/2/25, 9:14 PM - Ines: see you", {"Ines"}),
        ("[09:14] <kwame> ready\n[09:15] <@lerato> go", {"kwame", "lerato"}),
        ("(0010,0010) PN [KOWALSKA^ANNA^MARIA]", {"KOWALSKA", "ANNA", "MARIA"}),
        ("(0010,0010) PN [Sato^Ken=佐藤^健]", {"Sato", "Ken", "佐藤", "健"}),
    ],
)
def test_speakers_and_names_that_a_layout_marks(
    detector: PresidioDetector, text: str, names: set[str]
) -> None:
    assert {(name, "PERSON") for name in names} <= found(detector, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('memberName: "王美玲",', "王美玲"),
        ('tenant_name => <<"אורי לוי"/utf8>>,', "אורי לוי"),
        (' $ rider_name: chr "ნინო ბერიძე"', "ნინო ბერიძე"),
        ('HSET m:7 member_name "Ελένη Παππά"', "Ελένη Παππά"),
        ('    ex:guestName "Олена Коваль" ;', "Олена Коваль"),
        ("userName=خالد المنصوري src=10.0.0.2", "خالد المنصوري"),
        ("氏名：佐藤 健", "佐藤 健"),
        ("姓名：王美玲", "王美玲"),
        ("الاسم: خالد المنصوري", "خالد المنصوري"),
        ("שם: אורי לוי", "אורי לוי"),
    ],
)
def test_names_in_other_scripts_under_a_name_key(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert (name, "PERSON") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        'fileName: "報告書"',
        'deviceName: "サーバー"',
        'shopName: "本屋"',
        'productName = "Молоко"',
        "<video> plays",
        "PNG [image]",
    ],
)
def test_names_of_things_in_other_scripts_are_no_persons(
    detector: PresidioDetector, text: str
) -> None:
    assert "PERSON" not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ('    city = "חיפה",', "חיפה"),
        (
            'HSET m:7 address "שדרות רוטשילד 12, תל אביב-יפו 6688101"',
            "שדרות רוטשילד 12, תל אביב-יפו 6688101",
        ),
        ("地址：220 新北市板橋區中山路一段50號3樓。電話", "220 新北市板橋區中山路一段50號3樓"),
        (
            "she moved to 220 新北市板橋區中山路一段50號3樓 last year",
            "220 新北市板橋區中山路一段50號3樓",
        ),
        (
            "住所：〒060-0001 北海道札幌市中央区北一条西2-1です",
            "〒060-0001 北海道札幌市中央区北一条西2-1",
        ),
        ("new address:\n〒060-0001\n北海道札幌市中央区北一条西2-1", "〒060-0001"),
        (
            "მისამართი: ქუთაისი 4600, წერეთლის ქუჩა 5, ბინა 3. ტელ.: 1",
            "ქუთაისი 4600, წერეთლის ქუჩა 5, ბინა 3",
        ),
        ("العنوان: شارع الشيخ زايد 12، دبي", "شارع الشيخ زايد 12، دبي"),
        ("flying out of 新北市 tomorrow", "新北市"),
    ],
)
def test_places_in_other_scripts(detector: PresidioDetector, text: str, place: str) -> None:
    assert (place, "LOCATION") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        'ip_address: "サーバー"',
        'email_address = "דוד"',
        "我们去超市买东西",
        "在城市里生活",
        "the 超市 opens at nine",
    ],
)
def test_look_alikes_of_places_in_other_scripts(detector: PresidioDetector, text: str) -> None:
    assert "LOCATION" not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("王美玲您好，您的門診時間", "王美玲"),
        ("佐藤 健様、ご来店ありがとう", "佐藤 健"),
        ("受付は鈴木さんです", "鈴木"),
        ("שלום אורי לוי, התור שלך", "אורי לוי"),
        ("عزيزتي ليلى حداد، موعدك", "ليلى حداد"),
        ("გამარჯობა, ნინო ბერიძე! თქვენი", "ნინო ბერიძე"),
        ("Refund for אורי לוי goes to the card", "אורי לוי"),
        ("Invoice for ليلى حداد is attached here", "ليلى حداد"),
        ("Booked by 佐藤 健 for next week", "佐藤 健"),
        ("The report from 王美玲 came in late", "王美玲"),
        ("Statement for ნინო ბერიძე: two streams", "ნინო ბერიძე"),
    ],
)
def test_names_in_other_scripts_by_their_greeting_honorific_or_sentence(
    detector: PresidioDetector, text: str, name: str
) -> None:
    assert (name, "PERSON") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "the menu says 牛肉麵 for lunch today",
        "我们的老师先生很好",
        "we flew to 福岡市 last spring",
        "スタッフ募集中です",
    ],
)
def test_look_alikes_of_names_in_other_scripts(detector: PresidioDetector, text: str) -> None:
    assert "PERSON" not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ('  usPassportNo = "A12345678";', "A12345678", "US_PASSPORT"),
        ('  steuerIdnr: "86095742719",', "86095742719", "DE_TAX_ID"),
        ('  , epicNo = "ABC1234567"', "ABC1234567", "IN_VOTER"),
        ('  pasaporte: "PA123456",', "PA123456", "ES_PASSPORT"),
        ("n.º pasaporte: XDA123456", "XDA123456", "ES_PASSPORT"),
        ("her Spanish passport = AF123456", "AF123456", "ES_PASSPORT"),
    ],
)
def test_identifiers_under_camel_case_keys_and_spanish_labels(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "IDEA 123456789",
        "myIdea 123456789",
        "pasaporte renovado en 2025",
    ],
)
def test_look_alikes_of_keys_are_no_labels(detector: PresidioDetector, text: str) -> None:
    assert not types(detector, text) & {"US_PASSPORT", "ES_PASSPORT", "IN_VOTER", "DE_TAX_ID"}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (' $ rider_name: chr "Ana Pop"\n $ ref       : chr "RS-1"', "chr"),
        ('{\n  guestName: "Ana Pop",\n  ref: "RSV-944408",\n}', "ref"),
        ('<Data Name="Ref">HUB-21307</Data>', "Ref"),
        ("NIE: Z-5322061-G. Fecha de nacimiento: 13 de mayo", "Fecha"),
    ],
)
def test_keys_and_type_tags_of_records_are_no_persons(
    detector: PresidioDetector, text: str, wrong: str
) -> None:
    assert (wrong, "PERSON") not in found(detector, text)


def test_the_name_after_an_r_type_tag_is_found(detector: PresidioDetector) -> None:
    assert ("Mihaela Popescu", "PERSON") in found(detector, ' $ rider_name: chr "Mihaela Popescu"')


@pytest.mark.parametrize("text", ["127.0.0.1:6379> HSET k 1", "bind 0.0.0.0 and ::1"])
def test_this_machine_is_no_ones_ip_address(detector: PresidioDetector, text: str) -> None:
    assert "IP_ADDRESS" not in types(detector, text)


def test_other_ip_addresses_are_still_found(detector: PresidioDetector) -> None:
    assert ("10.20.30.40", "IP_ADDRESS") in found(detector, "login from 10.20.30.40 failed")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("[*][i]city:[/i] Luimneach\n[*][i]ref:[/i] HUB-1", "Luimneach"),
        (' $ town         : chr "Trá Lí"', "Trá Lí"),
        ('    homeCity = "Baile Átha Cliath",', "Baile Átha Cliath"),
        ("city: Dublin 4", "Dublin 4"),
        (
            '    address => "12 Sráid an Mhuilinn, Corcaigh, T12 AB34",',
            "12 Sráid an Mhuilinn, Corcaigh, T12 AB34",
        ),
        (' $ address : chr "12 Sráid an Mhuilinn, Corcaigh"', "12 Sráid an Mhuilinn, Corcaigh"),
        ("Seoladh: 12 Sráid an Mhuilinn, Corcaigh. Fón: 1", "12 Sráid an Mhuilinn, Corcaigh"),
    ],
)
def test_places_under_their_keys_in_records_of_every_language(
    detector: PresidioDetector, text: str, place: str
) -> None:
    assert (place, "LOCATION") in found(detector, text)


@pytest.mark.parametrize(
    "text", ["velocity: 12", "city: unknown", "ethnicity: Irish", "hostCity = Server"]
)
def test_look_alikes_of_city_keys(detector: PresidioDetector, text: str) -> None:
    assert "LOCATION" not in types(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("!Type:Bank\nD03/14/2025\nT-12.00\nPAna Pop", "03/14/2025"),
        ("!Type:Bank\nD3/14'25\nT-12.00", "3/14'25"),
        (":28C:00001/001\n:60F:C250314EUR100,00\n", "250314"),
        (":61:2503140314D12,00NTRFNONREF\n", "250314"),
    ],
)
def test_dates_of_bank_statement_formats(detector: PresidioDetector, text: str, value: str) -> None:
    assert (value, "DATE_TIME") in found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "D03/14/2025 without a QIF header",
        ":60F:C251399EUR100,00",
        "!Type:Bank\nT-12.00\nMD03/14/2025",
    ],
)
def test_look_alikes_of_bank_statement_dates(detector: PresidioDetector, text: str) -> None:
    assert "DATE_TIME" not in types(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        '<Event xmlns="http://schemas.example.com/win/2004/08/events/event">',
        "@prefix ex: <https://example.org/ns#> .",
        '<root xmlns:x="urn:x" xmlns:y="https://vocab.example.net/terms/">',
    ],
)
def test_namespaces_are_no_ones_url(detector: PresidioDetector, text: str) -> None:
    assert "URL" not in types(detector, text)


def test_a_personal_url_is_still_found(detector: PresidioDetector) -> None:
    assert ("https://anna.example.org/about", "URL") in found(
        detector, "my page https://anna.example.org/about"
    )


@pytest.mark.parametrize(
    ("text", "field", "name"),
    [
        ('<Data Name="DateOfBirth">1958-11-04</Data>', "DateOfBirth", None),
        ('<Data Name="HomeownerName">Anna Rossi</Data>', "HomeownerName", "Anna Rossi"),
        ("name: McAllister", None, "McAllister"),
    ],
)
def test_a_field_s_pascal_case_name_is_no_person(
    detector: PresidioDetector, text: str, field: str | None, name: str | None
) -> None:
    spans = found(detector, text)
    if field:
        assert (field, "PERSON") not in spans
    if name:
        assert (name, "PERSON") in spans


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Sayın Kerem Aydın, TC Kimlik numaranız 10000000146", "TC Kimlik"),
        ("Pani Anna Nowak, PESEL 44051401359", "PESEL"),
    ],
)
def test_identifier_labels_are_no_places(detector: PresidioDetector, text: str, label: str) -> None:
    assert (label, "LOCATION") not in found(detector, text)
