"""Times, dates and ages in more languages, and the words of records that are no one's name
(issue #13): clock times on their own but not a log line's or a chat line's own clock; month
names of Central and Eastern European, Baltic, Turkish, Welsh, Basque, Malay, Greek, Cyrillic,
Hebrew, Arabic and Hindi dates, dates written year first and Vietnamese dates; ages stated the
way those languages state them; the keys of LDIF and YAML records, key/value tables and the
labels before a value are not people. Texts written from the grammars of those formats and
languages, not taken from an evaluation set."""

from __future__ import annotations

import pytest

from tests.unit.detecting import found
from vault.adapters.detection import PresidioDetector


def covered(detector: PresidioDetector, text: str, value: str, entity: str) -> bool:
    """Some span of `entity` holds `value` where it stands."""
    start = text.index(value)
    return any(
        s.entity_type == entity and s.start <= start and start + len(value) <= s.end
        for s in detector.detect(text)
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Pickup confirmed for 14:05 at the rear gate.", "14:05"),
        ("Visit 21:50: client in good spirits.", "21:50"),
        ('SLOT="09:30"', "09:30"),
        ("Opening hours 8:30-17:00 on weekdays.", "17:00"),
        ("Kunjungan pukul 10:50 di rumah.", "10:50"),
    ],
)
def test_a_clock_time_on_its_own_is_a_date_time(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert covered(detector, text, value, "DATE_TIME")


@pytest.mark.parametrize(
    "text",
    [
        "MAC 13:25:45:67:89:10 on port 3",
        "host fe80::1:20:30 is up",
        "2026-03-04 10:10:07 INFO request served",
        "[09:14] tomasz: did you get it?\n[09:15] ops: yes",
        "build 10:30.5 passed",
    ],
)
def test_no_clock_is_read_into_addresses_versions_or_a_lines_own_stamp(
    detector: PresidioDetector, text: str
) -> None:
    clocks = {v for v, entity in found(detector, text) if entity == "DATE_TIME" and ":" in v}
    assert not clocks - {"2026-03-04 10:10:07"}
    assert not any(v in ("09:14", "09:15", "10:10:07") for v in clocks)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rok splatnosti je 2. decembra 2026.", "2. decembra 2026"),  # sk
        ("Ugovor potpisan 30. kolovoza 2023.", "30. kolovoza 2023"),  # hr
        ("Schůzka dne 5. března 2025.", "5. března 2025"),  # cs
        ("Laenutähtaeg on 5. aprill 2023.", "5. aprill 2023"),  # et
        ("Sutartis pasirašyta 2024 m. kovo 5 d.", "2024 m. kovo 5 d"),  # lt
        ("Határidő: 2024. március 5.", "2024. március 5"),  # hu
        ("Randevu 18 Eylül 2025 saat 10.", "18 Eylül 2025"),  # tr
        ("Bu farw ar 24 Tachwedd 2026.", "24 Tachwedd 2026"),  # cy
        ("Bilera 2025eko martxoaren 4an izango da.", "2025eko martxoaren 4an"),  # eu
        ("Diterima pada 18 Disember 2026.", "18 Disember 2026"),  # ms
        ("Η συνάντηση είναι στις 5 Μαρτίου 2024.", "5 Μαρτίου 2024"),  # el
        ("Договор от 12 февраля 2024 года.", "12 февраля 2024"),  # ru
        ("Зустріч 3 березня 2025.", "3 березня 2025"),  # uk
        ("Hẹn ngày 5 tháng 3 năm 2024 tại văn phòng.", "ngày 5 tháng 3 năm 2024"),  # vi
    ],
)
def test_dates_with_their_month_names_in_more_languages(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert (value, "DATE_TIME") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mornar Ivan Horvat, star 29 godina, ukrcava se.", "29"),  # hr
        ("Zdroj (vo veku 48 rokov) sa stretol s redaktorom.", "48"),  # sk
        ("Bu farw Iestyn ar y diwrnod, yn 43 oed.", "43"),  # cy
        ("Näytteenantaja Ville Nieminen, 87 vuotta, antoi suostumuksen.", "87"),  # fi
        ("Enhanced due diligence on Thaís Oliveira, de 90 anos, address on file.", "90"),
        ("Zdroj Lucia (26-ročná) sa stretol.", "26"),
        ("call_time=2024-06-22T22:33:04Z patient_age=56", "56"),
        ('{"patient_age": "63"}', "63"),
        ("Pelapor melaporkan jiran berumur 67 tahun pengsan.", "67"),  # ms
    ],
)
def test_ages_as_more_languages_state_them(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert (value, "AGE") in found(detector, text)


def test_a_duration_in_those_languages_is_no_age(detector: PresidioDetector) -> None:
    text = "The warranty lasts 5 vuotta and a star 3 rating. Contrato de 5 anos."
    assert not any(entity == "AGE" for _, entity in found(detector, text))


LDIF = """version: 1

dn: uid=marta.kowal,ou=member,dc=example,dc=org
changetype: add
objectClass: inetOrgPerson
objectClass: extensibleObject
runner: Marta Kowal
dob: 3 settembre 1978
homebranch: Albuquerque
"""

TABLE = """## CASE-15819 · chargeback

| Field | Value |
|---|---|
| cardholder | FLORENCIA OLIVERA |
| address | Calle 1, Montevideo |
| txn date | 2024-07-25 |
| keysafe | 4347 |
"""


def test_the_keys_of_a_record_are_no_one(detector: PresidioDetector) -> None:
    people = {v for v, entity in found(detector, LDIF) if entity == "PERSON"}
    assert people == {"Marta Kowal", "marta.kowal"}  # her name, and her user id


def test_a_key_value_table_says_what_each_value_is(detector: PresidioDetector) -> None:
    spans = found(detector, TABLE)
    assert ("FLORENCIA OLIVERA", "PERSON") in spans
    assert ("Calle 1, Montevideo", "LOCATION") in spans
    assert not {v for v, e in spans if e == "PERSON"} - {"FLORENCIA OLIVERA"}


@pytest.mark.parametrize(
    "text",
    [
        "Solicita hipoteca. Contacto: ana.gil@example.es",
        '{"MESSAGE": "import row", "DRIVER": "Marko Novak"}',
        "Status: Triage · Priority: P3 · Labels: needs-review",
    ],
)
def test_a_label_before_its_value_is_no_person(detector: PresidioDetector, text: str) -> None:
    people = {v for v, entity in found(detector, text) if entity == "PERSON"}
    assert not people - {"Marko Novak"}


def test_speakers_of_a_chat_log_are_still_people(detector: PresidioDetector) -> None:
    text = "[09:14] tomasz: did you send it?\n[09:15] ops: yes\n"
    assert ("tomasz", "PERSON") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"type": "entrant", "runner": "Iestyn Huws", "dob": "1947"}', "Iestyn Huws"),
        ('{"type": "report", "player": "lachlan", "score": 3}', "lachlan"),
        ('<appeal appellant="Marija Horvat" status="open">', "Marija Horvat"),
        ("<ws:Passenger>Giulia Rossi</ws:Passenger>", "Giulia Rossi"),
        ("<ws:Caseworker>lbrandauer</ws:Caseworker>", "lbrandauer"),
        ("dn: uid=ilaria.deluca,ou=applicant,dc=example,dc=org", "ilaria.deluca"),
        ('level=info msg="accepted" player=tamsin region=eu', "tamsin"),
        ("carer: Dev Tremayne", "Dev Tremayne"),
        ("@hpapadopoulos can you pull the badge logs?", "hpapadopoulos"),
        ("Bé Lan sinh năm 1960, phụ huynh Võ Văn An, địa chỉ Huế", "Võ Văn An"),
    ],
)
def test_a_person_under_the_key_or_element_that_names_their_role(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert covered(detector, text, value, "PERSON")


def test_words_of_an_initial_and_a_surname_are_no_handle_without_a_mark(
    detector: PresidioDetector,
) -> None:
    text = "Pirelli cables look to tap growth; light trucks and the whites of eggs."
    assert not any(entity == "PERSON" for _, entity in found(detector, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("본인이 아니면 +82 10-1083-4126로 연락하세요.", "+82 10-1083-4126"),  # a particle after it
        ("본인이 아니면 010-1993-0996로 연락하세요.", "010-1993-0996"),
        ("Stretol sa v Žiline. Signal 02/636 696 63.", "02/636 696 63"),  # a slash after the area
        ("Spełnia kryteria. Kontakt: 529 169 925.", "529 169 925"),
        ("Solicitud de duplicado de SIM para el 91 422 90 61 a nombre del cliente", "91 422 90 61"),
        ('level=info msg="accepted" msisdn="606 06 17 45"', "606 06 17 45"),
        ("Ananya;ananya65@example.com;98692 15811;Jaipur", "98692 15811"),  # a mobile's layout
    ],
)
def test_national_phone_numbers_with_the_words_and_layouts_of_their_countries(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert covered(detector, text, value, "PHONE_NUMBER")


def test_a_phone_number_in_brackets_is_no_bracket(detector: PresidioDetector) -> None:
    text = "Contacto de emergencia: Facundo Pereyra (2488 2783)."
    assert ("2488 2783", "PHONE_NUMBER") in found(detector, text)


def test_a_date_with_slashes_is_no_phone_number(detector: PresidioDetector) -> None:
    text = "Kontakt: termín 02/03/2024 a 12/05/2024."
    assert not any(entity == "PHONE_NUMBER" for _, entity in found(detector, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"address": "Bağdat Cad. No: 106 D: 12, 06255 Çankaya/Ankara", "pcn": "JN6"}',
         "Bağdat Cad. No: 106 D: 12, 06255 Çankaya/Ankara"),
        ("<ADDR>No. 107, Lebuh Chulia, 50043 Kuala Lumpur</ADDR>",
         "No. 107, Lebuh Chulia, 50043 Kuala Lumpur"),
        ("NAME=R OLIVEIRA|ADDR=Rua Augusta, 125, sala 1204, São Paulo - SP, CEP 01112-309|TEL=1",
         "Rua Augusta, 125, sala 1204, São Paulo - SP, CEP 01112-309"),
        ("Address .......... Urdaneta kalea 132, 2. ezkerra, 48020 Bilbo\nTelephone ... 1",
         "Urdaneta kalea 132, 2. ezkerra, 48020 Bilbo"),
        ('delivery_address="Flat 29, Green Acres Society, FC Road, Chennai 600 037" eta="x"',
         "Flat 29, Green Acres Society, FC Road, Chennai 600 037"),
        ("adres: Atatürk Cad. No: 176 D: 7, 34786 Kadıköy/İstanbul. T.C. Kimlik No yok.",
         "Atatürk Cad. No: 176 D: 7, 34786 Kadıköy/İstanbul"),
        ("con domicilio en Bulevar Artigas 67, apto. 1101, 20000 Maldonado", "Bulevar Artigas 67, apto. 1101"),
    ],
)  # fmt: skip
def test_the_whole_value_of_an_address_key_is_one_address(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert covered(detector, text, value, "LOCATION")


@pytest.mark.parametrize(
    "text",
    [
        "IP address: 10.0.0.1, MAC address = 00:11:22:33:44:55",
        'wallet_address: "0x41EDA781A77f3132d809DcC9d6E88FcC78A1b2c3"',
        "address: n/a",
        "address: ann@example.org",
    ],
)
def test_an_address_of_another_kind_is_no_postal_address(
    detector: PresidioDetector, text: str
) -> None:
    assert not any(entity == "LOCATION" for _, entity in found(detector, text))


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("Ref P.IVA IT71800041213 del defunto.", "IT71800041213", "IT_VAT_CODE"),  # prefixed
        ("Customer rhif GIG: 9672429819.", "9672429819", "UK_NHS"),  # Welsh label
        ("nhsnumber: 9640719838\n", "9640719838", "UK_NHS"),
        ("Gwiriwch eich rhif pasbort: 249806072.", "249806072", "UK_PASSPORT"),
        ("Unique Entity No.: 71533999W", "71533999W", "SG_UEN"),
    ],
)
def test_identifiers_under_more_of_their_labels(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert (value, entity) in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"ts": "2025-10-26", "kyc": "BOC4192004"}', "BOC4192004"),  # an Indian voter id
        ("|TEL=1|ID=FJV1921108|IBAN=x", "FJV1921108"),
    ],
)
def test_a_documents_shape_under_a_label_that_does_not_say_which_is_still_masked(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert any(v == value for v, _ in found(detector, text))


def test_a_reference_under_an_id_label_is_no_document(detector: PresidioDetector) -> None:
    assert not found(detector, "Order ID: ABC1234567 shipped.")


@pytest.mark.parametrize(
    "url",
    [
        "redis://busra:7@9PB@9KaSmgJN2Ruzp@pg.eu-west-1.rds.amazonaws.com/ledger",
        "postgresql://app:s3cret@db.internal:5432/core",
        "mongodb+srv://tane:jDSDrGNC_4q*@db-prod-2.internal/crm",
    ],
)
def test_a_url_with_its_password_is_a_secret_whole(detector: PresidioDetector, url: str) -> None:
    assert (url, "SECRET") in found(detector, f"DATABASE_URL={url}. Rotate it.")


def test_a_port_and_a_path_are_no_password(detector: PresidioDetector) -> None:
    assert not any(
        e == "SECRET" for _, e in found(detector, "see https://host.example.com:8080/a@b")
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("เรียนคุณกิตติ เที่ยวบิน BA882 วันที่ 29/04/2025 ถูกยกเลิก", "กิตติ"),  # a title glued on
        ("เรียนคุณNattaya เที่ยวบิน SQ2040", "Nattaya"),  # a Latin name after a Thai title
        ("aliquots of AF881877 belong to donor สุภาพร วงศ์ใหญ่, born 31 March.", "สุภาพร วงศ์ใหญ่"),
        ("ลูกค้า สมชาย ทองดี อายุ 74 ปี โอนเงิน 2420.57 บาท", "สมชาย ทองดี"),  # after a role
        ("스크리닝 방문 2026년 11월 23일: 정민준, 70살, 선정 기준 충족.", "정민준"),  # a field
        ("child;dob;parent\n최도윤;1940년 5월 18일;최지우;+82 10-0016-3712", "최지우"),
        ("BEGIN:VCARD\nFN:정민준\nEND:VCARD", "정민준"),
    ],
)
def test_thai_and_korean_names_where_records_and_sentences_put_them(
    detector: PresidioDetector, text: str, value: str
) -> None:
    assert covered(detector, text, value, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "서비스, 이메일, 한국어; 신청서, 안내문, 이용자, 정보를",  # ordinary words as fields
        "The shop is open 18 มิถุนายน",  # June holds the title นาย
    ],
)
def test_ordinary_thai_and_korean_words_are_no_names(detector: PresidioDetector, text: str) -> None:
    assert not any(entity == "PERSON" for _, entity in found(detector, text))


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("Kristina Farrugia, ta' 23 sena, twieldet f'Birkirkara.", "23", "AGE"),  # mt
        ("Mārtiņš Bērziņš, 67 gadus vecs, dzimis Rīgā.", "67", "AGE"),  # lv
        ("Einar Gunnarsson er 54 ára og býr í Reykjavík.", "54", "AGE"),  # is
        ("Заявку від Христина Мельник, віком 56 років, прийнято.", "56", "AGE"),  # uk
        ("Записахме Милена Стоянова, на 67 години.", "67", "AGE"),  # bg
        ("Tomas Kazlauskas (62 metų amžiaus) užregistruotas.", "62", "AGE"),  # lt
        ("Halló, fædd 27. nóvember 1971 í Reykjavík.", "27. nóvember 1971", "DATE_TIME"),  # is
        ("imwielda fil-11 ta' Ġunju 2003", "Ġunju 2003", "DATE_TIME"),  # mt
        ("Reģistrēts. Adrese: Elizabetes iela 35, Rīga, LV-1010. Tālr. 2311 4890.",
         "Elizabetes iela 35, Rīga, LV-1010", "LOCATION"),  # lv, after a sentence
        ("Indirizz: 2 Triq il-Mithna, Birkirkara BKR 1234. Telefon 7964 0114.",
         "2 Triq il-Mithna, Birkirkara BKR 1234", "LOCATION"),
        ("Membership renewal for Kārlis: direct debit set up.", "Kārlis", "PERSON"),
        ("Callback: Цветелина reports wasps again.", "Цветелина", "PERSON"),
    ],
)  # fmt: skip
def test_baltic_icelandic_maltese_and_cyrillic_texts(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert covered(detector, text, value, entity)


def test_an_address_in_a_sentence_ends_with_it(detector: PresidioDetector) -> None:
    text = "Indirizz: 2 Triq il-Mithna, Birkirkara BKR 1234. Telefon 7964 0114."
    assert ("2 Triq il-Mithna, Birkirkara BKR 1234", "LOCATION") in found(detector, text)


@pytest.mark.parametrize(
    ("text", "value", "entity"),
    [
        ("Foster update from tijana.ilic: the kittens are eating.", "tijana.ilic", "PERSON"),
        ("Bot: @veikko_korhonen has not signed the CLA.", "veikko_korhonen", "PERSON"),
        ("learner Mandla reachable on 082 207 7430.", "Mandla", "PERSON"),
        ("Reset password to Bilberry$861quartz and told her.", "Bilberry$861quartz", "SECRET"),
        ("<NAME:6>Zanele <QSO_DATE:8>20261225 <BAND:3>20m", "20261225", "DATE_TIME"),
        ("2-2293-99617-08-9 | อนุชา แก้วมณี | 11/10/2484", "11/10/2484", "DATE_TIME"),  # B.E.
        ("2-2293-99617-08-9 | อนุชา แก้วมณี | 11/10/2484", "อนุชา แก้วมณี", "PERSON"),
        ("Private lesson for 김민서 (만 63세) on 2025년 7월 10일.", "김민서", "PERSON"),
        ("patient & 정서연 \\\\\ndentist & 윤서연 \\\\", "윤서연", "PERSON"),  # LaTeX
    ],
)
def test_handles_roles_keyed_dates_and_fields_in_more_layouts(
    detector: PresidioDetector, text: str, value: str, entity: str
) -> None:
    assert covered(detector, text, value, entity)


def test_a_programs_names_after_from_and_for_are_no_handles(detector: PresidioDetector) -> None:
    text = "for file_name in files: pass\nfrom kv_pairs import x\nfor user_id in ids: pass"
    assert not any(entity == "PERSON" for _, entity in found(detector, text))
