"""Addresses and places: street lines, the lines and comma parts that follow them, postcodes, a gazetteer."""

from __future__ import annotations

import re
from collections.abc import Sequence

from vault.adapters.detection._lexicon import load_words
from vault.adapters.detection._patterns import Candidate
from vault.adapters.detection._places import PLACES, PLACES_CAPITALISED
from vault.adapters.detection._words import BASIC_WORDS, COMMON_WORDS

__all__ = ["address_candidates", "cued_place_candidates", "place_candidates"]


# Words that name a street, in English and the languages most often seen in addresses.
_STREET_WORDS = load_words("street_words.txt")
# Endings of one-word street names (Hauptstraße, Kongensgade, Storgatan, Mannerheimintie).
_STREET_ENDINGS = tuple(sorted(load_words("street_endings.txt")))
# Words that follow a number without making an address ("3 days", "10 items", "3 May 2024").
_QUANTITY_WORDS = load_words("quantity_words.txt")
# Words for a unit within a building, longest first so that "apto" is not read as "apt".
_UNIT_WORDS = (
    "apt", "apartment", "suite", "ste", "unit", "flat", "fl", "floor", "room", "rm", "bldg",
    "building", "house", "plot", "apto", "depto", "dpto", "piso", "puerta", "sala", "andar",
    "bloco", "bloque", "portal", "whg", "wohnung", "etage", "appt", "app", "appartement",
    "bâtiment", "bât", "étage", "interno", "scala", "piano", "lok", "lokal", "kat", "daire",
    "blok", "stan",
)  # fmt: skip
_UNIT = rf"(?:{'|'.join(sorted(_UNIT_WORDS, key=len, reverse=True))}|#)"
_UNIT_RE = re.compile(rf"(?i){_UNIT}\.?\s*#?[\w-]{{1,6}}")
_NAME_WORD = r"[^\W\d_][\w'’.-]*"
# A number, up to six words, and maybe a second number: "42 Baker Street", "12 Via Roma 3",
# "78 Camiño Ancho 91", "18 15 Millicent Drive Apt. 4".
_STREET_LINE = re.compile(
    rf"(?<![\w.,:/#+-])(?:\d{{1,5}}[ ]+)?(?:\d{{1,4}}/)?\d{{1,5}}(?:[ ]?(?:bis|ter|quater)\b|[A-Za-z])?,?[ ]+"
    rf"(?P<name>(?:{_NAME_WORD}|\d{{1,4}}(?:st|nd|rd|th)\b)"
    rf"(?:[ ]+(?:{_NAME_WORD}|\d{{1,3}}(?:st|nd|rd|th)\b)){{0,5}})"
    r"(?:[ ]+(?P<tail>\d{1,5}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?)(?![\w.,-]\d))?"
)
# Street word first, number last: "Rue de la Paix 12", "Calle Mayor 5".
_STREET_FIRST = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME_WORD}(?:[ ]+{_NAME_WORD}){{0,4}}),?[ ]+"
    r"(?P<tail>\d{1,5}(?:bis|ter|quater|[A-Za-z])?(?:[/-]\d{1,4}[A-Za-z]?|-[IVX]{1,4})?"
    # A staircase, flat or box after the number: "5 A 7", "10/12 m. 5", "12 bus 3", "85 A".
    r"(?:[ ](?:[A-Z]|m\.|lok\.|apt\.?|bus|box|st\.|bis|ter)[ ]?\d{1,4}[A-Za-z]?(?!\w)"
    r"|[ ](?:[A-Z]|bis|ter)(?![\w.-]))?)"
    r"(?![\w.-]\d|\w)"
)
_PO_BOX = re.compile(
    r"(?i)(?<![\w-])(?:\d{1,5}[ ]+)?(?:p\.?\s?o\.?\s*box|postfach|postbus|apartado(?:\s+de\s+correos)?"
    r"|caixa\s+postal|boîte\s+postale|casella\s+postale|skrytka\s+pocztowa|postboks|box)"
    r"[ ]*(?:nr\.?[ ]*)?\d{1,6}\b"
)
# Postcodes, longest shapes first: US ZIP+4, BR CEP, PT, NL, UK, IE Eircode, CA, SE/CZ, PL, JP.
_POSTCODE = (
    r"(?:\d{5}-\d{4}|\d{5}-\d{3}|\d{4}-\d{3}|\d{4}[ ]?[A-Z]{2}(?![A-Za-z])|\d{5}|\d{3}-\d{4}"
    r"|\d{4}|\d{3}[ ]?\d{2}|\d{2}-\d{3}|[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}"
    r"|[AC-FHKNPRTV-Y]\d{2}[ ]?[AC-FHKNPRTV-Y\d]{4}|[A-Z]\d[A-Z][ ]?\d[A-Z]\d|[A-Z]{1,2}-\d{4,5})"
)
_ZIP_CONTEXT = re.compile(
    rf"(?i)\b(?:zip|zip ?code|postal ?code|post ?code|postcode|plz|cap|cep)\b[\s:#=\"']*"
    rf"(?:is[ ]+)?(?P<zip>{_POSTCODE}|\d{{3,6}})(?![\w-])"
)
_ADDRESS_CONTEXT = re.compile(
    r"(?i)(?:address|addr|lives?|living|located|location|ship(?:ped|ping)?|deliver(?:ed|y)?|"
    r"send|mail(?:ed)?|moved|reside[sd]?|residence|office|home|house|visit|at|is|in|to|from|"
    r"near|on|apt|apartment|suite|ste|unit|flat)\W{0,3}(?:\d{1,5}[ ]+)?$"
)
# One line of an address block below the street: "Suite 286", "El Tornadizo", "Gabon 66298",
# "Springfield, IL 62704", ", SH", "SW1A 1AA".
_BLOCK_LINE = re.compile(
    rf"(?:{_UNIT}\.?\s*#?[\w-]{{1,6}}"
    rf"|[^\W\d_][\w'’.()-]*(?:[ ]+[^\W\d_][\w'’.()-]*){{0,4}}"
    rf"(?:,?[ ]+[A-Z]{{1,3}}|[ ]-[ ][A-Z]{{2}})?(?:,?[ ]+{_POSTCODE})?(?:[ ]\([A-Z]{{2}}\))?"
    rf"|,?[ ]*[A-Za-z]{{2,3}}|{_POSTCODE}"
    rf"|{_POSTCODE}[ ]+[^\W\d_][\w'’.-]*(?:[ ]+[^\W\d_][\w'’.-]*){{0,3}})",
    re.IGNORECASE,
)
_LINE_MARKERS = " \t>?*|-•"
# What may follow a street on its line: a unit, then comma-separated city, region, country, postcode.
_INLINE_PART = re.compile(
    # A floor and door: ", 3º Esq.", ", 9.º izq.", ", 6º B", ", 2° piano".
    r"(?:,[ ]*\d{1,2}\.?[ºª°](?:[ ]?(?:izq|izda|dcha|der|esq|dto|dt|drt|centro|piano|andar|"
    r"[A-Z])\b\.?)?"
    rf"|,?[ ]+{_UNIT}\.?[ ]*#?[\w-]{{1,6}}"
    rf"|,?[ ]+{_POSTCODE}(?![\w-])"
    r"|[ ]*\((?-i:[A-Z]{2})\)"  # an Italian province: "Bogliasco (GE)"
    # Brazil's " - Bela Vista", " - SP": a district or state after a dash.
    rf"|[ ]-[ ](?-i:[A-Z][\w'’.-]*(?:[ ]+[A-Z][\w'’.-]*){{0,3}}|[A-Z]{{2}}\b)"
    rf"|,[ ]*[^\W\d_][\w'’.-]*(?:[ ]+[^\W\d_][\w'’.-]*){{0,3}}"
    rf"|(?-i:[ ]+[A-Z][\w'’.-]*(?:[ ]+[A-Z][\w'’.-]*){{0,3}})(?=[ ]*(?:,|\n|$|\.(?:\s|$))))",
    re.IGNORECASE,
)
_SCORE = 0.9  # above NER (0.85): "Via Roma" in an address line is a street, not a person
_SMALL_WORDS = frozenset({"of", "de", "la", "le", "du", "des", "del", "da", "do", "di", "the"})


