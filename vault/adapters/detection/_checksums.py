"""Checksums of identifiers Presidio does not validate: bech32/bech32m, EIP-55, DEA, NRIC/FIN,
Brazilian CPF, French NIR, Dutch BSN, ICAO 9303 document numbers, Korean FRN and the UK DVLA
licence date."""

from __future__ import annotations

from datetime import date

__all__ = [
    "bech32_ok",
    "bsn_ok",
    "cpf_ok",
    "dea_ok",
    "dvla_date_ok",
    "eip55_ok",
    "iban_ok",
    "icao_ok",
    "keccak256",
    "kr_frn_ok",
    "nir_ok",
    "nric_ok",
]

_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_VALUE = {ch: i for i, ch in enumerate(_BECH32_CHARSET)}
_BECH32_CONSTANTS = (1, 0x2BC830A3)  # BIP 173 (bech32) and BIP 350 (bech32m)


def _polymod(values: list[int]) -> int:
    generator = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            chk ^= generator[i] if (top >> i) & 1 else 0
    return chk


def bech32_ok(address: str) -> bool:
    """True for a bech32 or bech32m string (one case only) whose checksum holds."""
    if address.lower() != address and address.upper() != address:
        return False
    address = address.lower()
    hrp, sep, data = address.rpartition("1")
    if not sep or not hrp or len(data) < 6 or any(ch not in _BECH32_VALUE for ch in data):
        return False
    values = [ord(ch) >> 5 for ch in hrp] + [0] + [ord(ch) & 31 for ch in hrp]
    return _polymod(values + [_BECH32_VALUE[ch] for ch in data]) in _BECH32_CONSTANTS


_KECCAK_ROUNDS = (
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
)  # fmt: skip
_ROTATIONS = (
    (0, 36, 3, 41, 18), (1, 44, 10, 45, 2), (62, 6, 43, 15, 61), (28, 55, 25, 21, 56),
    (27, 20, 39, 8, 14),
)  # fmt: skip
_MASK = (1 << 64) - 1


def _rol(x: int, n: int) -> int:
    return ((x << n) | (x >> (64 - n))) & _MASK if n else x


def _keccak_f(a: list[list[int]]) -> None:
    for rc in _KECCAK_ROUNDS:
        c = [a[x][0] ^ a[x][1] ^ a[x][2] ^ a[x][3] ^ a[x][4] for x in range(5)]
        d = [c[(x - 1) % 5] ^ _rol(c[(x + 1) % 5], 1) for x in range(5)]
        for x in range(5):
            for y in range(5):
                a[x][y] ^= d[x]
        b = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                b[y][(2 * x + 3 * y) % 5] = _rol(a[x][y], _ROTATIONS[x][y])
        for x in range(5):
            for y in range(5):
                a[x][y] = b[x][y] ^ (~b[(x + 1) % 5][y] & b[(x + 2) % 5][y])
        a[0][0] ^= rc


