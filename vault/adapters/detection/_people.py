"""Names NER misses: listed given names in any case, surnames, names in lists, names after cues."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable

from vault.adapters.detection._addresses import place_candidates
from vault.adapters.detection._lexicon import key_alternation, load_words
from vault.adapters.detection._names import GIVEN_NAMES, SURNAMES, WORDLIKE_NAMES
from vault.adapters.detection._patterns import Candidate
from vault.adapters.detection._places import PLACES, PLACES_CAPITALISED
from vault.adapters.detection._words import BASIC_WORDS, COMMON_WORDS

__all__ = [
    "LABEL_WORDS",
    "implausible_person",
    "name_candidates",
    "place_not_person",
    "repeated_names",
]

# Month and weekday names and tool names are capitalised but name no one.
NOT_NAMES = (
    load_words("months.txt")
    | load_words("months_abbr.txt")
    | load_words("months_abbr_ambiguous.txt")
    | load_words("weekdays.txt")
    | load_words("weekdays_abbr.txt")
    | load_words("not_places_or_people.txt")
    | load_words("demonyms.txt")
)
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?")
_NOT_A_NAME = re.compile(r"[\d@_/=\\<>{}\[\]|#$%^*+~`]")
_LETTERS = r"[^\W\d_][\w'’-]*"
_ADDRESS_AFTER = re.compile(r"[@.]\w")
_PERSON_KEYS = key_alternation("person_keys.txt")
_REFERENCE_LABELS = load_words("reference_labels.txt")
# A cue that the next word is a name, whatever its case: "my name is ...", "Hi ...,", "Dear ...".
_CUE = re.compile(
    r"(?i)(?:\b(?:my name is|name is|name's|i am called|call me|calls me|called me|named|dear|attn:?|"
    r"signed,?|regards,|thanks,|cheers,|best,|sincerely,|hi|hello|hey|greetings|welcome)(?!\w)"
    rf"|(?P<key>(?:\b|_)(?:{_PERSON_KEYS})[\"']?\s*[:=]"
    # an XML element: <Passenger>, <ws:Caseworker type="x">
    rf"|<(?:[\w-]+:)?(?:{_PERSON_KEYS})(?:\s[^<>]{{0,80}})?>))[ \t]*"
    r"(?:(?:chr|num|int|logi)[ ]+)?[\"']?"  # R's str() names the type first: chr "Ana"
    rf"(?<![\w'’-])(?P<first>{_LETTERS})(?:[ ](?P<second>{_LETTERS}))?"
)
# A cue that the next word is a name only when it looks like one: "said Keiko", "told björklund".
_SOFT_CUE = re.compile(
    r"(?i)\b(?:said|says|asked|asks|told|tells|replied|wrote|thank you|thanks|cc|ping|met|"
    r"learner|student|pupil|patient|client|customer|member|tenant|guest|donor|researcher|"
    r"applicant|candidate|caller|rider|passenger|renewal for|lesson for|booking for)"
    rf"[ ]+(?P<first>{_LETTERS})(?![\w'’-])"
)
# "mr. martin", "Dr Okafor", "Mrs. Brown": a title makes the next word a surname.
_TITLE = re.compile(
    r"(?<![\w.])(?:(?P<cap>Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Madam|Mme|Mlle|Herr|Frau|Sr|Sra)\.?"
    r"|(?P<low>mr|mrs|dr|prof)\.)"
    rf"[ ]+(?P<first>{_LETTERS})(?:[ ](?P<second>{_LETTERS}))?"
)
_GREETING_OBJECTS = frozenset(
    {"team", "all", "everyone", "everybody", "there", "guys", "folks", "again", "support",
     "sir", "madam", "both", "world", "friends", "colleagues", "y'all", "you", "hiring"}
)  # fmt: skip
# Short labels NER sometimes takes for a name at the start of a line ("Tel", "Ping me").
LABEL_WORDS = frozenset(
    {"tel", "fax", "ping", "mob", "cell", "attn", "re", "fwd", "cc", "bcc", "ps"}
)
_JOINERS = frozenset(
    {", ", " , ", " and ", ", and ", " , and ", " & ", " or ", ", or ", " nor ", " und ", " et ", " y "}
)  # fmt: skip
_CONNECTIVES = frozenset({"and", "or", "nor", "und", "et", "y"})
# Keys a config or header gives a quoted value ("token: \"xoxb-…\"", "auth: \"…\""): no speakers.
_KEY_WORDS = frozenset(
    {"token", "auth", "bearer", "cookie", "session", "secret", "password", "passwd", "apikey",
     "key", "value", "hash", "salt", "signature", "sig", "credential", "credentials", "jwt"}
)  # fmt: skip
# Cues after a name: "Keiko said", "Aki shouted at", "Zlata's address", "Kalman: \"Who".
_AFTER_CUE = re.compile(
    rf"(?<![\w'’-])(?P<first>{_LETTERS})(?:"
    r"[ ]+(?:said|says|shouted|asked|asks|told|tells|replied|whispered|yelled|screamed|laughed|"
    r"smiled|nodded|wrote|texted|emailed|joked|added|explained|insisted|admitted|sighed)\b"
    r"|['’]s[ ]+(?:address|home|phone|cell|mobile|number|email|e-mail|account|card|passport|"
    r"birthday|date of birth|dob|ssn|husband|wife|partner|son|daughter|mother|father|mom|dad|"
    r"brother|sister|boss|manager|salary|medical|diagnosis|details)\b"
    r"|:[ ]*\\?[\"“])"
)
# A speaker in a chat log or transcript: "[10:02] kofi: did u get ...", "Anna: sure".
_SPEAKER = re.compile(
    rf"^[ \t]*(?P<stamp>\[?\d{{1,2}}:\d{{2}}(?::\d{{2}})?\]?[ \t]*|<|@)?(?:<|@)?(?P<first>{_LETTERS})>?:[ \t]+\S",
    re.MULTILINE,
)
# A word that is a program's key, not a name: "objectClass", "home_branch".
_CODE_KEY = re.compile(r"[a-z][A-Z]|_")
# A name addressed at the start of a sentence: "Mimount, can I please ...".
_VOCATIVE = re.compile(
    rf"(?:^|(?<=[\n.!?] ))(?P<first>{_LETTERS}),[ ]+(?:can|could|would|will|please|thanks|thank|"
    r"do|did|are|have|i|we|you|let|what|how|where|when|why|is)\b",
    re.MULTILINE,
)
# "P. Simmons", "J. R. Smith": initials before a capitalised surname.
_INITIALS = re.compile(r"(?<![\w.-])(?:[A-Z]\.[ ]?){1,3}(?P<last>[A-Z][a-z][\w'’-]+)")


# Surname particles: "Ludwig van Beethoven", "Ursula von der Leyen", "Maria da Silva".
_PARTICLES = (
    r"(?:van|von|de|da|di|du|del|della|dei|der|den|des|dos|das|do|ten|ter|te|le|la|zu|af|av|"
    r"bin|ibn|al|el|mac|st\.?|ní|nic|ó|uí|mc|ap|ben|bat|dal)"
)
_PARTICLE_NAME = re.compile(
    rf"(?<![\w'’-])(?P<first>[A-Z][\w'’-]+)(?:[ ](?:[A-Z]\.|[A-Z][\w'’-]+))?"
    rf"(?:[ ](?i:{_PARTICLES})){{1,3}}[ ](?P<last>[A-Z][\w'’-]+)"
)
# A user name made of a given name and a surname: "john.smith", "@olga.nowak", "maria_garcia".
_USER_NAME = re.compile(
    r"(?<![\w.@/\\-])@?(?P<user>(?P<first>[^\W\d_]{2,})[._](?P<last>[^\W\d_]{2,}))"
    r"(?![\w@-]|\.[^\W\d_])"
)
# A Vietnamese name: a family name with its diacritics, then one to three capitalised words
# ("Nguyễn Thị Minh Khai", "Trần Văn Bình"); the family name alone is also a word ("la", "văn").
_VI_SURNAMES = load_words("vi_surnames.txt")
_VI_NAME = re.compile(r"(?<![\w'’-])(?P<family>[^\W\d_]+)(?:[ ][A-ZÀ-ỸĐ][^\W\d_]*){1,3}(?![\w'’-])")


def _vietnamese_names(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    while (m := _VI_NAME.search(text, pos)) is not None:
        family = m.group("family")
        if (
            family[0].isupper()
            and not family.isascii()
            and family.lower() in _VI_SURNAMES
            and not _is_place(m.group())  # "Hà Nội"
        ):
            out.append(m.span())
            pos = m.end()
        else:  # "phụ huynh Võ Văn An": the name may start at the next word
            pos = m.end("family") + 1
    return out


# Surname first, as registers and tickets print it: "WANJIRU, Grace", "OKAFOR, Chidi E.", and
# IATA's passenger name, surname / given names / title ("SMITH/JANE MS", "MUELLER/HANS MR").
_SURNAME_COMMA = re.compile(
    r"(?<![\w'’-])(?P<last>[A-Z][A-Z'’-]{1,30}), "
    r"(?P<given>[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*)?)(?: [A-Z]\.)?(?![\w'’-])"
)
_PAX_TITLE = r"(?:MRS|MR|MS|MISS|MSTR|DR|CHD|INF)"
_PASSENGER = re.compile(
    rf"(?<![\w/'’-])(?P<last>[A-Z][A-Z'’-]{{1,30}})/(?P<given>[A-Z][A-Z'’-]{{1,30}}"
    rf"(?: (?!{_PAX_TITLE}\b)[A-Z][A-Z'’-]{{1,30}})?)(?P<title> ?{_PAX_TITLE})?(?![\w/'’-])"
)


def _surname_first(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SURNAME_COMMA.finditer(text):
        last, given = m.group("last").lower(), m.group("given").split()[0].lower()
        if last in COMMON_WORDS and not _surname(last):
            continue  # "NOTE, Please", "URGENT, Review"
        # A given name that is also a word ("Grace", "Will") only under a key ("Patient:").
        keyed = re.search(r"[:=][ \t]*$", text[max(0, m.start() - 4) : m.start()]) is not None
        if _given(given) or _surname(last) or (keyed and given in GIVEN_NAMES):
            out.append((m.start(), m.end()))
    for m in _PASSENGER.finditer(text):
        given = m.group("given").split()[0].lower()
        if m.group("title") or _given(given):
            out.append((m.start(), m.end("given")))
    return out


_STREET_HEADS = frozenset(
    {"rue", "calle", "carrer", "via", "rua", "avenida", "avenue", "av", "place", "plaza", "praça",
     "piazza", "strada", "chemin", "quai", "boulevard", "allee", "allée", "largo", "travessa",
     "camino", "paseo", "cours", "impasse", "contrada", "viale", "corso"}
)  # fmt: skip
_PARTICLE_SCORE = 0.88
_KEYED_SCORE = (
    0.86  # above NER's 0.85  # above NER, which often reads the surname after a particle as a place
)


def _particle_names(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    while (m := _PARTICLE_NAME.search(text, pos)) is not None:
        first, last = m.group("first").lower(), m.group("last").lower()
        # A refused match ("Ask Ludwig van der Berg") is tried again from its second word.
        pos = m.start() + len(m.group("first")) + 1
        if first in BASIC_WORDS or first in _STREET_HEADS:
            continue
        if last in COMMON_WORDS and last not in SURNAMES:
            continue
        if first in COMMON_WORDS and not (_given(first) or first in GIVEN_NAMES):
            continue
        if _is_place(m.group("last")) and not _surname(last):
            continue  # "Instancia de Madrid", "Tribunal judiciaire de Lyon": a place
        out.append(m.span())
        pos = m.end()
    return out


# East Asian given names romanized with a hyphen between their syllables, beside a family name
# before or after them: "Ji-hoon Park", "Namgung Jae-won", "Lin Chih-ming", "Ka-lok Leung".
_SYLLABLE = r"(?:[bcdfghjklmnpqrstwyz]{0,3}[aeiouy]{1,3}(?:ng|n|m|k|l|p|t|r|h)?)"
_HYPHENED = rf"[A-Z]{_SYLLABLE}-{_SYLLABLE}"
_ROMANIZED = re.compile(
    rf"(?<![\w'’-])(?:(?P<given_first>{_HYPHENED})[ ](?P<family_after>[A-Z][a-z]{{1,9}})"
    rf"|(?P<family_first>[A-Z][a-z]{{1,9}})[ ](?P<given_after>{_HYPHENED}))(?![\w'’-])"
)


def _romanized_names(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _ROMANIZED.finditer(text):
        given = (m.group("given_first") or m.group("given_after")).lower()
        family = (m.group("family_after") or m.group("family_first")).lower()
        if given in COMMON_WORDS or any(part in BASIC_WORDS for part in given.split("-")):
            continue  # "Co-op", "Re-run"
        if (family in COMMON_WORDS or family in BASIC_WORDS) and family not in SURNAMES:
            continue  # "Co-op Bank"
        if _is_place(family):
            continue
        out.append(m.span())
    return out


def _user_names(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _USER_NAME.finditer(text):
        first, last = m.group("first").lower(), m.group("last").lower()
        if _given(first) and (last in SURNAMES or last not in COMMON_WORDS):
            out.append(m.span("user"))
        elif (
            (
                m.group().startswith("@")
                or _HANDLE_CUE.search(text, max(0, m.start() - 14), m.start())
            )
            and min(len(first), len(last)) >= 3
            and not (_ordinary(first) or _ordinary(last))
        ):  # "from kv_pairs import", "for user_id in": a program's names
            out.append(m.span("user"))  # "agent meritxell.pujol", "user naledi.vandermerwe"
    for m in _INITIAL_HANDLE.finditer(text):
        word = m.group("user")
        if word in COMMON_WORDS or word[1:] in COMMON_WORDS or not _surname(word[1:]):
            continue
        if m.group().startswith("@") or _HANDLE_CUE.search(text, max(0, m.start() - 12), m.start()):
            out.append(m.span("user"))  # "@hpapadopoulos", "user fdeshpande"
    for m in _LOGGED_HANDLE.finditer(text):
        group = next(g for g in ("user", "joined", "attempted") if m.group(g))
        word = m.group(group)
        parts = re.split(r"[._]", word)
        if word in COMMON_WORDS or any(part in BASIC_WORDS for part in parts):
            continue
        if word in NOT_NAMES or (len(parts) == 1 and word in WORDLIKE_NAMES):
            continue
        if len(word) < 4 and not _surname(word[:-1]):
            continue  # "wup", "liuy": a family name and an initial
        out.append(m.span(group))
    return out


# A user name of an initial and a surname, in lower case: "@hpapadopoulos", "user fdeshpande".
_INITIAL_HANDLE = re.compile(r"(?<![\w.@/\\-])@?(?P<user>[a-z][a-z]{5,})(?![\w@-]|\.[^\W\d_])")


# The account of a log line's event: "login for …", "last used by …", "(owner …)", "logged in
# as …", a handle joined by a dot or an underscore whose page or form it is ("on
# omar_elsayed's request form"), any handle failed attempts were on ("attempts on petrovi's
# page"). Any lower-case word there but an ordinary one.
_LOGGED_HANDLE = re.compile(
    r"(?:(?i:\blogin[ ]for|\blogged[ ]in[ ]as|\bused[ ]by|\(owner)[ ]"
    r"(?P<user>[a-z][a-z0-9]*(?:[._][a-z0-9]+){0,2})"
    r"|(?<=\bon[ ])(?P<joined>[a-z][a-z0-9]*(?:[._][a-z0-9]+){1,2})(?='s\b)"
    r"|(?<=\battempts[ ]on[ ])(?P<attempted>[a-z][a-z0-9]{2,})(?='s\b))"
    r"(?![\w@-]|\.[^\W\d_])"
)

# Whose handle follows: "user ...", "agent ...", "by ...", "assignee: ...".
_HANDLE_CUE = re.compile(
    r"(?i)\b(?:user|username|uid|agent|by|login|assignee|owner|author|reviewer|handle|player|"
    r"caseworker|gamertag|operator|dispatcher|from|for|researcher|contributor|github|gitlab|"
    r"twitter|slack|discord|instagram|telegram|member|customer|match)[\"' \t:=]+$"
)
# Names printed in capitals (cards, tickets, OCR): two or three upper-case words, one a listed
# given name and another a listed surname or a word of no list ("SIENNA SANDHU", "MURUGAN
# PALANIAPPAN", "BRINKMANN LENNART", "O'CONNOR KATHLEEN", "KA-LOK LEUNG"), after a quote too.
_UPPER_WORD = r"[^\W\d_a-z](?:[^\W\d_a-z]|['’-](?=[^\W\d_a-z]{2})){1,}"
_UPPER_RUN = re.compile(
    rf"(?<![\w’-])(?<!\w')(?<![\w’]-){_UPPER_WORD}(?:[ ]{_UPPER_WORD}){{1,2}}"
    r"(?![\w-]|['’](?!s\b))"  # "HUGHES AMELIA's headset"
)


def _upper_names(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _UPPER_RUN.finditer(text):
        if not m.group().isupper():
            continue  # a script without capitals ("عنوان المحفظة") or in lower case
        words = m.group().lower().split()
        # A given name that is also a word ("GRACE") beside a word of no list ("OKAFOR").
        unknown = any(not (_ordinary(w) or _is_place(w)) for w in words)
        if any(
            _ordinary(w) and not (_given(w) or _surname(w) or (unknown and w in GIVEN_NAMES))
            for w in words
        ):
            continue  # "PLACE OF BIRTH", "SAMPLE LABEL", "MAX POWER SETTINGS"
        if any(_is_place(w) for w in words) and not any(_given(w) for w in words):
            continue
        listed = [w for w in words if w in GIVEN_NAMES or _surname(w)]
        after_label = re.search(r"[:|·][ \t]*$", text[max(0, m.start() - 3) : m.start()])
        if listed or (after_label and all(len(w) >= 4 for w in words)):
            out.append(m.span())
    return out


def _ordinary(word: str) -> bool:
    """An ordinary word, or its plural ("settings")."""
    return word in BASIC_WORDS or word in COMMON_WORDS or word.rstrip("s") in COMMON_WORDS


def _speakers(text: str) -> list[tuple[int, int]]:
    """Speakers of a chat log or transcript. One "Note: ..." line is a label, and so is every
    key of a record (LDIF, YAML, headers: "dn:", "objectClass:", "dob:"), each said once: a
    speaker has a clock or a chat mark before it ("[09:14] kofi:", "<kofi>"), is a listed
    name, or opens two lines or more and is no key of a program's (camelCase, snake_case)."""
    speakers = [m for m in _SPEAKER.finditer(text) if m.group("first").lower() not in COMMON_WORDS]
    if len(speakers) < 2:
        return []
    turns = Counter(m.group("first").lower() for m in speakers)

    def speaks(m: re.Match[str]) -> bool:
        word = m.group("first")
        low = word.lower()
        if m.group("stamp") or _given(low) or _surname(low):
            return True
        return turns[low] >= 2 and not _CODE_KEY.search(word)

    return [m.span("first") for m in speakers if speaks(m)]