def _is_street_name(words: Sequence[str]) -> bool:
    """True when a word list names a street: a street word, or a compound ending like one."""
    for word in words:
        dotted = word.lower()
        low = dotted.rstrip(".")
        if low in _STREET_WORDS or dotted in _STREET_WORDS:  # "al.", "os." are listed dotted
            return True
        # A compound street name, not an English word that happens to end alike (bring, update).
        if (
            (low.endswith(_STREET_ENDINGS) or dotted.endswith(_STREET_ENDINGS))
            and low not in COMMON_WORDS
            and len(low) > 5
        ):
            return True
    return False


def _plausible_name(words: Sequence[str], *, named: bool) -> bool:
    """A street or place name, not a quantity or an ordinary phrase."""
    if not words or words[0].lower().rstrip(".") in _QUANTITY_WORDS:
        return False
    lows = [w.lower().rstrip(".") for w in words]
    if named:
        return any(w not in BASIC_WORDS and w not in _STREET_WORDS for w in lows) or len(lows) > 1
    return any(len(w) >= 3 and w not in COMMON_WORDS and w not in _QUANTITY_WORDS for w in lows)


def _ends_clause(text: str, end: int) -> bool:
    """The street reaches the end of its line, a comma, a unit, or the end of a sentence."""
    rest = text[end : end + 12]
    return bool(re.match(rf"(?i)[ ]*(?:$|\n|\r|,|;|\)|\.(?:\s|$)|{_UNIT}\b|-[ ])", rest))