def keccak256(data: bytes) -> bytes:
    """Keccak-256 as Ethereum uses it (original padding, not NIST SHA3-256)."""
    rate = 136
    if len(data) % rate == rate - 1:  # one byte short of a block: 0x01 and 0x80 share it
        padded = bytearray(data) + b"\x81"
    else:
        padded = bytearray(data) + b"\x01" + b"\x00" * ((-len(data) - 2) % rate) + b"\x80"
    state = [[0] * 5 for _ in range(5)]
    for offset in range(0, len(padded), rate):
        block = padded[offset : offset + rate]
        for i in range(rate // 8):
            state[i % 5][i // 5] ^= int.from_bytes(block[8 * i : 8 * i + 8], "little")
        _keccak_f(state)
    return b"".join(state[i % 5][i // 5].to_bytes(8, "little") for i in range(4))


def eip55_ok(address: str) -> bool:
    """True for 0x + 40 hex digits in one case, or mixed case that matches its EIP-55 checksum."""
    body = address[2:]
    if len(body) != 40 or any(ch not in "0123456789abcdefABCDEF" for ch in body):
        return False
    if body.lower() == body or body.upper() == body:
        return True
    digest = keccak256(body.lower().encode("ascii")).hex()
    return all(
        ch.isdigit() or (ch.isupper() == (int(h, 16) >= 8))
        for ch, h in zip(body, digest, strict=False)
    )


def dea_ok(value: str) -> bool:
    """A DEA registration number: two letters, seven digits, the last a checksum of the six."""
    digits = value[2:]
    if len(value) != 9 or not digits.isdigit():
        return False
    d = [int(ch) for ch in digits]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


_NRIC_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)
_NRIC_LETTERS = {"S": "JZIHGFEDCBA", "T": "JZIHGFEDCBA", "F": "XWUTRQPNMLK", "G": "XWUTRQPNMLK"}


def nric_ok(value: str) -> bool:
    """A Singapore NRIC/FIN whose check letter holds (S, T, F, G); M series by shape."""
    value = value.upper()
    if len(value) != 9 or not value[1:8].isdigit() or not value[8].isalpha():
        return False
    prefix = value[0]
    if prefix == "M":
        return True
    letters = _NRIC_LETTERS.get(prefix)
    if letters is None:
        return False
    total = sum(int(ch) * w for ch, w in zip(value[1:8], _NRIC_WEIGHTS, strict=True))
    total += 4 if prefix in "TG" else 0
    return letters[total % 11] == value[8]


def _only_digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def cpf_ok(value: str) -> bool:
    """A Brazilian CPF: 11 digits (any punctuation ignored), both mod-11 check digits holding,
    not one digit repeated (11111111111 passes the arithmetic but is never issued)."""
    digits = _only_digits(value)
    if len(digits) != 11 or len(set(digits)) == 1:
        return False
    d = [int(ch) for ch in digits]
    for n in (9, 10):
        total = sum(x * w for x, w in zip(d[:n], range(n + 1, 1, -1), strict=True))
        if total * 10 % 11 % 10 != d[n]:
            return False
    return True


def nir_ok(value: str) -> bool:
    """A French NIR (INSEE number, numéro de sécurité sociale): 13 characters and a two-digit
    key, 97 minus the 13 read as a number modulo 97; Corsica's departments 2A and 2B count as
    19 and 18. The sex digit must be 1 or 2 (3, 4, 7, 8 for provisional numbers)."""
    compact = "".join(ch for ch in value.upper() if ch.isalnum())
    if len(compact) != 15 or compact[0] not in "123478" or not compact[13:].isdigit():
        return False
    body = compact[:13]
    if body[5:7] in ("2A", "2B"):
        body = body[:5] + ("19" if body[6] == "A" else "18") + body[7:]
    if not body.isdigit():
        return False
    return 97 - int(body) % 97 == int(compact[13:])


def bsn_ok(value: str) -> bool:
    """A Dutch BSN (burgerservicenummer): nine digits passing the elfproef, the weights 9..2
    on the first eight minus the last, a multiple of 11; all zeros is not a number."""
    digits = _only_digits(value)
    if len(digits) != 9 or digits == "000000000":
        return False
    d = [int(ch) for ch in digits]
    return (sum(x * w for x, w in zip(d[:8], range(9, 1, -1), strict=True)) - d[8]) % 11 == 0


def iban_ok(value: str) -> bool:
    """True for an IBAN (separators already taken out, any case) whose ISO 7064 mod 97-10
    check holds."""
    value = value.upper()
    if not (15 <= len(value) <= 34 and value[:2].isalpha() and value[2:4].isdigit()):
        return False
    if not value.isascii() or not value.isalnum():
        return False
    moved = value[4:] + value[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _icao_value(ch: str) -> int:
    return ord(ch) - 48 if ch.isdigit() else ord(ch) - 55  # A=10 ... Z=35


def icao_ok(value: str) -> bool:
    """True when the last digit of `value` is the ICAO 9303 check digit (weights 7, 3, 1) of
    the characters before it, as on German ID cards and passports."""
    value = value.upper()
    if len(value) < 2 or not value[-1].isdigit() or not value.isalnum() or not value.isascii():
        return False
    total = sum(_icao_value(ch) * (7, 3, 1)[i % 3] for i, ch in enumerate(value[:-1]))
    return total % 10 == int(value[-1])


_KR_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def kr_frn_ok(value: str) -> bool:
    """True for a Korean foreign registration number: birth date, a sex digit 5-8 and the
    check digit issued before October 2020 ((13 - sum mod 11) mod 10; the RRN's 11 too, which
    some offices used)."""
    digits = _only_digits(value)
    if len(digits) != 13 or digits[6] not in "5678" or not _kr_birth_ok(digits):
        return False
    total = sum(w * int(d) for w, d in zip(_KR_WEIGHTS, digits, strict=False))
    return int(digits[12]) in {(13 - total % 11) % 10, (11 - total % 11) % 10}


def kr_rrn_ok(value: str) -> bool:
    """True for a Korean resident registration number issued before October 2020 whatever its
    region digits: a birth date, a sex digit (1-4, or 9 and 0 for the 1800s) and the check digit
    (11 - sum mod 11) mod 10."""
    digits = _only_digits(value)
    if len(digits) != 13 or digits[6] not in "123490" or not _kr_birth_ok(digits):
        return False
    total = sum(w * int(d) for w, d in zip(_KR_WEIGHTS, digits, strict=False))
    return int(digits[12]) == (11 - total % 11) % 10


def _kr_birth_ok(digits: str) -> bool:
    return "01" <= digits[2:4] <= "12" and "01" <= digits[4:6] <= "31"


def dvla_date_ok(value: str) -> bool:
    """True when a 16-character DVLA licence number's birth date is a real day: the decade in
    the 6th character, the month (plus 50 for a woman) in the 7th-8th, the day in the 9th-10th
    and the year's last digit in the 11th."""
    if len(value) != 16 or not value[5:11].isdigit():
        return False
    month, day = int(value[6:8]), int(value[8:10])
    month = month - 50 if month > 50 else month
    year = 1900 + int(value[5]) * 10 + int(value[10])
    try:
        date(year, month, day)
    except ValueError:
        try:
            date(year + 100, month, day)  # 29 February in a leap year of the 2000s
        except ValueError:
            return False
    return True