# A field's name in PascalCase: humps, the last one a word fields end with ("DateOfBirth",
# "HomeownerName"); not "McAllister" or "DeShawn".
_PASCAL_FIELD = re.compile(
    r"(?:[A-Z][a-z]+)+(?:Name|Age|Birth|Date|At|Id|No|Number|Code|Address|Phone|Email|Ref|Type|"
    r"Time|Status|City)"
)


def _field_name(word: str) -> bool:
    return _PASCAL_FIELD.fullmatch(word) is not None


def _given(low: str) -> bool:
    """A listed given name, or a hyphenated one made of them ("anna-lena")."""
    if "-" in low:
        return all(_given(part) for part in low.split("-"))
    return low in GIVEN_NAMES and low not in WORDLIKE_NAMES


def _surname(low: str) -> bool:
    """A listed surname, or a double-barrelled one with a listed part ("perrin-bonnet")."""
    if "-" in low:
        parts = low.split("-")
        return any(_surname(part) for part in parts) and not any(
            part in COMMON_WORDS and part not in SURNAMES for part in parts
        )
    return low in SURNAMES and low not in WORDLIKE_NAMES


# Two or three capitalised words none of which is an ordinary word or a place: a name NER and
# the lists both missed ("Sjoerd Bosman", "Temitope Balogun"). A longer run is a title.
_PAIR_SCORE = 0.6
_LONGEST_NAME_WORD = 15  # "Thistlethwaite"; "Identifikationsnummer" is a compound noun
_NAME_SHAPE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