def _street_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _STREET_LINE.finditer(text):
        words = m.group("name").split()
        # Cut the name at the first word that cannot be part of one ("42 Baker Street is ...").
        for i, w in enumerate(words):
            low = w.lower()
            if i and low in BASIC_WORDS and low not in _SMALL_WORDS and low not in _STREET_WORDS:
                words = words[:i]
                break
        named = _is_street_name(words)
        if named and m.group("tail") is None:
            # Without a house number after it, the street word ends the street ("3 Main Street").
            last = max(i for i, w in enumerate(words) if _is_street_name([w]))
            words = words[: last + 1] if last else words
        if not _plausible_name(words, named=named):
            continue
        end = (
            m.start("name") + len(" ".join(words))
            if len(words) < len(m.group("name").split())
            else m.end()
        )
        if not named:
            before = text[max(0, m.start() - 24) : m.start()]
            if m.group("tail") is None or end != m.end() or not _ends_clause(text, end):
                continue
            if not (_ADDRESS_CONTEXT.search(before) or _line_start(text, m.start())):
                continue
        spans.append((m.start(), end))
    for m in _STREET_FIRST.finditer(text):
        words = m.group("name").split()
        # Keep only the words from the street word on ("lives on Rue de la Paix 12").
        for i, w in enumerate(words):
            if _is_street_name([w]):
                words = words[i:]
                break
        else:
            continue
        if not _plausible_name(words, named=True) or not _ends_clause(text, m.end()):
            continue
        name_end = m.end("name")
        spans.append((name_end - len(" ".join(words)), m.end()))
    spans.extend(m.span() for m in _PO_BOX.finditer(text))
    return spans