# Greetings and titles of the scripts with capitals ("Բարև", "Տիկին"), which open the run.
_GREETINGS = frozenset(w.rstrip(".") for w in load_words("name_greetings.txt"))


def _unknown_capitalised(word: str) -> bool:
    low = word.lower()
    return (
        2 <= len(word) <= _LONGEST_NAME_WORD
        and word[0].isupper()
        and not word.isupper()
        and _NAME_SHAPE.fullmatch(word) is not None
        and low not in COMMON_WORDS
        and low not in PLACES
        and low not in PLACES_CAPITALISED
        and low not in NOT_NAMES
        and low not in _GREETINGS
        and not any(part in COMMON_WORDS for part in low.split("-"))
    )


# Initials and the surname after a given name: "Oksana T. Hrytsenko", "Faina D. Yefremova".
_INITIALS_AFTER = re.compile(r"(?:[ ][A-Z]\.){1,2}[ ](?P<last>[A-Z][\w'’-]+)")


def _with_initials(text: str, end: int) -> int:
    m = _INITIALS_AFTER.match(text, end)
    if m is None or m.group("last").lower() in COMMON_WORDS:
        return end
    return m.end()


def _is_place(value: str) -> bool:
    low = value.lower()
    return low in PLACES or low in PLACES_CAPITALISED


_GLUE = frozenset("/@._=#-\\:")


def _free_standing(text: str, start: int, end: int) -> bool:
    """Not part of a URL, address, path or identifier ("github.com/anna", "anna_k")."""
    return not (start > 0 and text[start - 1] in _GLUE) and not (
        end < len(text) and text[end] in _GLUE and text[end + 1 : end + 2].strip()
    )


_QUOTES = '"“”'


def _a_title(text: str, start: int, end: int) -> bool:
    """A work's title: after a possessive ("Tammy Kappel's Cautionary Tales") or quoted
    ("Tube Snake Boogie" closed by its quote)."""
    if text[max(0, start - 3) : start].lower() in ("'s ", "’s "):
        return True
    if text[end : end + 1] in _QUOTES:
        line = text[text.rfind("\n", 0, start) + 1 : start]
        return sum(line.count(q) for q in _QUOTES) % 2 == 1
    return False


# The addressee's line at the head of an address block: two or three capitalised words alone on
# their line, with a street line (a house number, a unit, a street word first) right below.
_ADDRESSEE = re.compile(
    r"^[ \t>*-]*(?P<name>[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:['’-][^\W\d_]+)*"
    r"(?:[ ](?:[A-Z]\.|[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:['’-][^\W\d_]+)*)){1,2})[ \t]*\r?\n"
    r"(?=[ \t>*-]*\n?[ \t>*-]*(?:\d|(?i:flat|apt|unit|suite|bât|appartement|c/|via|rue|calle|"
    r"carrer|rua|avenida|av\.|ul\.|al\.|piazza|corso|strada)\b|[^\n]*\d))",
    re.MULTILINE,
)