def _line_start(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip(_LINE_MARKERS)


def _follow(text: str, end: int) -> list[tuple[int, int]]:
    """The unit, city, region, country and postcode after a street, inline and on later lines."""
    out: list[tuple[int, int]] = []
    pos = end
    for _ in range(4):
        m = _INLINE_PART.match(text, pos)
        if m is None:
            break
        part = m.group().strip(" ,-")
        words = part.split()
        lows = [w.lower().rstrip(".,;:!?") for w in words]
        if not lows or (lows[0] in COMMON_WORDS and lows[0] not in _SMALL_WORDS):
            break
        # The sentence goes on after the city: "..., Woudenberg please."
        keep = next(
            (
                i
                for i, (w, low) in enumerate(zip(words, lows, strict=True))
                if i
                and low not in _SMALL_WORDS
                and (low in BASIC_WORDS or (w.islower() and low in COMMON_WORDS))
            ),
            len(words),
        )
        start = m.end() - len(part)
        end = start + len(" ".join(words[:keep])) if keep < len(words) else m.end()
        end = start + len(text[start:end].rstrip(".,;:!?")) if keep < len(words) else end
        if text[end - 1 : end] == "." and (end == len(text) or text[end].isspace()):
            end -= 1  # the sentence's full stop
        if end > start:
            out.append((start, end))
        if keep < len(words):
            return out
        pos = m.end()
    # Following lines, while they read like address lines; one blank line may sit between.
    line_end = text.find("\n", pos)
    if line_end < 0 or text[pos:line_end].strip(" ,.\r"):
        return out
    blanks = 0
    for _ in range(6):
        start = line_end + 1
        if start >= len(text):
            break
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        raw = text[start:line_end]
        content = raw.strip(_LINE_MARKERS + "\r")
        if not content:
            blanks += 1
            if blanks > 1:
                break
            continue
        if len(content) > 48 or not _BLOCK_LINE.fullmatch(content.rstrip(".")):
            break
        words = re.findall(r"[^\W\d_]+", content)
        if words and words[0].lower() in COMMON_WORDS and not _UNIT_RE.match(content):
            break
        offset = start + raw.index(content)
        out.append((offset, offset + len(content)))
    return out


# US military mail: "PSC 0413, Box 8144, APO AA 42323", "USNS Comfort\nFPO AE 09501".
_MILITARY = re.compile(
    r"(?i)(?<![\w-])(?:(?:(?:PSC|CMR|UNIT)[ ]+\d{1,6},?[ ]+BOX[ ]+\d{1,6}"
    r"|(?:USS|USNS|USNV|USCGC)[ ]+[^\W\d_][\w'’.-]*(?:[ ][^\W\d_][\w'’.-]*)?),?\s{1,3})?"
    r"(?:APO|FPO|DPO)[ ]+(?:AA|AE|AP)[ ]+\d{5}(?:-\d{4})?(?!\d)"
)
# A street named without a street word, announced by what comes before it: "sent to
# Truhlářská 996", "address: Sorlaskeid 32", "mieszkam przy Cmentarna 98/4".
_CUED_STREET = re.compile(
    r"(?i:address(?:[ ]is)?|addr|lives?[ ](?:at|on)|living[ ](?:at|on)|located[ ](?:at|on)|"
    r"(?:sent|send|ship|shipped|deliver|delivered|return|mail|post|forward)[ ](?:it[ ])?to|"
    r"arrived[ ]at|moved[ ]to|wohne[ ]in(?:[ ]der)?|mieszkam[ ](?:przy|na)|abito[ ]in|vivo[ ]en|"
    r"resido[ ]en|moro[ ]na|(?:con[ ])?domicilio[ ]en|domiciliad[oa][ ]en|residente[ ]en|"
    r"wohnhaft[ ]in|demeurant(?:[ ]au)?|domicili[ée]e?[ ]au|"
    r"adresse|adres|adresa|aadress|alamat|helbidea|cyfeiriad|indirizzo|"
    r"direcci[óo]n|endereço|anschrift|wohnadresse|osoite|adress|adressen)[:\s]+"
    r"(?P<street>(?P<head>[A-ZÀ-ÖØ-Þ][^\W\d_]+)(?:[ -][^\W\d_]+){0,3},?[ ]+"
    r"\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?)(?![\w.-]\d|\w)"
)


def _cued_street_spans(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _CUED_STREET.finditer(text):
        head = m.group("head").lower()
        if head in COMMON_WORDS or head in _QUANTITY_WORDS or not _ends_clause(text, m.end()):
            continue
        out.append(m.span("street"))
    return out


# The postcode-and-city line of a continental address, on its own: "99433 Grevesmühlen",
# "1824 GH Woudenberg", "50-074 Wrocław", "4050-262 Porto", "75008 Paris".
_CITY_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[-'’][^\W\d_]+)*"
_POSTCODE_CITY = re.compile(
    r"(?<![\w.,:/+-])(?P<code>\d{4}-\d{3}|\d{5}-\d{3}|\d{4}[ ]?[A-Z]{2}|\d{2}-\d{3}|\d{5}|\d{4}"
    r"|\d{3}[ ]\d{2})"
    rf"[ ]+(?P<city>{_CITY_WORD}(?:[ ](?:am|an|der|bei|sur|sous|en|de|la|le|del|di|im|ob)"
    rf"[ ]{_CITY_WORD}|[ ]{_CITY_WORD}){{0,2}})"
)


def _postcode_city_spans(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _POSTCODE_CITY.finditer(text):
        code, city = m.group("code"), m.group("city")
        words = city.split()
        first = words[0].lower()
        if first in COMMON_WORDS and first not in PLACES and first not in PLACES_CAPITALISED:
            continue
        # Keep the city's words up to the first ordinary one ("Berlin Mitte", not "Paris Today").
        kept = [words[0]]
        for w in words[1:]:
            if w.lower() in COMMON_WORDS and w.lower() not in _SMALL_WORDS:
                break
            kept.append(w)
        while kept and kept[-1].lower() in _SMALL_WORDS:
            kept.pop()
        if not kept:
            continue  # "75001 Le": an article, no city
        year_like = len(code) == 4 and code[:2] in ("19", "20")
        known = " ".join(kept).lower() in PLACES or first in PLACES
        if len(code) == 4 and code.isdigit() and not (known or _line_start(text, m.start())):
            continue  # "sold 3000 Units": a bare four-digit number needs a known city
        if year_like and not known:
            continue
        out.append((m.start(), m.start("city") + len(" ".join(kept))))
    return out


# A province after the city: "80134 Napoli (NA)".
_PROVINCE_AFTER = re.compile(r"[ ]?\([A-Z]{2}\)")
# The street line just above or before a postcode-and-city line, named with no street word:
# "Isebaan 275, 1824GH, Woudenberg", "Zuiderdiep 19bis\n1016DV Amsterdam".
_STREET_BEFORE = re.compile(
    r"(?<![\w.,-])(?P<street>(?:[a-z]{1,4}\.[ ])?(?P<head>[A-ZÀ-ÖØ-Þ][^\W\d_]+)"
    r"(?:[ -][^\W\d_]+){0,3}[ ]\d{1,5}(?:bis|ter|quater|[A-Za-z])?"
    r"(?:[/-]\d{1,4}[A-Za-z]?|-[IVX]{1,4})?(?:[ ][A-Z])?)"
    r"(?:,[ ]*|[ ]*\r?\n[ \t]*)$"
)
_STREET_BEFORE_REACH = 80
# A building, flat or staircase written before the street: "Bât. C, 12 rue ...", "Flat 3, ...".
_UNIT_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:bât(?:iment)?\.?|appartement|appt\.?|flat|apt\.?|apartment|unit|suite|"
    r"esc(?:alier)?\.?|piso|wohnung|whg\.?)[ ]?#?[\w-]{1,6},?[ ]*(?:\r?\n[ \t]*)?$"
)
_UNIT_BEFORE_REACH = 24


def _postcode_blocks(text: str) -> list[tuple[int, int]]:
    """Postcode-and-city lines with the province after them and the street before them."""
    out: list[tuple[int, int]] = []
    for start, end in _postcode_city_spans(text):
        province = _PROVINCE_AFTER.match(text, end)
        end = province.end() if province else end
        before = _STREET_BEFORE.search(text, max(0, start - _STREET_BEFORE_REACH), start)
        if before is not None and before.group("head").lower() not in COMMON_WORDS:
            start = before.start("street")
        out.append((start, end))
    return out


def _with_unit_before(text: str, start: int) -> int:
    m = _UNIT_BEFORE.search(text, max(0, start - _UNIT_BEFORE_REACH), start)
    return m.start() if m is not None else start


def address_candidates(text: str) -> list[Candidate]:
    """Street addresses with what follows them, postcodes named as such, and PO boxes."""
    out: list[Candidate] = []
    out.extend(
        Candidate(*m.span(), "LOCATION", _SCORE, "military") for m in _MILITARY.finditer(text)
    )
    out.extend(
        Candidate(s, e, "LOCATION", _SCORE, "postcode_city") for s, e in _postcode_blocks(text)
    )
    for start, end in _street_spans(text) + _cued_street_spans(text):
        out.append(Candidate(_with_unit_before(text, start), end, "LOCATION", _SCORE, "address"))
        out.extend(
            Candidate(s, e, "LOCATION", _SCORE, "address_part") for s, e in _follow(text, end)
        )
    out.extend(
        Candidate(*m.span("zip"), "LOCATION", _SCORE, "postcode")
        for m in _ZIP_CONTEXT.finditer(text)
    )
    return out


_ABBREVIATED_PLACES = frozenset({"u.s.", "u.s.a.", "u.k."})
_WORD = re.compile(r"U\.S\.(?:A\.)?|U\.K\.|[^\W\d_](?:[\w'’-]*[^\W_])?")


def _first_words() -> dict[str, int]:
    """First word of every place -> the most words a place starting with it has."""
    out: dict[str, int] = {}
    for place in (*PLACES, *PLACES_CAPITALISED, *_ABBREVIATED_PLACES):
        words = place.split()
        out[words[0]] = max(out.get(words[0], 0), len(words))
    return out


_FIRST_WORDS = _first_words()


def place_candidates(text: str) -> list[Candidate]:
    """Countries, regions, US states and large cities; in any case unless they read as words."""
    out: list[Candidate] = []
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    i, n = 0, len(words)
    while i < n:
        hit = 0
        longest = _FIRST_WORDS.get(words[i][2].lower().replace("’", "'"), 0)
        for k in range(min(longest, n - i), 0, -1):
            # Only words joined by single spaces form a multi-word place.
            if any(text[words[j][1] : words[j + 1][0]] != " " for j in range(i, i + k - 1)):
                continue
            phrase = " ".join(w for _, _, w in words[i : i + k]).replace("’", "'")
            low = phrase.lower()
            capitalised = all(
                w[0].isupper() or w.lower() in _SMALL_WORDS for _, _, w in words[i : i + k]
            )
            if (
                low in PLACES
                or low in _ABBREVIATED_PLACES
                or (capitalised and low in PLACES_CAPITALISED)
            ):
                hit = k
            if hit:
                break
        if hit:
            out.append(Candidate(words[i][0], words[i + hit - 1][1], "LOCATION", 0.75, "place"))
            i += hit
        else:
            i += 1
    return out


_PLACE_WORD = r"[^\W\d_][\w'’.-]*"
# "lives in X", "grew up in X", "I'm in X", "moved here from X", "Where: X": a place follows.
_PLACE_CUE = re.compile(
    r"(?i)\b(?:(?:live[sd]?|living|grew up|born|raised|based|located|situated|reside[sd]?|"
    r"staying|stayed|moved(?: here| back)?|relocated|relocating|arrived|arriving|travel+ing|"
    r"flew|flying|i'?m|i am|we'?re|we are|hometown|home town|city of|town of|village of|"
    r"street|road|avenue|lane|st\.?|rd\.?|ave\.?)"
    r"[ ]+(?:in|at|from|to|into)|home city|where:|city:|town:|hometown:|birthplace:)[ ]+"
    rf"(?P<place>{_PLACE_WORD}(?:[ ]+(?:{_PLACE_WORD})){{0,3}})"
)


def cued_place_candidates(text: str) -> list[Candidate]:
    """A place name right after words that announce one ("lives in PUNKAHARJU")."""
    out: list[Candidate] = []
    for m in _PLACE_CUE.finditer(text):
        words = m.group("place").split()
        kept: list[str] = []
        for i, w in enumerate(words):
            low = w.lower().strip(".")
            cap = w[0].isupper()
            if i == 0 and (low in COMMON_WORDS or low in _QUANTITY_WORDS):
                break
            if i and not cap and low not in _SMALL_WORDS and not words[0].islower():
                break
            if i and (low in BASIC_WORDS and low not in _SMALL_WORDS):
                break
            if i and words[0].islower() and low in COMMON_WORDS:
                break
            kept.append(w)
        while kept and kept[-1].lower() in _SMALL_WORDS:
            kept.pop()
        if kept:
            start = m.start("place")
            value = " ".join(kept).rstrip(".")
            out.append(Candidate(start, start + len(value), "LOCATION", 0.7, "place_cue"))
    return out