def _addressees(text: str) -> list[tuple[int, int]]:
    if "\n" not in text:
        return []
    out = []
    for m in _ADDRESSEE.finditer(text):
        words = m.group("name").split()
        if any(w.lower() in COMMON_WORDS or w.lower() in NOT_NAMES for w in words):
            continue
        out.append(m.span("name"))
    return out


def _capitalised_runs(words: list[tuple[int, int, str]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        if not _unknown_capitalised(words[i][2]):
            i += 1
            continue
        j = i
        while (
            j + 1 < n
            and text[words[j][1] : words[j + 1][0]] == " "
            and _unknown_capitalised(words[j + 1][2])
        ):
            j += 1
        # A run that goes on into other capitalised words ("Sjoerd Bosman Consulting Group")
        # is a title or an organisation.
        nxt = words[j + 1] if j + 1 < n and text[words[j][1] : words[j + 1][0]] == " " else None
        start, end = words[i][0], words[j][1]
        if 1 <= j - i <= 2 and not (nxt and nxt[2][0].isupper()) and not _a_title(text, start, end):
            out.append((start, end))
        i = j + 1
    return out


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not (len(word) > 1 and word.isupper())


def _name_like(word: str, *, lower_ok: bool) -> bool:
    """Could this word be a name? Capitalised non-words always; lower case only if listed."""
    low = word.lower()
    if low in BASIC_WORDS or len(word) < 2:
        return False
    if _capitalised(word):
        return low not in COMMON_WORDS or low in SURNAMES or low in GIVEN_NAMES
    if word.islower() and lower_ok:
        return _given(low) or _surname(low) or (not word.isascii() and low not in COMMON_WORDS)
    return False


def _listed(words: list[tuple[int, int, str]], text: str) -> list[tuple[int, int]]:
    """Single listed names: given names in any case, capitalised surnames, given + surname."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        start, end, word = words[i]
        low = word.lower()
        cap = _capitalised(word)
        nxt = words[i + 1] if i + 1 < n and text[end : words[i + 1][0]] == " " else None
        n_low = nxt[2].lower() if nxt else ""
        take = 0
        if _given(low) and (cap or word.islower()):
            take = 1
        elif cap and low in GIVEN_NAMES and nxt and _capitalised(nxt[2]):
            # "Grace Kelly", "Will Smith": a word-like given name counts before a surname.
            if n_low in SURNAMES or n_low not in COMMON_WORDS:
                take = 2
        elif cap and _surname(low):
            take = 1
        elif (
            word.islower()
            and nxt
            and nxt[2].islower()
            and _surname(n_low)
            and n_low not in COMMON_WORDS
            and low not in COMMON_WORDS
            and len(low) >= 2
            and _NAME_SHAPE.fullmatch(word)
        ):
            take = 2  # "yui sato", "ludovica esposito": an unlisted given name before a surname
        if not take:
            i += 1
            continue
        j = i + take - 1
        # Extend by surnames and capitalised words: "john smith", "Anna Maria Rossi".
        while j + 1 < n and j - i < 2 and text[words[j][1] : words[j + 1][0]] == " ":
            w = words[j + 1][2]
            w_low = w.lower()
            if w_low in BASIC_WORDS:
                break
            upper_ok = _capitalised(w) and (w_low not in COMMON_WORDS or w_low in SURNAMES)
            lower_ok = w.islower() and w_low in SURNAMES
            if not (upper_ok if cap else lower_ok):
                break
            j += 1
        out.append((start, words[j][1]))
        i = j + 1
    return out


def _cued(text: str, keyed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names after cues; those after a key ("name: ...", "Nachname=") also go to `keyed`."""
    out: list[tuple[int, int]] = []
    for m in _CUE.finditer(text):
        first, second = m.group("first"), m.group("second")
        if first.lower() in _REFERENCE_LABELS or _field_name(first):
            continue  # <Data Name="Ref">, <Data Name="DateOfBirth">: the field's name
        if first.lower() in COMMON_WORDS and not _given(first.lower()):
            continue
        if first.lower() in _GREETING_OBJECTS or _ADDRESS_AFTER.match(text, m.end("first")):
            continue  # "To: ops@example.com" names a mailbox, not a person
        if text.startswith(("(", ".", "::"), m.end("first")):
            continue  # "client = Groq(...)", "driver = webdriver.Chrome()": code, not a name
        start, end = m.span("first")
        # After the cue the second word is the surname unless it is an ordinary word, listed
        # or not ("dear olusegun obasanjo").
        if second and second.lower() not in COMMON_WORDS and len(second) >= 2:
            end = m.end("second")
        out.append((start, end))
        if m.group("key") and _capitalised(first):
            keyed.append((start, end))
    for m in _SOFT_CUE.finditer(text):
        word = m.group("first")
        if _capitalised(word) and word.lower() not in COMMON_WORDS:
            out.append(m.span("first"))
    for pattern in (_AFTER_CUE, _VOCATIVE):
        for m in pattern.finditer(text):
            word = m.group("first")
            low = word.lower()
            if low in _KEY_WORDS or low in _REFERENCE_LABELS:
                continue  # ref: "CRS-17224" is a record's key
            if low in COMMON_WORDS and not (_given(low) or _surname(low)):
                continue
            if _capitalised(word) or (word.islower() and not low.isascii()) or _given(low):
                out.append(m.span("first"))
            elif word.islower() and m.group().endswith(('"', "“")):
                out.append(m.span("first"))  # a speaker in a transcript, in lower case
    out.extend(_speakers(text))
    for m in _INITIALS.finditer(text):
        last = m.group("last").lower()
        if last not in COMMON_WORDS or last in SURNAMES:
            out.append(m.span())
    for m in _TITLE.finditer(text):
        first, second = m.group("first"), m.group("second")
        if m.group("low") and not (
            _name_like(first, lower_ok=True) or first.lower() not in COMMON_WORDS
        ):
            continue
        if m.group("cap") and not _capitalised(first):
            continue
        end = m.end("first")
        if second and second.lower() not in BASIC_WORDS:
            cap_ok = m.group("cap") and _capitalised(second)
            if cap_ok or (m.group("low") and _name_like(second, lower_ok=True)):
                end = m.end("second")
        out.append((m.start(), end))
    return out


def _spread(
    text: str, words: list[tuple[int, int, str]], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A list of name-like words with one known name in it ("Malon, Mark and Kaylee") is names."""
    starts = {s for s, _ in spans} | {e for _, e in spans}
    words = [w for w in words if w[2].lower() not in _CONNECTIVES]
    added: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        chain = [k]
        while chain[-1] + 1 < len(words) and (
            text[words[chain[-1]][1] : words[chain[-1] + 1][0]] in _JOINERS
        ):
            chain.append(chain[-1] + 1)
        k = chain[-1] + 1
        if len(chain) < 2:
            continue
        members = [words[i] for i in chain]
        lower_ok = all(w.islower() for _, _, w in members)
        if not all(_name_like(w, lower_ok=lower_ok) for _, _, w in members):
            continue
        known = any(
            s in starts or e in starts or _given(w.lower()) or _surname(w.lower())
            for s, e, w in members
        )
        if known:
            added.extend((s, e) for s, e, _ in members)
    return added


def place_not_person(value: str) -> bool:
    """A listed place none of whose words is a listed given name or surname ("Kraków",
    "Wagga Wagga"): the model's PERSON reading of it is wrong."""
    return _is_place(value) and not any(_given(w) or _surname(w) for w in value.lower().split())


def implausible_person(value: str) -> bool:
    """NER "names" made only of ordinary words, or with label punctuation ("git log: commit")."""
    if ":" in value or _NOT_A_NAME.search(value):
        return True
    lows = [w.lower() for w in value.split()]
    if len(lows) == 1 and lows[0] in LABEL_WORDS:
        return True
    return all(w in COMMON_WORDS and w not in GIVEN_NAMES and w not in SURNAMES for w in lows)


def label_not_person(text: str, start: int, end: int) -> bool:
    """A model's name that is a label or a key: the word before a value ("Contacto: ana@…",
    "\"DRIVER\": \"…\"", "runner;dob;email"), or a word in lower case ("· chargeback"),
    unless each of its words is a listed name."""
    value = text[start:end]
    if all(_given(w) or _surname(w) for w in value.lower().split()):
        return False
    return value.islower() or _KEY_AFTER.match(text, end) is not None


_KEY_AFTER = re.compile(r"[\"']?[ \t]*(?:[:=][ \t]*\S|;\w)")


def _word_list(text: str) -> list[tuple[int, int, str]]:
    words = []
    for m in _WORD.finditer(text):
        start, end, word = m.start(), m.end(), m.group()
        if word[-2:].lower() in ("'s", "’s"):
            end, word = end - 2, word[:-2]  # the possessive is not part of the name
        words.append((start, end, word))
    return words


def name_candidates(text: str, *, places: Iterable[Candidate] | None = None) -> list[Candidate]:
    """Person-name candidates the lists and cues support; NER adds the rest. `places` are the
    text's `place_candidates`, when the caller has them already."""
    words = _word_list(text)
    keyed: list[tuple[int, int]] = []
    listed = _listed(words, text)
    spans = listed + _cued(text, keyed)
    spans += _spread(text, words, spans)
    out: list[Candidate] = []
    place_spans = sorted(
        (c.start, c.end) for c in (place_candidates(text) if places is None else places)
    )
    # Starts in order and the furthest end reached so far: each test is one bisection, where a
    # scan of every place made a long text of capitalised words quadratic.
    starts = [s for s, _ in place_spans]
    reach = list(itertools.accumulate((e for _, e in place_spans), max))

    def in_place(start: int, end: int) -> bool:
        """Some place holds start..end."""
        i = bisect.bisect_right(starts, start)
        return i > 0 and reach[i - 1] >= end

    def meets_place(start: int, end: int) -> bool:
        """Some place overlaps start..end."""
        i = bisect.bisect_left(starts, end)
        return i > 0 and reach[i - 1] > start

    # A listed name that is no place, or a given name with its surname ("Mary Bilić", where
    # Mary is also a city), standing free in the text: the model's place reading is wrong.
    # Not a word of a place's name ("Las Vegas", "Hong Kong").
    out.extend(
        Candidate(start, _with_initials(text, end), "PERSON", _KEYED_SCORE, "listed_name")
        for start, end in listed
        if _free_standing(text, start, end)
        and not _NOT_A_NAME.search(text[start:end])
        and not in_place(start, end)
        and (" " in text[start:end] or not _is_place(text[start:end]))
        and not any(w.lower() in COMMON_WORDS for w in text[start:end].split())
    )
    for start, end in spans:
        value = text[start:end]
        if end - start >= 2 and not _NOT_A_NAME.search(value):
            out.append(Candidate(start, end, "PERSON", 0.7, "names"))
    # A name under its key ("name: Sakura Kato-Ito") outranks the model reading it as a place.
    out.extend(
        Candidate(start, end, "PERSON", _KEYED_SCORE, "keyed_name")
        for start, end in keyed
        if not _NOT_A_NAME.search(text[start:end])
    )
    out.extend(
        Candidate(start, end, "PERSON", _PAIR_SCORE, "capitalised")
        for start, end in _capitalised_runs(words, text)
        if not meets_place(start, end)
    )
    out.extend(
        Candidate(start, end, "PERSON", _KEYED_SCORE, "addressee")
        for start, end in _addressees(text)
        if not in_place(start, end)
    )
    out.extend(
        Candidate(start, end, "PERSON", _PARTICLE_SCORE, "particle_name")
        for start, end in _particle_names(text)
    )
    out.extend(
        Candidate(start, end, "PERSON", 0.8, "user_name") for start, end in _user_names(text)
    )
    out.extend(
        Candidate(start, end, "PERSON", _PAIR_SCORE + 0.1, "upper_name")
        for start, end in _upper_names(text)
        if not meets_place(start, end)
    )
    out.extend(
        Candidate(start, end, "PERSON", _PARTICLE_SCORE, "vi_name")
        for start, end in _vietnamese_names(text)
    )
    out.extend(
        Candidate(start, end, "PERSON", _PAIR_SCORE + 0.1, "romanized_name")
        for start, end in _romanized_names(text)
    )
    out.extend(
        Candidate(start, end, "PERSON", _PARTICLE_SCORE, "surname_first")
        for start, end in _surname_first(text)
    )
    return out


def repeated_names(text: str, names: list[Candidate]) -> list[Candidate]:
    """Every other mention of a name found once ("Hiroshi Tanaka ... Tanaka", "from abena").

    Each word of a found name counts unless it is an ordinary word; a name written in lower case
    matches in any case, a capitalised one only as written.
    """
    words: set[str] = set()
    for c in names:
        for w in _WORD.findall(text[c.start : c.end]):
            if len(w) >= 3 and w.lower() not in COMMON_WORDS and w.lower() not in WORDLIKE_NAMES:
                words.add(w)
    if not words:
        return []
    lower = {w.lower() for w in words if w.islower()}
    exact = {w for w in words if not w.islower()}
    out: list[Candidate] = []
    for m in _WORD.finditer(text):
        w = m.group()
        if w[-2:].lower() in ("'s", "’s"):
            w = w[:-2]
        if w not in exact and w.lower() not in lower:
            continue
        start, end = m.start(), m.start() + len(w)
        # Not the local part or host of an e-mail address ("anna@..." or "...@anna.dev").
        if text[end : end + 1] == "@" or text[start - 1 : start] in ("@", "."):
            continue
        out.append(Candidate(start, end, "PERSON", 0.7, "repeat"))
    return out
